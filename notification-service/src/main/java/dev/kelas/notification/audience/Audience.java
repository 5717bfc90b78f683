package dev.kelas.notification.audience;

import dev.kelas.contracts.Role;
import dev.kelas.notification.audience.ClassMember.ClassRole;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Who a notification is for, inside the event's school. Expanded to user ids from this service's own
 * projections ({@code user_account}, {@code class_member}) when the event is handled.
 */
public sealed interface Audience {
    /** One user. */
    record User(UUID userId) implements Audience {
    }

    /** Some users (each told once, however often listed); one known to be of another school is left out. */
    record Users(List<UUID> userIds) implements Audience {
        public Users {
            userIds = List.copyOf(new java.util.LinkedHashSet<>(userIds));
        }
    }

    /**
     * The members of a class in these roles who had joined it by {@code joinedBy} (an assignment published
     * before a student enrolled is not news to them).
     */
    record ClassMembers(UUID classId, List<ClassRole> roles, Instant joinedBy) implements Audience {
    }

    /** Every active user of the school with this role. */
    record WithRole(Role role) implements Audience {
    }

    /** Every active user of the school. */
    record WholeSchool() implements Audience {
    }

    /**
     * The audience a learning event names as {@code SCHOOL}, {@code ROLE} (with its role) or {@code CLASS}
     * (with its class: its students and teachers who had joined by {@code at}), as announcements and calendar
     * events do.
     *
     * @throws IllegalArgumentException for an audience without its class or role, or an unknown one (the event is dead-lettered)
     */
    static Audience named(String kind, UUID classId, Role role, Instant at) {
        if ("CLASS".equals(kind) && classId != null) {
            return new ClassMembers(classId, List.of(ClassRole.STUDENT, ClassRole.TEACHER), at);
        }
        if ("ROLE".equals(kind) && role != null) {
            return new WithRole(role);
        }
        if ("SCHOOL".equals(kind)) {
            return new WholeSchool();
        }
        throw new IllegalArgumentException("Audience " + kind + " is not CLASS with a class, ROLE with a role (one of "
                + List.of(Role.values()) + ") or SCHOOL");
    }
}
