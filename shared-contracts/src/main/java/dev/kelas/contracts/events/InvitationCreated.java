package dev.kelas.contracts.events;

import dev.kelas.contracts.KelasEvent;
import dev.kelas.contracts.Role;
import dev.kelas.contracts.Subjects;
import java.time.Instant;
import java.util.UUID;

/**
 * An administrator invited someone to the school by e-mail (issue 15), or sent an invitation again with a fresh
 * token. Subject {@code kelas.auth.invitation.created}; notification-service mails the single-use link with
 * {@code token} to {@code email}. The token dies at {@code expiresAt} or when it is used or the invitation revoked;
 * auth-service keeps only its hash. {@code schoolName} is the school's name for the mail.
 */
public record InvitationCreated(UUID invitationId, UUID tenantId, String email, String name, Role role, String schoolName,
                                String token, Instant expiresAt, Instant occurredAt) implements KelasEvent {

    @Override
    public String subject() {
        return Subjects.AUTH_INVITATION_CREATED;
    }

    @Override
    public String aggregateType() {
        return "invitation";
    }

    @Override
    public UUID aggregateId() {
        return invitationId;
    }
}
