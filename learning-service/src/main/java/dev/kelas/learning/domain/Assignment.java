package dev.kelas.learning.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Work set for a class, worth {@code points}, due at {@code dueAt}. */
@Entity
public class Assignment extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "class_id")
    public UUID classId;
    public String title;
    @Enumerated(EnumType.STRING)
    public AssignmentKind kind;
    public BigDecimal points;
    @Column(name = "due_at")
    public Instant dueAt;
    /** {@code DRAFT} or {@code PUBLISHED}. */
    public String status;
    @Column(name = "created_by")
    public UUID createdBy;
    @Column(name = "created_at")
    public Instant createdAt;

    /** The assignment with this id in this tenant, or null. */
    public static Uni<Assignment> findInTenant(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResult();
    }

    /** A class's assignments in due order. */
    public static Uni<List<Assignment>> listForClass(UUID classId) {
        return list("classId = ?1 order by dueAt, createdAt", classId);
    }
}
