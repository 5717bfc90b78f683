package dev.kelas.auth.user;

import dev.kelas.auth.account.UserAccount;
import dev.kelas.auth.audit.AuditTrail;
import dev.kelas.auth.common.ClientInfo;
import dev.kelas.auth.registration.EmailVerificationToken;
import dev.kelas.auth.token.TokenService;
import dev.kelas.contracts.Role;
import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.UserUpdated;
import dev.kelas.runtime.outbox.Outbox;
import dev.kelas.runtime.problem.ConflictException;
import dev.kelas.runtime.problem.NotFoundException;
import dev.kelas.runtime.problem.ValidationException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * User administration inside one school: search, read, change name, role and active flag. Each
 * change is one transaction with its audit entry and its events: {@code kelas.auth.user.updated}
 * (and {@code .deactivated} / {@code .activated}); a deactivation or a role change also ends the
 * user's sessions and voids their access tokens everywhere ({@code kelas.auth.user.access-revoked}).
 */
@ApplicationScoped
public class UserAdminService {
    /** Sort keys a client may name, to the entity field. */
    private static final Map<String, String> SORTABLE = Map.of("name", "name", "email", "email", "role", "role",
            "createdAt", "createdAt", "active", "active");

    private final TokenService tokens;
    private final AuditTrail audit;
    private final Outbox outbox;

    public UserAdminService(TokenService tokens, AuditTrail audit, Outbox outbox) {
        this.tokens = tokens;
        this.audit = audit;
        this.outbox = outbox;
    }

    /** A search: every filter optional; {@code q} matches name or e-mail, case-insensitively. */
    public record Search(String q, Role role, Boolean active, String sort, int page, int size) {
    }

    /** One page (from 0) of users with the total. */
    public record Page(List<UserAccount> items, int page, int size, long total) {
    }

    /** What to change; null fields stay as they are. */
    public record Change(String name, Role role, Boolean active) {
    }

