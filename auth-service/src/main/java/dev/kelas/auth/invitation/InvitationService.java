package dev.kelas.auth.invitation;

import dev.kelas.auth.account.AccountService;
import dev.kelas.auth.account.PasswordHasher;
import dev.kelas.auth.account.PasswordPolicy;
import dev.kelas.auth.account.UserAccount;
import dev.kelas.auth.audit.AuditTrail;
import dev.kelas.auth.common.CsvUpload;
import dev.kelas.auth.common.ClientInfo;
import dev.kelas.auth.config.AuthConfig;
import dev.kelas.auth.tenant.Tenant;
import dev.kelas.auth.token.TokenPair;
import dev.kelas.auth.token.TokenService;
import dev.kelas.contracts.ErrorCode;
import dev.kelas.contracts.Role;
import dev.kelas.contracts.events.InvitationCreated;
import dev.kelas.runtime.outbox.Outbox;
import dev.kelas.runtime.problem.ConflictException;
import dev.kelas.runtime.problem.KelasException;
import dev.kelas.runtime.problem.KelasException.FieldError;
import dev.kelas.runtime.problem.NotFoundException;
import dev.kelas.runtime.problem.ValidationException;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVRecord;

/**
 * Invitations (issue 15): an administrator invites people by e-mail, one at a time or as a CSV list (all or none);
 * each gets a single-use link ({@code kelas.auth.invitation.created}, mailed by notification-service) valid for
 * {@code kelas.auth.invitations.ttl}; the invitee chooses a password with it, which creates the account with its
 * e-mail address verified. Administrators list, revoke and resend invitations.
 */
@ApplicationScoped
public class InvitationService {
    /** Most rows one CSV invitation list takes. */
    public static final int MAX_ROWS = CsvUpload.MAX_ROWS;
    static final String PENDING_INDEX = "invitation_pending_email";
    static final String ACCOUNT_EMAIL_INDEX = "app_user_email";
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final AccountService accounts;
    private final PasswordPolicy policy;
    private final PasswordHasher hasher;
    private final TokenService tokens;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final AuthConfig config;

    public InvitationService(AccountService accounts, PasswordPolicy policy, PasswordHasher hasher, TokenService tokens,
                             AuditTrail audit, Outbox outbox, AuthConfig config) {
        this.accounts = accounts;
        this.policy = policy;
        this.hasher = hasher;
        this.tokens = tokens;
        this.audit = audit;
        this.outbox = outbox;
        this.config = config;
    }

    /**
     * One person to invite.
     *
     * @param line the CSV line (the header is line 1), or null for a single invitation
     */
    public record Invitee(String email, String name, Role role, Long line) {
    }

    /** An accepted invitation: the new account and its first session. */
    public record Accepted(UserAccount account, TokenPair tokens) {
    }

    /**
     * Invites one person.
     *
     * @throws KelasException 409 {@code EMAIL_TAKEN} when the address has an account in the school, 409
     *                        {@code INVITATION_PENDING} when it has a pending, unexpired invitation; nothing is written
     */
    public Uni<Invitation> invite(UUID tenantId, UUID actorId, String email, String name, Role role, ClientInfo client) {
        return inviteAll(tenantId, actorId, List.of(new Invitee(email.strip(), name.strip(), role, null)), client)
                .map(list -> list.get(0));
    }

    /**
     * Invites everyone in a CSV list (RFC 4180, Apache Commons CSV) with the header {@code email,name,role}: all rows
     * or none.
     *
     * @throws ValidationException 422 when the file is not CSV with that header or has more than {@link #MAX_ROWS}
     *                             rows
     * @throws KelasException      422 {@code VALIDATION_ERROR} listing every bad row ({@code index} = its line, per-entry
     *                             {@code code} {@code EMAIL_TAKEN}, {@code INVITATION_PENDING} or
     *                             {@code VALIDATION_ERROR}); nothing is written
     */
    public Uni<List<Invitation>> inviteCsv(UUID tenantId, UUID actorId, String csv, ClientInfo client) {
        List<FieldError> errors = new ArrayList<>();
        List<Invitee> rows = parse(csv, errors);
        if (rows.isEmpty() && errors.isEmpty()) {
            throw new ValidationException("file", "has no rows");
        }
        return inviteAll(tenantId, actorId, rows, client, errors);
    }

