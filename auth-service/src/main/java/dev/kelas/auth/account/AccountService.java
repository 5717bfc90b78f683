package dev.kelas.auth.account;

import dev.kelas.auth.audit.AuditTrail;
import dev.kelas.auth.common.ClientInfo;
import dev.kelas.auth.config.AuthConfig;
import dev.kelas.auth.tenant.Tenant;
import dev.kelas.auth.token.TokenPair;
import dev.kelas.auth.token.TokenService;
import dev.kelas.contracts.Role;
import dev.kelas.contracts.events.PasswordResetRequested;
import dev.kelas.contracts.events.UserRegistered;
import dev.kelas.runtime.outbox.Outbox;
import dev.kelas.runtime.problem.ConflictException;
import dev.kelas.runtime.problem.UnauthenticatedException;
import dev.kelas.runtime.problem.ValidationException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Schools, accounts, logins and passwords. Every new account is announced as
 * {@code kelas.auth.user.registered}; every change of a password ends the user's sessions.
 */
@ApplicationScoped
public class AccountService {
    private static final Logger LOG = Logger.getLogger(AccountService.class);

    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final TokenService tokens;
    private final LoginThrottle throttle;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final AuthConfig config;

    public AccountService(PasswordHasher hasher, PasswordPolicy policy, TokenService tokens, LoginThrottle throttle,
                          AuditTrail audit, Outbox outbox, AuthConfig config) {
        this.hasher = hasher;
        this.policy = policy;
        this.tokens = tokens;
        this.throttle = throttle;
        this.audit = audit;
        this.outbox = outbox;
        this.config = config;
    }

    /** The new school and its first administrator. */
    public record RegisteredTenant(Tenant tenant, UserAccount admin) {
    }

