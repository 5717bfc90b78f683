package dev.kelas.learning.behavior;

import dev.kelas.runtime.persistence.TenantEntity;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A teacher's note on a student's behaviour in a class: positive or negative, a category of the
 * school's list, signed points, what happened and on which day, and whether the student sees it.
 */
@Entity
public class BehaviorNote extends TenantEntity {
    public UUID studentId;
    public UUID classId;
    public UUID authorId;
    @Enumerated(EnumType.STRING)
    public BehaviorKind kind;
    public String category;
    public int points;
    public String description;
    public LocalDate occurredOn;
    public boolean visibleToStudent;
    public Instant createdAt;
    public Instant updatedAt;
    public int version;

    /** A student's notes, newest day first; staff-only ones only when {@code includeStaffOnly}. */
    public static Uni<List<BehaviorNote>> listForStudent(UUID tenantId, UUID studentId, LocalDate from, LocalDate to,
                                                         boolean includeStaffOnly) {
        String visible = includeStaffOnly ? "" : " and visibleToStudent = true";
        return list("tenantId = ?1 and studentId = ?2 and occurredOn >= ?3 and occurredOn <= ?4" + visible
                + " order by occurredOn desc, createdAt desc", tenantId, studentId, from, to);
    }

    /** A class's notes in a date range. */
    public static Uni<List<BehaviorNote>> listForClass(UUID classId, LocalDate from, LocalDate to) {
        return list("classId = ?1 and occurredOn >= ?2 and occurredOn <= ?3 order by occurredOn", classId, from, to);
    }

    /** The note's fields as the audit trail keeps them. */
    public Map<String, Object> snapshot() {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("kind", kind.name());
        fields.put("category", category);
        fields.put("points", points);
        fields.put("description", description);
        fields.put("occurredOn", occurredOn.toString());
        fields.put("visibleToStudent", visibleToStudent);
        return fields;
    }
}