    /**
     * Searches the school's users.
     *
     * @param onlyRole when not null, the search is limited to this role (a teacher sees students only)
     * @throws ValidationException for an unknown sort key
     */
    public Uni<Page> search(UUID tenantId, Search search, Role onlyRole) {
        StringBuilder where = new StringBuilder("tenantId = :tenant");
        Map<String, Object> params = new HashMap<>(Map.of("tenant", tenantId));
        if (search.q() != null && !search.q().isBlank()) {
            where.append(" and (lower(name) like :q or lower(email) like :q)");
            params.put("q", "%" + search.q().strip().toLowerCase().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        }
        Role role = onlyRole != null ? onlyRole : search.role();
        if (onlyRole != null && search.role() != null && search.role() != onlyRole) {
            return Uni.createFrom().item(new Page(List.of(), search.page(), search.size(), 0));
        }
        if (role != null) {
            where.append(" and role = :role");
            params.put("role", role);
        }
        if (search.active() != null) {
            where.append(" and active = :active");
            params.put("active", search.active());
        }
        Sort sort = sortOf(search.sort());
        return Panache.withSession(() -> UserAccount.<UserAccount>find(where.toString(), sort, params)
                .page(search.page(), search.size()).list()
                .chain(items -> UserAccount.count(where.toString(), params)
                        .map(total -> new Page(items, search.page(), search.size(), total))));
    }

    /**
     * One user of the school.
     *
     * @param onlyRole when not null, only a user with this role is visible (others: 404)
     * @throws NotFoundException if there is no such user in this school
     */
    public Uni<UserAccount> get(UUID tenantId, UUID userId, Role onlyRole) {
        return Panache.withSession(() -> UserAccount.findInTenant(tenantId, userId))
                .onItem().ifNotNull().transform(user -> onlyRole == null || user.role == onlyRole ? user : null)
                .onItem().ifNull().failWith(() -> new NotFoundException("user", userId));
    }

    /**
     * Changes a user's name, role or active flag.
     *
     * @throws NotFoundException if there is no such user in this school
     * @throws ConflictException if an administrator would demote or deactivate themselves, or activate a
     *                           self-registered account whose e-mail address is not verified yet (it becomes active
     *                           through its verification link, which also enrolls the student)
     */
    public Uni<UserAccount> change(UUID tenantId, UUID actorId, UUID userId, Change change, ClientInfo client) {
        if (userId.equals(actorId) && ((change.role() != null && change.role() != Role.ADMIN)
                || Boolean.FALSE.equals(change.active()))) {
            return Uni.createFrom().failure(new ConflictException(
                    "You cannot demote or deactivate yourself; ask another administrator"));
        }
        return Panache.withTransaction(() -> UserAccount.findInTenant(tenantId, userId)
                .onItem().ifNull().failWith(() -> new NotFoundException("user", userId))
                .call(user -> requireNotAwaitingVerification(user, change))
                .call(user -> apply(user, actorId, change, client)));
    }

    private static Uni<Void> requireNotAwaitingVerification(UserAccount user, Change change) {
        if (!Boolean.TRUE.equals(change.active()) || user.active || user.emailVerifiedAt != null) {
            return Uni.createFrom().voidItem();
        }
        return EmailVerificationToken.count("userId = ?1 and usedAt is null", user.id).invoke(waiting -> {
            if (waiting > 0) {
                throw new ConflictException("The account waits for its e-mail verification; it becomes active through the mailed link");
            }
        }).replaceWithVoid();
    }

    private Uni<Void> apply(UserAccount user, UUID actorId, Change change, ClientInfo client) {
        Map<String, Object> changed = new LinkedHashMap<>();
        List<String> subjects = new ArrayList<>();
        Optional<String> revocation = Optional.empty();
        if (change.name() != null && !change.name().strip().equals(user.name)) {
            changed.put("name", Map.of("from", user.name, "to", change.name().strip()));
            user.name = change.name().strip();
        }
        if (change.role() != null && change.role() != user.role) {
            changed.put("role", Map.of("from", user.role.name(), "to", change.role().name()));
            user.role = change.role();
            revocation = Optional.of("ROLE_CHANGED");
        }
        if (change.active() != null && change.active() != user.active) {
            changed.put("active", Map.of("from", user.active, "to", change.active()));
            user.active = change.active();
            subjects.add(user.active ? Subjects.AUTH_USER_ACTIVATED : Subjects.AUTH_USER_DEACTIVATED);
            if (!user.active) {
                revocation = Optional.of("DEACTIVATED");
            }
        }
        if (changed.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        user.updatedAt = Instant.now();
        subjects.add(0, Subjects.AUTH_USER_UPDATED);
        UserUpdated event = new UserUpdated(user.id, user.tenantId, user.name, user.role, user.active, user.updatedAt,
                user.preferredLanguage, user.timeZone);
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (String subject : subjects) {
            chain = chain.chain(() -> outbox.record(user.tenantId, subject, event).replaceWithVoid());
        }
        String action = changed.containsKey("active") ? (user.active ? "user.activated" : "user.deactivated")
                : changed.containsKey("role") ? "user.role-changed" : "user.updated";
        Optional<String> reason = revocation;
        return chain
                .chain(() -> reason.map(r -> tokens.revokeEverything(user, r)).orElse(Uni.createFrom().voidItem()))
                .chain(() -> audit.record(user.tenantId, actorId, action, "user", user.id, changed, client));
    }

    private static Sort sortOf(String sort) {
        if (sort == null || sort.isBlank()) {
            return Sort.by("name").and("id");
        }
        boolean descending = sort.startsWith("-");
        String key = descending ? sort.substring(1) : sort;
        String field = SORTABLE.get(key);
        if (field == null) {
            throw new ValidationException("sort", "must be one of " + String.join(", ", SORTABLE.keySet().stream().sorted().toList())
                    + ", optionally with a leading '-' for descending");
        }
        return Sort.by(field, descending ? Sort.Direction.Descending : Sort.Direction.Ascending).and("id");
    }
}
