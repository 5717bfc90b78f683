package dev.kelas.learning.member;

import dev.kelas.contracts.Role;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** learning-service's copy of a user of auth-service, kept from {@code kelas.auth.user.*} events. */
@Entity
public class Member extends PanacheEntityBase {
    @Id
    public UUID userId;
    public UUID tenantId;
    public String email;
    public String name;
    @Enumerated(EnumType.STRING)
    public Role role;
    public Instant updatedAt;

    /** The member with this id in this tenant, or null. */
    public static Uni<Member> findInTenant(UUID tenantId, UUID userId) {
        return find("tenantId = ?1 and userId = ?2", tenantId, userId).firstResult();
    }

    /** The members of this tenant among these ids. */
    public static Uni<List<Member>> listInTenant(UUID tenantId, Collection<UUID> userIds) {
        return userIds.isEmpty() ? Uni.createFrom().item(List.of())
                : list("tenantId = ?1 and userId in ?2", tenantId, userIds);
    }
}
