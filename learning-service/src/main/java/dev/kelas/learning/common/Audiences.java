package dev.kelas.learning.common;

import dev.kelas.contracts.Role;
import dev.kelas.learning.enrollment.Enrollment;
import dev.kelas.learning.enrollment.SchoolClass;
import dev.kelas.learning.enrollment.TeachingAssignment;
import dev.kelas.learning.records.GuardianLink;
import dev.kelas.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

/**
 * Whom a person's calendar is for: their roles and the classes they have a part in (the classes they
 * are actively enrolled in, teach or are homeroom teacher of, and for a parent the classes their linked
 * children are actively enrolled in). An administrator sees every event.
 *
 * @param taughtClassIds   classes the person teaches or is homeroom teacher of
 * @param enrolledClassIds classes the person is actively enrolled in
 * @param childClassIds    classes the children linked to a PARENT are actively enrolled in
 */
public record Audiences(UUID tenantId, UUID userId, Set<Role> roles, Set<UUID> taughtClassIds, Set<UUID> enrolledClassIds,
                        Set<UUID> childClassIds) {

    /** The caller's audiences. Call inside a session. */
    public static Uni<Audiences> of(Caller caller) {
        return of(caller.tenantId(), caller.userId(), rolesOf(caller));
    }

    /** A person's audiences from their roles. Call inside a session. */
    public static Uni<Audiences> of(UUID tenantId, UUID userId, Set<Role> roles) {
        Set<Role> own = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        Uni<Set<UUID>> taught = own.contains(Role.TEACHER) || own.contains(Role.ADMIN)
                ? SchoolClass.homeroomClassIds(tenantId, userId).chain(homeroom -> TeachingAssignment.classIdsOf(tenantId, userId)
                        .map(teaching -> {
                            Set<UUID> ids = new HashSet<>(homeroom);
                            ids.addAll(teaching);
                            return ids;
                        }))
                : Uni.createFrom().item(Set.of());
        return taught.chain(taughtIds -> (own.contains(Role.STUDENT)
                ? Enrollment.activeClassIds(tenantId, userId).map(ids -> (Set<UUID>) new HashSet<>(ids))
                : Uni.createFrom().item(Set.<UUID>of()))
                .chain(enrolled -> childClassIds(tenantId, userId, own)
                        .map(children -> new Audiences(tenantId, userId, own, Set.copyOf(taughtIds), Set.copyOf(enrolled),
                                Set.copyOf(children)))));
    }

    /** The classes a parent's linked children are actively enrolled in (none for other roles). */
    private static Uni<Set<UUID>> childClassIds(UUID tenantId, UUID userId, Set<Role> roles) {
        if (!roles.contains(Role.PARENT)) {
            return Uni.createFrom().item(Set.of());
        }
        return GuardianLink.childIds(tenantId, userId).chain(children -> {
            Set<UUID> ids = new HashSet<>();
            Uni<Void> all = Uni.createFrom().voidItem();
            for (UUID child : children) {
                all = all.chain(() -> Enrollment.activeClassIds(tenantId, child).invoke(ids::addAll).replaceWithVoid());
            }
            return all.map(ignored -> ids);
        });
    }

    /** Every class the person has a part in. */
    public Set<UUID> classIds() {
        Set<UUID> all = new HashSet<>(taughtClassIds);
        all.addAll(enrolledClassIds);
        all.addAll(childClassIds);
        return all;
    }

    /**
     * Whether the person is in an audience: an administrator always; others the school, their role and their classes.
     *
     * @param classId the class of a {@link Audience#CLASS} audience
     * @param role    the role of a {@link Audience#ROLE} audience
     */
    public boolean sees(Audience audience, UUID classId, Role role) {
        if (roles.contains(Role.ADMIN)) {
            return true;
        }
        return switch (audience) {
            case SCHOOL -> true;
            case ROLE -> roles.contains(role);
            case CLASS -> taughtClassIds.contains(classId) || enrolledClassIds.contains(classId) || childClassIds.contains(classId);
        };
    }

    /** The roles a caller holds. */
    public static Set<Role> rolesOf(Caller caller) {
        Set<Role> roles = EnumSet.noneOf(Role.class);
        for (Role role : Role.values()) {
            if (caller.hasRole(role)) {
                roles.add(role);
            }
        }
        return roles;
    }
}