    private Uni<List<Invitation>> inviteAll(UUID tenantId, UUID actorId, List<Invitee> invitees, ClientInfo client) {
        return inviteAll(tenantId, actorId, invitees, client, new ArrayList<>());
    }

    private Uni<List<Invitation>> inviteAll(UUID tenantId, UUID actorId, List<Invitee> invitees, ClientInfo client,
                                            List<FieldError> errors) {
        Instant now = Instant.now();
        List<String> emails = invitees.stream().map(Invitee::email).filter(e -> e != null).map(InvitationService::key)
                .distinct().toList();
        return Panache.withTransaction(() -> Tenant.<Tenant>findById(tenantId)
                .onItem().ifNull().failWith(() -> new NotFoundException("school", tenantId))
                .chain(school -> existingAccounts(tenantId, emails).chain(taken -> (emails.isEmpty()
                        ? Uni.createFrom().item(List.<Invitation>of()) : Invitation.pendingFor(tenantId, emails)).chain(pending -> {
                    Map<String, Invitation> open = new HashMap<>();
                    pending.forEach(p -> open.put(key(p.email), p));
                    Set<String> seen = new HashSet<>();
                    for (Invitee invitee : invitees) {
                        if (invitee.email() == null) {
                            continue;
                        }
                        String key = key(invitee.email());
                        Invitation previous = open.get(key);
                        if (!seen.add(key)) {
                            errors.add(rowError(invitee, "appears twice in the file", ErrorCode.VALIDATION_ERROR));
                        } else if (taken.contains(key)) {
                            errors.add(rowError(invitee, "already has an account in this school", ErrorCode.EMAIL_TAKEN));
                        } else if (previous != null && previous.statusAt(now) == Invitation.Status.PENDING) {
                            errors.add(rowError(invitee, "has a pending invitation already; resend or revoke it",
                                    ErrorCode.INVITATION_PENDING));
                        }
                    }
                    if (!errors.isEmpty()) {
                        throw refusal(invitees, errors);
                    }
                    // Expired pending invitations to these addresses are closed for the new ones.
                    open.values().forEach(p -> p.status = Invitation.Status.EXPIRED);
                    Uni<Void> closed = open.isEmpty() ? Uni.createFrom().voidItem() : Panache.flush();
                    List<Invitation> made = new ArrayList<>();
                    Uni<Void> chain = closed;
                    for (Invitee invitee : invitees) {
                        chain = chain.chain(() -> create(school, actorId, invitee, now).invoke(made::add).replaceWithVoid());
                    }
                    return chain.chain(() -> Panache.flush())
                            .chain(() -> audit.record(tenantId, actorId, "invitation.created", "tenant", tenantId,
                                    Map.of("count", made.size()), client))
                            .replaceWith(made);
                }))))
                .onFailure(failure -> violates(failure, PENDING_INDEX)).transform(e -> new KelasException(409,
                        ErrorCode.INVITATION_PENDING, "Someone invited this address at the same moment", List.of()));
    }

    private Uni<Invitation> create(Tenant school, UUID actorId, Invitee invitee, Instant now) {
        String token = TokenService.randomToken();
        Invitation invitation = new Invitation();
        invitation.id = UUID.randomUUID();
        invitation.tenantId = school.id;
        invitation.email = invitee.email();
        invitation.name = invitee.name();
        invitation.role = invitee.role();
        invitation.tokenHash = TokenService.sha256(token);
        invitation.status = Invitation.Status.PENDING;
        invitation.invitedBy = actorId;
        invitation.createdAt = now;
        invitation.sentAt = now;
        invitation.expiresAt = now.plus(config.invitations().ttl());
        return invitation.<Invitation>persist().call(() -> announce(school, invitation, token, now));
    }

    private Uni<Void> announce(Tenant school, Invitation invitation, String token, Instant now) {
        return outbox.record(school.id, new InvitationCreated(invitation.id, school.id, invitation.email, invitation.name,
                invitation.role, school.name, token, invitation.expiresAt, now)).replaceWithVoid();
    }

    /** The school's invitations, newest first, with the total. */
    public record Page(List<Invitation> items, int page, int size, long total) {
    }

    /** One page (from 0) of the school's invitations, newest first. */
    public Uni<Page> list(UUID tenantId, int page, int size) {
        return Panache.withSession(() -> Invitation.page(tenantId, page, size)
                .chain(items -> Invitation.countInTenant(tenantId).map(total -> new Page(items, page, size, total))));
    }

