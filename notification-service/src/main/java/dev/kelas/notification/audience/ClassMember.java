package dev.kelas.notification.audience;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Who belongs to which class, kept from {@code kelas.learning.enrollment.created} (students) and the
 * teacher those events and {@code kelas.learning.assignment.published} name. Rows of {@code class_member}.
 */
public final class ClassMember {
    /** A member's place in a class. */
    public enum ClassRole { STUDENT, TEACHER }

    // The earliest known start wins: a redelivered or late event does not move it.
    private static final String UPSERT = """
            insert into class_member (class_id, user_id, tenant_id, role, since) values (?1, ?2, ?3, ?4, ?5)
            on conflict (class_id, user_id) do update set since = least(class_member.since, excluded.since)
            where class_member.tenant_id = excluded.tenant_id""";
    // Users known to be deactivated are left out; users not yet known are not (their event may be late).
    private static final String MEMBERS = """
            select m.user_id from class_member m
            where m.tenant_id = ?1 and m.class_id = ?2 and m.role = any(string_to_array(?3, ',')) and m.since <= ?4
              and not exists (select 1 from user_account a where a.user_id = m.user_id and not a.active)
            order by m.user_id""";

    private ClassMember() {
    }

    /** Records that a user belongs to a class from {@code since} on. */
    public static Uni<Void> join(UUID tenantId, UUID classId, UUID userId, ClassRole role, Instant since) {
        return Panache.getSession().chain(session -> session.createNativeQuery(UPSERT)
                .setParameter(1, classId).setParameter(2, userId).setParameter(3, tenantId).setParameter(4, role.name())
                .setParameter(5, since).executeUpdate()).replaceWithVoid();
    }

    /** The ids of a class's active members in these roles who joined by {@code joinedBy}. */
    public static Uni<List<UUID>> ids(UUID tenantId, UUID classId, List<ClassRole> roles, Instant joinedBy) {
        return Panache.getSession().chain(session -> session.createNativeQuery(MEMBERS, UUID.class)
                .setParameter(1, tenantId).setParameter(2, classId)
                .setParameter(3, roles.stream().map(Enum::name).collect(Collectors.joining(","))).setParameter(4, joinedBy).getResultList());
    }

    /** A user's role in a class of this school, or null when they are not a member. */
    public static Uni<ClassRole> roleOf(UUID tenantId, UUID classId, UUID userId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select role from class_member where tenant_id = ?1 and class_id = ?2 and user_id = ?3", String.class)
                .setParameter(1, tenantId).setParameter(2, classId).setParameter(3, userId).getResultList())
                .map(roles -> roles.isEmpty() ? null : ClassRole.valueOf(roles.get(0)));
    }

    /** Whether this school has a class with this id that anyone is known to belong to. */
    public static Uni<Boolean> known(UUID tenantId, UUID classId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select count(*) from class_member where tenant_id = ?1 and class_id = ?2", Long.class)
                .setParameter(1, tenantId).setParameter(2, classId).getSingleResult()).map(n -> n > 0);
    }

    /** The classes of this school a user belongs to. */
    public static Uni<List<UUID>> classesOf(UUID tenantId, UUID userId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select class_id from class_member where tenant_id = ?1 and user_id = ?2 order by class_id", UUID.class)
                .setParameter(1, tenantId).setParameter(2, userId).getResultList());
    }
}
