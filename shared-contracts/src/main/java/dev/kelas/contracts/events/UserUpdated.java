package dev.kelas.contracts.events;

import dev.kelas.contracts.KelasEvent;
import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.Role;
import java.time.Instant;
import java.util.UUID;

/**
 * A user's name, role, active flag, preferred language or time zone changed (by an administrator, or by the
 * user on their own profile). Subject {@code kelas.auth.user.updated} (any change),
 * {@code kelas.auth.user.deactivated} or {@code kelas.auth.user.activated}; the payload is the account
 * as it now is. {@code preferredLanguage} (BCP 47) and {@code timeZone} (IANA) are null where the user has not
 * chosen one (the school's applies); events from before they existed lack them.
 */
public record UserUpdated(UUID userId, UUID tenantId, String name, Role role, boolean active, Instant occurredAt,
                          String preferredLanguage, String timeZone) implements KelasEvent {

    /** An update without profile preferences. */
    public UserUpdated(UUID userId, UUID tenantId, String name, Role role, boolean active, Instant occurredAt) {
        this(userId, tenantId, name, role, active, occurredAt, null, null);
    }

    @Override
    public String subject() {
        return Subjects.AUTH_USER_UPDATED;
    }

    @Override
    public String aggregateType() {
        return "user";
    }

    @Override
    public UUID aggregateId() {
        return userId;
    }

    /**
     * The second subject a change of the active flag is also published on, with the same payload:
     * {@code kelas.auth.user.activated} when {@link #active()} is now true, else {@code kelas.auth.user.deactivated}.
     */
    public String activationSubject() {
        return active ? Subjects.AUTH_USER_ACTIVATED : Subjects.AUTH_USER_DEACTIVATED;
    }
}