    /**
     * Creates a school with its first ADMIN account, in one transaction.
     *
     * @throws ValidationException if the password breaks the policy
     * @throws ConflictException if the slug is taken
     */
    public Uni<RegisteredTenant> registerTenant(String name, String slug, String adminEmail, String adminName,
                                                String adminPassword, ClientInfo client) {
        policy.check("admin.password", adminPassword);
        return hasher.hash(adminPassword).chain(hash -> Panache.withTransaction(() -> Tenant.findBySlug(slug)
                .chain(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().failure(new ConflictException("The slug '" + slug + "' is taken"));
                    }
                    Tenant tenant = new Tenant();
                    tenant.id = UUID.randomUUID();
                    tenant.slug = slug;
                    tenant.name = name.strip();
                    tenant.createdAt = Instant.now();
                    return tenant.<Tenant>persist()
                            .chain(() -> Panache.getSession().chain(session -> session.flush()))
                            .chain(() -> insertUser(tenant.id, adminEmail, adminName, Role.ADMIN, hash))
                            .call(admin -> audit.record(tenant.id, admin.id, "tenant.registered", "tenant", tenant.id,
                                    Map.of("slug", slug), client))
                            .map(admin -> new RegisteredTenant(tenant, admin));
                })));
    }

    /**
     * Creates an account in the given school.
     *
     * @param actorId the administrator creating it (audit log)
     * @throws ValidationException if the password breaks the policy
     * @throws ConflictException if the e-mail is already used in that school
     */
    public Uni<UserAccount> createUser(UUID tenantId, UUID actorId, String email, String name, Role role, String password,
                                       ClientInfo client) {
        policy.check("password", password);
        return hasher.hash(password).chain(hash -> Panache.withTransaction(() -> UserAccount.findByEmail(tenantId, email)
                .chain(existing -> existing != null
                        ? Uni.createFrom().failure(new ConflictException("A user with this e-mail already exists"))
                        : insertUser(tenantId, email, name, role, hash))
                .call(user -> audit.record(tenantId, actorId, "user.created", "user", user.id,
                        Map.of("role", role.name()), client))));
    }

    /**
     * Checks a password and opens a session. The answer for a wrong password, an unknown e-mail, an
     * unknown school and an inactive account is the same 401, and costs the same time. Throttled
     * attempts are refused before any hashing ({@link LoginThrottle}). A hash made with old Argon2
     * parameters is replaced.
     *
     * @throws UnauthenticatedException on any failure
     * @throws dev.kelas.runtime.problem.TooManyRequestsException while the attempt must wait
     */
    public Uni<TokenPair> login(String tenantSlug, String email, String password, ClientInfo client) {
        LoginThrottle.Keys keys = LoginThrottle.Keys.of(tenantSlug, email, client.ip());
        return Panache.withSession(() -> Tenant.findBySlug(tenantSlug)
                        .chain(tenant -> tenant == null ? Uni.createFrom().<UserAccount>nullItem()
                                : UserAccount.findByEmail(tenant.id, email))
                        .call(user -> throttle.checkAllowed(keys, user == null ? null : user.id)))
                .chain(user -> hasher.verify(password, user == null ? null : user.passwordHash)
                        .chain(matches -> {
                            if (!matches || !user.active) {
                                return Panache.withTransaction(() -> throttle.recordFailure(keys))
                                        .chain(() -> Uni.createFrom().failure(new UnauthenticatedException("Wrong school, e-mail or password")));
                            }
                            Uni<String> newHash = hasher.needsRehash(user.passwordHash) ? hasher.hash(password)
                                    : Uni.createFrom().nullItem();
                            return newHash.chain(rehashed -> Panache.withTransaction(() -> UserAccount.<UserAccount>findById(user.id)
                                    .call(fresh -> {
                                        if (rehashed != null) {
                                            LOG.infof("Rehashing the password of user %s with the current Argon2id parameters", user.id);
                                            fresh.passwordHash = rehashed;
                                        }
                                        return throttle.recordSuccess(keys, fresh.id);
                                    })
                                    .chain(fresh -> tokens.startSession(fresh, client))));
                        }));
    }

    /**
     * The caller's school.
     *
     * @throws dev.kelas.runtime.problem.NotFoundException if it does not exist (any more)
     */
    public Uni<Tenant> tenant(UUID tenantId) {
        return Panache.withSession(() -> Tenant.<Tenant>findById(tenantId))
                .onItem().ifNull().failWith(() -> new dev.kelas.runtime.problem.NotFoundException("school", tenantId));
    }

    /**
     * Renames a school or replaces its settings (a JSON object); null leaves a field as it is. Audited.
     *
     * @throws dev.kelas.runtime.problem.NotFoundException if the school does not exist
     */
    public Uni<Tenant> updateTenant(UUID tenantId, UUID actorId, String name, String settingsJson, ClientInfo client) {
        return Panache.withTransaction(() -> Tenant.<Tenant>findById(tenantId)
                .onItem().ifNull().failWith(() -> new dev.kelas.runtime.problem.NotFoundException("school", tenantId))
                .call(tenant -> {
                    Map<String, Object> changed = new java.util.LinkedHashMap<>();
                    if (name != null && !name.strip().equals(tenant.name)) {
                        changed.put("name", Map.of("from", tenant.name, "to", name.strip()));
                        tenant.name = name.strip();
                    }
                    if (settingsJson != null && !settingsJson.equals(tenant.settings)) {
                        changed.put("settings", "replaced");
                        tenant.settings = settingsJson;
                    }
                    return changed.isEmpty() ? Uni.createFrom().voidItem()
                            : audit.record(tenantId, actorId, "tenant.updated", "tenant", tenantId, changed, client);
                }));
    }

    /**
     * One account of a school.
     *
     * @throws dev.kelas.runtime.problem.NotFoundException if there is none with this id in this school
     */
    public Uni<UserAccount> account(UUID tenantId, UUID userId) {
        return Panache.withSession(() -> UserAccount.findInTenant(tenantId, userId))
                .onItem().ifNull().failWith(() -> new dev.kelas.runtime.problem.NotFoundException("user", userId));
    }

    /**
     * Changes the caller's password after checking the current one; ends every session of the user
     * (including this one: log in again).
     *
     * @throws UnauthenticatedException if the current password is wrong
     * @throws ValidationException if the new one breaks the policy
     */
    public Uni<Void> changePassword(UUID tenantId, UUID userId, String currentPassword, String newPassword, ClientInfo client) {
        policy.check("newPassword", newPassword);
        return Panache.withSession(() -> UserAccount.findInTenant(tenantId, userId))
                .chain(user -> hasher.verify(currentPassword, user == null ? null : user.passwordHash)
                        .chain(matches -> matches && user.active ? hasher.hash(newPassword)
                                : Uni.createFrom().failure(new UnauthenticatedException("The current password is wrong"))))
                .chain(hash -> Panache.withTransaction(() -> UserAccount.findInTenant(tenantId, userId)
                        .call(user -> setPassword(user, hash, userId, "user.password-changed", client))))
                .replaceWithVoid();
    }

    /**
     * Starts a password reset: when the school and an active account with that e-mail exist, a single-use
     * token (stored hashed, valid {@code kelas.auth.password-reset-lifetime}) goes out through
     * {@code kelas.auth.password-reset.requested}. Answers the same whether or not the account exists.
     */
    public Uni<Void> requestPasswordReset(String tenantSlug, String email, ClientInfo client) {
        return Panache.withTransaction(() -> Tenant.findBySlug(tenantSlug)
                .chain(tenant -> tenant == null ? Uni.createFrom().<UserAccount>nullItem() : UserAccount.findByEmail(tenant.id, email))
                .chain(user -> user == null || !user.active ? Uni.createFrom().voidItem() : issueResetToken(user, null, client)));
    }

    /** Issues a reset token for a user and announces it. Call inside a transaction. */
    public Uni<Void> issueResetToken(UserAccount user, UUID actorId, ClientInfo client) {
        String token = TokenService.randomToken();
        Instant now = Instant.now();
        PasswordResetToken row = new PasswordResetToken();
        row.tokenHash = TokenService.sha256(token);
        row.tenantId = user.tenantId;
        row.userId = user.id;
        row.createdAt = now;
        row.expiresAt = now.plus(config.passwordResetLifetime());
        return row.persist()
                .chain(() -> outbox.record(user.tenantId, new PasswordResetRequested(user.id, user.tenantId, user.email, user.name, token, row.expiresAt, now)))
                .chain(() -> audit.record(user.tenantId, actorId, "user.password-reset-requested", "user", user.id, Map.of(), client));
    }

    /**
     * Sets a new password with a reset token, uses the token up and ends every session of the user.
     *
     * @throws ValidationException if the token is unknown, used or expired, or the password breaks the policy
     */
    public Uni<Void> confirmPasswordReset(String token, String newPassword, ClientInfo client) {
        policy.check("newPassword", newPassword);
        String hash = TokenService.sha256(token);
        Instant now = Instant.now();
        return hasher.hash(newPassword).chain(passwordHash -> Panache.withTransaction(() -> PasswordResetToken
                .<PasswordResetToken>findById(hash)
                .chain(row -> {
                    if (row == null || row.usedAt != null || now.isAfter(row.expiresAt)) {
                        return Uni.createFrom().failure(new ValidationException("token", "is invalid, used or expired"));
                    }
                    row.usedAt = now;
                    return UserAccount.<UserAccount>findById(row.userId)
                            .call(user -> setPassword(user, passwordHash, null, "user.password-reset", client));
                })))
                .replaceWithVoid();
    }

    private Uni<Void> setPassword(UserAccount user, String passwordHash, UUID actorId, String action, ClientInfo client) {
        user.passwordHash = passwordHash;
        user.updatedAt = Instant.now();
        return tokens.revokeEverything(user, "PASSWORD_CHANGED")
                .chain(() -> audit.record(user.tenantId, actorId != null ? actorId : user.id, action, "user", user.id, Map.of(), client));
    }

    /** Inserts an account and its {@code kelas.auth.user.registered} event. Call inside a transaction. */
    public Uni<UserAccount> insertUser(UUID tenantId, String email, String name, Role role, String passwordHash) {
        return insertUser(tenantId, email, name, role, passwordHash, null);
    }

    /**
     * Inserts an account whose e-mail address was proven at {@code emailVerifiedAt} (null: not proven) and its
     * {@code kelas.auth.user.registered} event. Call inside a transaction.
     */
    public Uni<UserAccount> insertUser(UUID tenantId, String email, String name, Role role, String passwordHash,
                                       Instant emailVerifiedAt) {
        UserAccount user = new UserAccount();
        user.emailVerifiedAt = emailVerifiedAt;
        user.id = UUID.randomUUID();
        user.tenantId = tenantId;
        user.email = email.strip();
        user.name = name.strip();
        user.role = role;
        user.passwordHash = passwordHash;
        user.active = true;
        user.createdAt = Instant.now();
        user.updatedAt = user.createdAt;
        return user.<UserAccount>persist()
                .chain(() -> outbox.record(tenantId, new UserRegistered(user.id, tenantId, user.email, user.name, role, user.createdAt)))
                .replaceWith(user);
    }
}
