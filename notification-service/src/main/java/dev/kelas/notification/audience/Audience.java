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
}