    /**
     * Revokes an invitation: its link stops working. Revoking a revoked one again changes nothing.
     *
     * @throws NotFoundException no such invitation in the school
     * @throws ConflictException it was accepted already (deactivate the account instead)
     */
    public Uni<Invitation> revoke(UUID tenantId, UUID actorId, UUID invitationId, ClientInfo client) {
        Instant now = Instant.now();
        return Panache.withTransaction(() -> locked(tenantId, invitationId).chain(invitation -> {
            if (invitation.status == Invitation.Status.ACCEPTED) {
                throw new ConflictException("The invitation was accepted; deactivate the account instead");
            }
            if (invitation.status == Invitation.Status.REVOKED) {
                return Uni.createFrom().item(invitation);
            }
            invitation.revoke(now);
            return audit.record(tenantId, actorId, "invitation.revoked", "invitation", invitation.id, Map.of(), client)
                    .replaceWith(invitation);
        }));
    }

    /**
     * Sends a pending (or expired) invitation again with a fresh token and expiry; the old link stops working.
     *
     * @throws NotFoundException no such invitation in the school
     * @throws ConflictException it was accepted, revoked or replaced by a newer invitation
     * @throws KelasException    409 {@code EMAIL_TAKEN} when the address has an account in the school by now
     */
    public Uni<Invitation> resend(UUID tenantId, UUID actorId, UUID invitationId, ClientInfo client) {
        Instant now = Instant.now();
        return Panache.withTransaction(() -> locked(tenantId, invitationId).chain(invitation -> {
            if (invitation.status != Invitation.Status.PENDING) {
                throw new ConflictException("The invitation is " + invitation.status + "; only a pending or expired one is sent again");
            }
            return UserAccount.findByEmail(tenantId, invitation.email).chain(account -> {
                if (account != null) {
                    throw emailTaken();
                }
                String token = TokenService.randomToken();
                invitation.renew(TokenService.sha256(token), now, now.plus(config.invitations().ttl()));
                return Tenant.<Tenant>findById(tenantId).chain(school -> announce(school, invitation, token, now))
                        .chain(() -> audit.record(tenantId, actorId, "invitation.resent", "invitation", invitation.id, Map.of(), client))
                        .replaceWith(invitation);
            });
        }));
    }

    /**
     * Accepts an invitation: creates the account (e-mail verified, {@code kelas.auth.user.registered}) with the chosen
     * password, uses the token up and opens the account's first session.
     *
     * @throws ValidationException 422 when the password breaks the policy (as at registration, NIST SP 800-63B)
     * @throws KelasException      410 {@code INVITATION_INVALID} (unknown token), {@code INVITATION_USED},
     *                             {@code INVITATION_EXPIRED} or {@code INVITATION_REVOKED}; 409 {@code EMAIL_TAKEN}
     *                             when the address got an account meanwhile. Nothing is created.
     */
    public Uni<Accepted> accept(String token, String password, ClientInfo client) {
        policy.check("password", password);
        String hash = TokenService.sha256(token);
        Instant now = Instant.now();
        return Panache.withSession(() -> Invitation.findByTokenHash(hash)).invoke(found -> requireUsable(found, now))
                .chain(found -> hasher.hash(password))
                .chain(passwordHash -> Panache.withTransaction(() -> Invitation.<Invitation>find("tokenHash", hash)
                        .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                        .invoke(invitation -> requireUsable(invitation, now))
                        .chain(invitation -> UserAccount.findByEmail(invitation.tenantId, invitation.email).chain(existing -> {
                            if (existing != null) {
                                throw emailTaken();
                            }
                            return accounts.insertUser(invitation.tenantId, invitation.email, invitation.name, invitation.role,
                                    passwordHash, now);
                        }).chain(account -> {
                            invitation.accept(account.id, now);
                            return audit.record(invitation.tenantId, account.id, "invitation.accepted", "invitation",
                                            invitation.id, Map.of("role", invitation.role.name()), client)
                                    .chain(() -> Panache.flush())
                                    .chain(() -> tokens.startSession(account, client))
                                    .map(pair -> new Accepted(account, pair));
                        }))))
                .onFailure(failure -> violates(failure, ACCOUNT_EMAIL_INDEX)).transform(e -> emailTaken());
    }

