package dev.kelas.auth.registration;

import dev.kelas.auth.account.PasswordHasher;
import dev.kelas.auth.account.PasswordPolicy;
import dev.kelas.auth.account.UserAccount;
import dev.kelas.auth.audit.AuditTrail;
import dev.kelas.auth.common.ClientInfo;
import dev.kelas.auth.config.AuthConfig;
import dev.kelas.auth.tenant.Tenant;
import dev.kelas.auth.token.TokenService;
import dev.kelas.contracts.ErrorCode;
import dev.kelas.contracts.Role;
import dev.kelas.contracts.events.ClassJoinCodeChanged;
import dev.kelas.contracts.events.EmailVerificationRequested;
import dev.kelas.contracts.events.UserRegistered;
import dev.kelas.runtime.outbox.Outbox;
import dev.kelas.runtime.problem.KelasException;
import dev.kelas.runtime.problem.KelasException.FieldError;
import dev.kelas.runtime.problem.NotFoundException;
import dev.kelas.runtime.problem.ValidationException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Self-registration of students with a class join code (issue 15). A school's administrators turn it on (off by
 * default); a student gives the school, the code a teacher shared, their e-mail, name and password; the account waits,
 * inactive (no login), until the student opens the mailed single-use link ({@code kelas.auth.email-verification.requested});
 * then it is announced as {@code kelas.auth.user.registered} with the class, and learning-service enrolls the student.
 */
@ApplicationScoped
public class SelfRegistrationService {
    static final String ACCOUNT_EMAIL_INDEX = "app_user_email";

    private final PasswordPolicy policy;
    private final PasswordHasher hasher;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final AuthConfig config;

    public SelfRegistrationService(PasswordPolicy policy, PasswordHasher hasher, AuditTrail audit, Outbox outbox, AuthConfig config) {
        this.policy = policy;
        this.hasher = hasher;
        this.audit = audit;
        this.outbox = outbox;
        this.config = config;
    }

    /**
     * Whether the school takes self-registrations.
     *
     * @throws NotFoundException if the school does not exist
     */
    public Uni<Boolean> enabled(UUID tenantId) {
        return Panache.withSession(() -> Tenant.<Tenant>findById(tenantId))
                .onItem().ifNull().failWith(() -> new NotFoundException("school", tenantId)).map(t -> t.selfRegistration);
    }

    /**
     * Turns self-registration on or off for the school (administrators); audited.
     *
     * @throws NotFoundException if the school does not exist
     */
    public Uni<Boolean> setEnabled(UUID tenantId, UUID actorId, boolean enabled, ClientInfo client) {
        return Panache.withTransaction(() -> Tenant.<Tenant>findById(tenantId)
                .onItem().ifNull().failWith(() -> new NotFoundException("school", tenantId))
                .call(tenant -> {
                    if (tenant.selfRegistration == enabled) {
                        return Uni.createFrom().voidItem();
                    }
                    tenant.selfRegistration = enabled;
                    return audit.record(tenantId, actorId, "tenant.self-registration-changed", "tenant", tenantId,
                            Map.of("enabled", enabled), client);
                })
                .map(tenant -> tenant.selfRegistration));
    }

    /**
     * Registers a student who will join the class of the join code, pending until their e-mail is verified.
     *
     * @throws ValidationException 422 when the school is unknown or the password breaks the policy (NIST SP 800-63B)
     * @throws KelasException      403 {@code SELF_REGISTRATION_OFF} when the school does not take self-registrations;
     *                             422 {@code JOIN_CODE_INVALID} when no class of the school has this code now (wrong,
     *                             rotated or turned off); 409 {@code EMAIL_TAKEN} when the address has an account there.
     *                             Nothing is written.
     */
    public Uni<Void> register(String tenantSlug, String joinCode, String email, String name, String password, ClientInfo client) {
        policy.check("password", password);
        return Panache.withSession(() -> check(tenantSlug, joinCode, email))
                .chain(checked -> hasher.hash(password))
                .chain(hash -> Panache.withTransaction(() -> check(tenantSlug, joinCode, email).chain(checked -> {
                    Instant now = Instant.now();
                    UserAccount user = new UserAccount();
                    user.id = UUID.randomUUID();
                    user.tenantId = checked.tenant().id;
                    user.email = email.strip();
                    user.name = name.strip();
                    user.role = Role.STUDENT;
                    user.passwordHash = hash;
                    user.active = false;
                    user.createdAt = now;
                    user.updatedAt = now;
                    String token = TokenService.randomToken();
                    EmailVerificationToken row = new EmailVerificationToken();
                    row.tokenHash = TokenService.sha256(token);
                    row.tenantId = user.tenantId;
                    row.userId = user.id;
                    row.classId = checked.joinCode().id;
                    row.createdAt = now;
                    row.expiresAt = now.plus(config.selfRegistration().verificationTtl());
                    return user.persist().chain(() -> Panache.flush()).chain(() -> row.persist())
                            .chain(() -> outbox.record(user.tenantId, new EmailVerificationRequested(user.id, user.tenantId,
                                    user.email, user.name, token, row.expiresAt, now)))
                            .chain(() -> audit.record(user.tenantId, user.id, "user.self-registered", "user", user.id,
                                    Map.of("classId", row.classId.toString()), client));
                })))
                .onFailure(failure -> violates(failure, ACCOUNT_EMAIL_INDEX)).transform(e -> emailTaken())
                .replaceWithVoid();
    }

    private record Checked(Tenant tenant, ClassJoinCode joinCode) {
    }

