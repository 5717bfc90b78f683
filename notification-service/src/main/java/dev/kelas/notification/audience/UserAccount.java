package dev.kelas.notification.audience;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** This service's copy of a user, kept from {@code kelas.auth.user.*} events: where to mail, whom a role means. */
@Entity
@Table(name = "user_account")
public class UserAccount extends PanacheEntityBase {
    // A late event older than what is stored changes nothing; e-mail is only ever set, never cleared.
    private static final String UPSERT = """
            insert into user_account (user_id, tenant_id, email, name, role, active, occurred_at)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7)
            on conflict (user_id) do update set email = coalesce(excluded.email, user_account.email),
                name = excluded.name, role = excluded.role, active = excluded.active, occurred_at = excluded.occurred_at
            where user_account.occurred_at <= excluded.occurred_at and user_account.tenant_id = excluded.tenant_id""";

    @Id
    public UUID userId;
    public UUID tenantId;
    public String email;
    public String name;
    public String role;
    public boolean active;
    public Instant occurredAt;

    /**
     * Records a user as an event describes them at {@code occurredAt}.
     *
     * @param email null when the event does not carry it (the stored one is kept)
     */
    public static Uni<Void> apply(UUID tenantId, UUID userId, String email, String name, String role, boolean active,
                                  Instant occurredAt) {
        return Panache.getSession().chain(session -> session.createNativeQuery(UPSERT)
                .setParameter(1, userId).setParameter(2, tenantId).setParameter(3, email).setParameter(4, name)
                .setParameter(5, role).setParameter(6, active).setParameter(7, occurredAt).executeUpdate()).replaceWithVoid();
    }

    /** A user of this school, or null. */
    public static Uni<UserAccount> findInTenant(UUID tenantId, UUID userId) {
        return find("tenantId = ?1 and userId = ?2", tenantId, userId).firstResult();
    }

    /** A user's name in this school, or null when the user is not (yet) known here. */
    public static Uni<String> nameOf(UUID tenantId, UUID userId) {
        return userId == null ? Uni.createFrom().nullItem() : findInTenant(tenantId, userId).map(u -> u == null ? null : u.name);
    }

    /** The users among these ids that this service knows, in any school. */
    public static Uni<List<UserAccount>> findAll(List<UUID> userIds) {
        return userIds.isEmpty() ? Uni.createFrom().item(List.of()) : list("userId in ?1", userIds);
    }

    /** The active users of a school with a role, or all of them when {@code role} is null. */
    public static Uni<List<UUID>> activeIds(UUID tenantId, String role) {
        return role == null
                ? find("select userId from UserAccount where tenantId = ?1 and active = true", tenantId).project(UUID.class).list()
                : find("select userId from UserAccount where tenantId = ?1 and active = true and role = ?2", tenantId, role)
                        .project(UUID.class).list();
    }
}