    private static void requireUsable(Invitation invitation, Instant now) {
        if (invitation == null) {
            throw gone(ErrorCode.INVITATION_INVALID, "No invitation has this token; it may have been replaced by a newer mail");
        }
        switch (invitation.statusAt(now)) {
            case ACCEPTED -> throw gone(ErrorCode.INVITATION_USED, "The invitation was accepted already; log in instead");
            case REVOKED -> throw gone(ErrorCode.INVITATION_REVOKED, "The school revoked this invitation");
            case EXPIRED -> throw gone(ErrorCode.INVITATION_EXPIRED, "The invitation expired; ask the school to send it again");
            default -> {
            }
        }
    }

    private static Uni<Invitation> locked(UUID tenantId, UUID invitationId) {
        return Invitation.<Invitation>find("tenantId = ?1 and id = ?2", tenantId, invitationId)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResult()
                .onItem().ifNull().failWith(() -> new NotFoundException("invitation", invitationId));
    }

    private static KelasException gone(ErrorCode code, String detail) {
        return new KelasException(410, code, detail, List.of(new FieldError("token", detail)));
    }

    private static KelasException emailTaken() {
        return new KelasException(409, ErrorCode.EMAIL_TAKEN, "The e-mail address has an account in this school already",
                List.of(new FieldError("email", "already has an account in this school")));
    }

    /** A single invitation's problem is a 409 (or 422) of its own; a CSV list's problems are one 422 listing every row. */
    private static KelasException refusal(List<Invitee> invitees, List<FieldError> errors) {
        if (invitees.size() == 1 && invitees.get(0).line() == null) {
            FieldError only = errors.get(0);
            ErrorCode code = ErrorCode.valueOf(only.code());
            return new KelasException(code == ErrorCode.VALIDATION_ERROR ? 422 : 409, code, "The address " + only.message(),
                    List.of(new FieldError("email", only.message())));
        }
        List<FieldError> sorted = new ArrayList<>(errors);
        sorted.sort(java.util.Comparator.comparing((FieldError e) -> e.index() == null ? 0 : e.index())
                .thenComparing(FieldError::field));
        return new KelasException(422, ErrorCode.VALIDATION_ERROR, sorted.size() + " problem(s) in the list; nobody was invited",
                sorted);
    }

    private static FieldError rowError(Invitee invitee, String message, ErrorCode code) {
        return new FieldError("email", message, invitee.line() == null ? null : invitee.line().intValue(), null, code.name());
    }

    private List<Invitee> parse(String csv, List<FieldError> errors) {
        return CsvUpload.rows(csv, List.of("email", "name", "role"), "email, name, role", record -> check(record, errors));
    }

    private static Invitee check(CSVRecord record, List<FieldError> errors) {
        long line = record.getParser().getCurrentLineNumber();
        String email = field(record, "email");
        String name = field(record, "name");
        String roleText = field(record, "role");
        if (email == null || email.length() > 254 || !EMAIL.matcher(email).matches()) {
            errors.add(new FieldError("email", "must be an e-mail address", (int) line, null, ErrorCode.VALIDATION_ERROR.name()));
            email = null;
        }
        if (name == null || name.length() > 200) {
            errors.add(new FieldError("name", "is required (at most 200 characters)", (int) line, null, ErrorCode.VALIDATION_ERROR.name()));
        }
        Role role;
        try {
            role = roleText == null ? null : Role.valueOf(roleText.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException notARole) {
            role = null;
        }
        if (role == null) {
            errors.add(new FieldError("role", "must be ADMIN, TEACHER, STUDENT or PARENT", (int) line, null,
                    ErrorCode.VALIDATION_ERROR.name()));
        }
        return new Invitee(email, name, role, line);
    }

    private static String field(CSVRecord record, String column) {
        if (!record.isSet(column)) {
            return null;
        }
        String value = record.get(column);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Uni<Set<String>> existingAccounts(UUID tenantId, List<String> lowerEmails) {
        if (lowerEmails.isEmpty()) {
            return Uni.createFrom().item(Set.of());
        }
        return UserAccount.<UserAccount>list("tenantId = ?1 and lower(email) in ?2", tenantId, lowerEmails)
                .map(users -> {
                    Set<String> found = new HashSet<>();
                    users.forEach(u -> found.add(key(u.email)));
                    return found;
                });
    }

    private static String key(String email) {
        return email.strip().toLowerCase(Locale.ROOT);
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