    private static Uni<Checked> check(String tenantSlug, String joinCode, String email) {
        return Tenant.findBySlug(tenantSlug).chain(tenant -> {
            if (tenant == null) {
                throw new ValidationException("tenant", "is not a school on Kelas");
            }
            if (!tenant.selfRegistration) {
                throw new KelasException(403, ErrorCode.SELF_REGISTRATION_OFF,
                        "This school does not take self-registrations; ask it for an invitation", List.of());
            }
            return ClassJoinCode.findByCode(tenant.id, joinCode).chain(code -> {
                if (code == null) {
                    throw new KelasException(422, ErrorCode.JOIN_CODE_INVALID, "No class of this school has this join code",
                            List.of(new FieldError("joinCode", "is not a current join code of this school")));
                }
                return UserAccount.findByEmail(tenant.id, email).map(existing -> {
                    if (existing != null) {
                        throw emailTaken();
                    }
                    return new Checked(tenant, code);
                });
            });
        });
    }

    /**
     * Mails a new verification link to a self-registered account that is still waiting for its verification: the
     * account's earlier links stop working, its password stays. Nothing happens (and nothing tells) when the school
     * has no such account: the address is unknown, verified already, or an account made by other means.
     */
    public Uni<Void> resend(String tenantSlug, String email, ClientInfo client) {
        Instant now = Instant.now();
        return Panache.withTransaction(() -> Tenant.findBySlug(tenantSlug).chain(tenant -> tenant == null ? Uni.createFrom().voidItem()
                : UserAccount.findByEmail(tenant.id, email).chain(user -> {
                    if (user == null || user.active || user.emailVerifiedAt != null) {
                        return Uni.createFrom().voidItem();
                    }
                    return EmailVerificationToken.<EmailVerificationToken>list("userId = ?1 and usedAt is null", user.id)
                            .chain(pending -> {
                                if (pending.isEmpty()) {
                                    return Uni.createFrom().voidItem(); // not a self-registration waiting for its link
                                }
                                EmailVerificationToken latest = pending.stream()
                                        .max(java.util.Comparator.comparing((EmailVerificationToken t) -> t.createdAt)).orElseThrow();
                                for (EmailVerificationToken old : pending) {
                                    old.usedAt = now; // superseded: only the new link works
                                }
                                String token = TokenService.randomToken();
                                EmailVerificationToken row = new EmailVerificationToken();
                                row.tokenHash = TokenService.sha256(token);
                                row.tenantId = user.tenantId;
                                row.userId = user.id;
                                row.classId = latest.classId;
                                row.createdAt = now;
                                row.expiresAt = now.plus(config.selfRegistration().verificationTtl());
                                return Panache.flush().chain(() -> row.persist())
                                        .chain(() -> outbox.record(user.tenantId, new EmailVerificationRequested(user.id, user.tenantId,
                                                user.email, user.name, token, row.expiresAt, now)))
                                        .chain(() -> audit.record(user.tenantId, user.id, "user.email-verification-resent", "user",
                                                user.id, Map.of(), client))
                                        .replaceWithVoid();
                            });
                })));
    }

    /**
     * Verifies a self-registered student's e-mail address: the account becomes active, the token is used up, and the
     * account is announced as {@code kelas.auth.user.registered} with the class of its join code.
     *
     * @throws KelasException 410 {@code EMAIL_VERIFICATION_INVALID} when the token is unknown, used or expired
     */
    public Uni<Void> verify(String token, ClientInfo client) {
        String hash = TokenService.sha256(token);
        Instant now = Instant.now();
        return Panache.withTransaction(() -> EmailVerificationToken.<EmailVerificationToken>find("tokenHash", hash)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult().chain(row -> {
                    if (row == null || row.usedAt != null || !now.isBefore(row.expiresAt)) {
                        throw new KelasException(410, ErrorCode.EMAIL_VERIFICATION_INVALID,
                                "The verification link is unknown, used or expired; ask for a new one (POST /api/v1/auth/verify-email/resend)",
                                List.of(new FieldError("token", "is unknown, used or expired")));
                    }
                    row.usedAt = now;
                    return UserAccount.findInTenant(row.tenantId, row.userId).chain(user -> {
                        user.active = true;
                        user.emailVerifiedAt = now;
                        user.updatedAt = now;
                        return outbox.record(user.tenantId, new UserRegistered(user.id, user.tenantId, user.email, user.name,
                                        user.role, now, row.classId))
                                .chain(() -> audit.record(user.tenantId, user.id, "user.email-verified", "user", user.id, Map.of(), client));
                    });
                }));
    }

    /** Applies a join-code change to the local copy; an event older than the row changes nothing. */
    public Uni<Void> applyJoinCodeChanged(UUID tenantId, ClassJoinCodeChanged change) {
        if (!tenantId.equals(change.tenantId())) {
            throw new IllegalArgumentException("Event tenant and payload tenant differ");
        }
        return ClassJoinCode.<ClassJoinCode>findById(change.classId()).chain(existing -> {
            if (existing != null && existing.changedAt.isAfter(change.occurredAt())) {
                return Uni.createFrom().voidItem();
            }
            if (change.code() == null) {
                return existing == null ? Uni.createFrom().voidItem() : existing.delete();
            }
            ClassJoinCode row = existing != null ? existing : new ClassJoinCode();
            row.id = change.classId();
            row.tenantId = tenantId;
            row.code = change.code();
            row.className = change.className();
            row.changedAt = change.occurredAt();
            return existing != null ? Uni.createFrom().voidItem() : row.persist().replaceWithVoid();
        });
    }

    private static KelasException emailTaken() {
        return new KelasException(409, ErrorCode.EMAIL_TAKEN, "The e-mail address has an account in this school already",
                List.of(new FieldError("email", "already has an account in this school")));
    }

    private static boolean violates(Throwable failure, String constraint) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(constraint)) {
                return true;
            }
        }
        return false;
    }
}
