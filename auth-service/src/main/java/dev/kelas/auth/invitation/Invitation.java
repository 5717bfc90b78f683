package dev.kelas.auth.invitation;

import dev.kelas.contracts.Role;
import dev.kelas.runtime.persistence.TenantEntity;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * An invitation to join a school by e-mail (issue 15): its single-use token (stored only as its SHA-256 hash) lets
 * the invitee choose a password once, until {@link #expiresAt}.
 */
@Entity
@Table(name = "invitation")
public class Invitation extends TenantEntity {
    /** What became of an invitation. */
    public enum Status { PENDING, ACCEPTED, EXPIRED, REVOKED }

    public String email;
    public String name;
    @Enumerated(EnumType.STRING)
    public Role role;
    public String tokenHash;
    @Enumerated(EnumType.STRING)
    public Status status;
    public UUID invitedBy;
    public Instant createdAt;
    /** When the link was last sent (the first time, or the last resend). */
    public Instant sentAt;
    public Instant expiresAt;
    public Instant acceptedAt;
    /** The account the invitation made, once accepted. */
    public UUID userId;
    public Instant revokedAt;

    /** The status as of {@code now}: a PENDING invitation past its expiry is EXPIRED. */
    public Status statusAt(Instant now) {
        return status == Status.PENDING && !now.isBefore(expiresAt) ? Status.EXPIRED : status;
    }

    /** Uses the invitation up for the account it made. Rule: only a PENDING, unexpired invitation is accepted. */
    public void accept(UUID accountId, Instant now) {
        status = Status.ACCEPTED;
        acceptedAt = now;
        userId = accountId;
    }

    /** Revokes it: its link stops working. Rule: only a PENDING (or expired) invitation is revoked. */
    public void revoke(Instant now) {
        status = Status.REVOKED;
        revokedAt = now;
    }

    /** Gives it a fresh token hash and expiry (a resend); the old link stops working. */
    public void renew(String newTokenHash, Instant now, Instant newExpiry) {
        tokenHash = newTokenHash;
        sentAt = now;
        expiresAt = newExpiry;
        status = Status.PENDING;
    }

    /** The invitation with this token hash, or null. */
    public static Uni<Invitation> findByTokenHash(String hash) {
        return find("tokenHash", hash).firstResult();
    }

    /** The invitation with this id in this school, or null: another school's ids are not found. */
    public static Uni<Invitation> findInTenant(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResult();
    }

    /** The school's PENDING invitations (expired ones included) to these addresses, lower-cased. */
    public static Uni<List<Invitation>> pendingFor(UUID tenantId, List<String> lowerEmails) {
        return list("tenantId = ?1 and status = ?2 and lower(email) in ?3", tenantId, Status.PENDING, lowerEmails);
    }

    /** One page of the school's invitations, newest first. */
    public static Uni<List<Invitation>> page(UUID tenantId, int page, int size) {
        return find("tenantId = ?1 order by createdAt desc, id", tenantId).page(page, size).list();
    }

    /** How many invitations the school has. */
    public static Uni<Long> countInTenant(UUID tenantId) {
        return count("tenantId", tenantId);
    }
}
