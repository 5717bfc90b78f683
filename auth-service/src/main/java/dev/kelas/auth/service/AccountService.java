package dev.kelas.auth.service;

import dev.kelas.auth.domain.Tenant;
import dev.kelas.auth.domain.UserAccount;
import dev.kelas.contracts.Role;
import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.UserRegistered;
import dev.kelas.runtime.outbox.Outbox;
import dev.kelas.runtime.problem.ConflictException;
import dev.kelas.runtime.problem.UnauthenticatedException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/** Schools, accounts and logins. Every new account is announced as {@code kelas.auth.user.registered}. */
@ApplicationScoped
public class AccountService {
    private final PasswordHasher hasher;
    private final TokenService tokens;
    private final Outbox outbox;

    public AccountService(PasswordHasher hasher, TokenService tokens, Outbox outbox) {
        this.hasher = hasher;
        this.tokens = tokens;
        this.outbox = outbox;
    }

    /** The new school and its first administrator. */
    public record RegisteredTenant(Tenant tenant, UserAccount admin) {
    }

    /**
     * Creates a school with its first ADMIN account, in one transaction.
     *
     * @throws ConflictException if the slug is taken
     */
    public Uni<RegisteredTenant> registerTenant(String name, String slug, String adminEmail, String adminName,
                                                String adminPassword) {
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
                            .map(admin -> new RegisteredTenant(tenant, admin));
                })));
    }

    /**
     * Creates an account in the given school.
     *
     * @throws ConflictException if the e-mail is already used in that school
     */
    public Uni<UserAccount> createUser(UUID tenantId, String email, String name, Role role, String password) {
        return hasher.hash(password).chain(hash -> Panache.withTransaction(() -> UserAccount.findByEmail(tenantId, email)
                .chain(existing -> existing != null
                        ? Uni.createFrom().failure(new ConflictException("A user with this e-mail already exists"))
                        : insertUser(tenantId, email, name, role, hash))));
    }

    /**
     * Checks a password and opens a session. The answer for a wrong password, an unknown e-mail, an
     * unknown school and an inactive account is the same 401, and costs the same time.
     *
     * @throws UnauthenticatedException on any failure
     */
    public Uni<TokenPair> login(String tenantSlug, String email, String password) {
        return Panache.withSession(() -> Tenant.findBySlug(tenantSlug)
                        .chain(tenant -> tenant == null ? Uni.createFrom().<UserAccount>nullItem()
                                : UserAccount.findByEmail(tenant.id, email)))
                .chain(user -> hasher.verify(password, user == null ? null : user.passwordHash)
                        .chain(matches -> {
                            if (!matches || !user.active) {
                                return Uni.createFrom().failure(new UnauthenticatedException("Wrong school, e-mail or password"));
                            }
                            return tokens.startSession(user);
                        }));
    }

    private Uni<UserAccount> insertUser(UUID tenantId, String email, String name, Role role, String passwordHash) {
        UserAccount user = new UserAccount();
        user.id = UUID.randomUUID();
        user.tenantId = tenantId;
        user.email = email.strip();
        user.name = name.strip();
        user.role = role;
        user.passwordHash = passwordHash;
        user.active = true;
        user.createdAt = Instant.now();
        return user.<UserAccount>persist()
                .chain(() -> outbox.record(tenantId, "user", user.id, Subjects.AUTH_USER_REGISTERED,
                        new UserRegistered(user.id, tenantId, user.email, user.name, role, user.createdAt)))
                .replaceWith(user);
    }
}
