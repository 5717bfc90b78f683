package dev.kelas.auth.invitation.dto;

import dev.kelas.auth.invitation.Invitation;
import dev.kelas.contracts.Role;
import java.time.Instant;
import java.util.UUID;

/**
 * An invitation as administrators see it (never its token).
 *
 * @param status PENDING, ACCEPTED, EXPIRED (a pending one past {@code expiresAt}) or REVOKED
 * @param userId the account it made, once ACCEPTED
 */
public record InvitationResponse(UUID id, String email, String name, Role role, Invitation.Status status, UUID invitedBy,
                                 Instant createdAt, Instant sentAt, Instant expiresAt, Instant acceptedAt, UUID userId,
                                 Instant revokedAt) {
    /** The invitation's state as of {@code now}. */
    public static InvitationResponse of(Invitation i, Instant now) {
        return new InvitationResponse(i.id, i.email, i.name, i.role, i.statusAt(now), i.invitedBy, i.createdAt, i.sentAt,
                i.expiresAt, i.acceptedAt, i.userId, i.revokedAt);
    }
}
