package dev.kelas.learning.announcement;

import dev.kelas.contracts.Role;
import dev.kelas.contracts.events.AnnouncementPublished;
import dev.kelas.learning.common.Audience;
import dev.kelas.learning.common.Audiences;
import dev.kelas.runtime.web.MarkdownRenderer;
import dev.kelas.learning.common.ClassAccess;
import dev.kelas.runtime.outbox.Outbox;
import dev.kelas.runtime.problem.ForbiddenException;
import dev.kelas.runtime.problem.NotFoundException;
import dev.kelas.runtime.problem.PreconditionFailedException;
import dev.kelas.runtime.problem.ValidationException;
import dev.kelas.runtime.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Announcements: administrators write to the school or a role, teachers to their classes. Publishing
 * (at once, or when {@code publishAt} comes, by {@link AnnouncementJobs}) writes
 * {@code kelas.learning.announcement.published} through the outbox, and notification-service tells the
 * audience (inbox, SSE/WebSocket, e-mail by preference). Readers see the published, unexpired
 * announcements of their audiences, pinned first, newest next.
 */
@ApplicationScoped
public class AnnouncementService {
    /** Longest body, in characters of Markdown. */
    public static final int MAX_BODY = 20_000;
    /** Most scheduled announcements one job run publishes per transaction. */
    static final int PUBLISH_BATCH = 50;
    private static final String CLAIM_DUE = """
            select * from announcement where status = 'SCHEDULED' and publish_at <= ?1
            order by publish_at limit ?2 for update skip locked""";

    private final ClassAccess access;
    private final Outbox outbox;
    private final MarkdownRenderer markdown;

    public AnnouncementService(ClassAccess access, Outbox outbox, MarkdownRenderer markdown) {
        this.access = access;
        this.outbox = outbox;
        this.markdown = markdown;
    }

    /** A page of announcements with the reader's read flags and the unread count over all of them. */
    public record Feed(List<Announcement> items, Set<UUID> read, long total, long unread) {
    }

    /**
     * Writes an announcement; unless it is a draft or scheduled for later, it goes out at once.
     *
     * @throws ValidationException for a blank title or body, an audience without its class or role, or expiry before publication
     * @throws ForbiddenException  for a teacher writing outside their classes, or a student
     * @throws NotFoundException   for a class of another school
     */
    @WithTransaction
    public Uni<Announcement> create(Caller caller, AnnouncementDraft draft) {
        Instant now = Instant.now();
        Announcement a = new Announcement();
        a.id = UUID.randomUUID();
        a.tenantId = caller.tenantId();
        a.authorId = caller.userId();
        a.title = text("title", draft.title(), 200);
        a.body = text("body", draft.body(), MAX_BODY);
        a.bodyHtml = markdown.toSafeHtml(a.body);
        a.audience = required(draft.audience(), "audience");
        a.classId = a.audience == Audience.CLASS ? required(draft.classId(), "classId") : null;
        a.role = a.audience == Audience.ROLE ? required(draft.role(), "role") : null;
        a.pinned = draft.pinned();
        a.publishAt = draft.publishAt();
        a.expiresAt = draft.expiresAt();
        a.createdAt = now;
        a.updatedAt = now;
        checkExpiry(a);
        a.status = draft.draft() ? AnnouncementStatus.DRAFT
                : a.publishAt != null && a.publishAt.isAfter(now) ? AnnouncementStatus.SCHEDULED : AnnouncementStatus.PUBLISHED;
        return checkMayWrite(caller, a.audience, a.classId)
                .chain(() -> a.<Announcement>persist())
                .call(saved -> saved.status == AnnouncementStatus.PUBLISHED ? publish(saved, now) : Uni.createFrom().voidItem());
    }

    /**
     * Changes an announcement.
     *
     * @param expectedVersion the version the client read ({@code If-Match}), or null
     * @throws PreconditionFailedException when it changed since that version
     * @throws NotFoundException           when it is not in the caller's school
     * @throws ForbiddenException          when the caller is neither its author nor an administrator
     */
    @WithTransaction
    public Uni<Announcement> edit(Caller caller, UUID id, AnnouncementEdit edit, Integer expectedVersion) {
        return own(caller, id).chain(a -> {
            if (expectedVersion != null && expectedVersion != a.version) {
                throw new PreconditionFailedException("The announcement changed since you read it (version " + a.version + ")");
            }
            if (edit.title() != null) {
                a.title = text("title", edit.title(), 200);
            }
            if (edit.body() != null) {
                a.body = text("body", edit.body(), MAX_BODY);
                a.bodyHtml = markdown.toSafeHtml(a.body);
            }
            if (edit.pinned() != null) {
                a.pinned = edit.pinned();
            }
            if (edit.expiresAt() != null) {
                a.expiresAt = edit.expiresAt();
            }
            if (edit.publishAt() != null && a.status != AnnouncementStatus.PUBLISHED) {
                a.publishAt = edit.publishAt();
                a.status = AnnouncementStatus.SCHEDULED;
            }
            checkExpiry(a);
            a.version++;
            a.updatedAt = Instant.now();
            boolean again = edit.announceAgain() && a.status == AnnouncementStatus.PUBLISHED;
            return again ? publish(a, a.updatedAt).replaceWith(a) : Uni.createFrom().item(a);
        });
    }

    /**
     * Publishes a draft or scheduled announcement now.
     *
     * @throws NotFoundException  when it is not in the caller's school
     * @throws ForbiddenException when the caller is neither its author nor an administrator
     */
    @WithTransaction
    public Uni<Announcement> publishNow(Caller caller, UUID id) {
        return own(caller, id).chain(a -> {
            if (a.status == AnnouncementStatus.PUBLISHED) {
                return Uni.createFrom().item(a);
            }
            a.status = AnnouncementStatus.PUBLISHED;
            a.version++;
            return publish(a, Instant.now()).replaceWith(a);
        });
    }

    /**
     * Deletes an announcement (with its read marks).
     *
     * @throws NotFoundException  when it is not in the caller's school
     * @throws ForbiddenException when the caller is neither its author nor an administrator
     */
    @WithTransaction
    public Uni<Void> delete(Caller caller, UUID id) {
        return own(caller, id).chain(a -> AnnouncementRead.delete("announcementId", a.id).chain(a::delete));
    }

    /**
     * One announcement: the author and administrators see it in any state, its audience once it is live.
     *
     * @throws NotFoundException when it is not in the caller's school or not visible to them
     */
    @WithSession
    public Uni<Announcement> read(Caller caller, UUID id) {
        return Audiences.of(caller).chain(audiences -> Announcement.findInTenant(Announcement.class, caller.tenantId(), id)
                .map(a -> {
                    boolean mine = a != null && (a.authorId.equals(caller.userId()) || caller.hasRole(Role.ADMIN));
                    if (a == null || !(mine || a.liveAt(Instant.now()) && audiences.sees(a.audience, a.classId, a.role))) {
                        throw new NotFoundException("announcement", id);
                    }
                    return a;
                }));
    }

    /** The caller's feed: one page of the live announcements of their audiences, with read flags and the unread count. */
    @WithSession
    public Uni<Feed> feed(Caller caller, int page, int size) {
        Instant now = Instant.now();
        return Audiences.of(caller).chain(audiences -> Announcement.live(caller.tenantId(), now).chain(all -> {
            List<Announcement> mine = all.stream().filter(a -> audiences.sees(a.audience, a.classId, a.role)).toList();
            return AnnouncementRead.readAmong(caller.userId(), mine.stream().map(a -> a.id).toList()).map(readIds -> {
                Set<UUID> read = Set.copyOf(readIds);
                int from = (int) Math.min((long) page * size, mine.size());
                int to = Math.min(from + size, mine.size());
                long unread = mine.stream().filter(a -> !read.contains(a.id)).count();
                return new Feed(mine.subList(from, to), read, mine.size(), unread);
            });
        }));
    }

    /** The caller's drafts and scheduled announcements, newest first. */
    @WithSession
    public Uni<List<Announcement>> unpublished(Caller caller) {
        return Announcement.unpublishedBy(caller.tenantId(), caller.userId());
    }

    /**
     * Marks an announcement read for the caller.
     *
     * @throws NotFoundException when the caller cannot see it
     */
    @WithTransaction
    public Uni<Void> markRead(Caller caller, UUID id) {
        return read(caller, id).chain(a -> AnnouncementRead.mark(a.id, caller.userId())).replaceWithVoid();
    }

    /**
     * Publishes the scheduled announcements whose time has come, one batch in one transaction. Rows are
     * claimed with {@code FOR UPDATE SKIP LOCKED}, so replicas running the job at once publish each exactly once.
     *
     * @return how many were published
     */
    @WithTransaction
    public Uni<Integer> publishDue() {
        Instant now = Instant.now();
        return Panache.getSession().chain(session -> session.createNativeQuery(CLAIM_DUE, Announcement.class)
                        .setParameter(1, now).setParameter(2, PUBLISH_BATCH).getResultList())
                .chain(due -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (Announcement a : due) {
                        a.status = AnnouncementStatus.PUBLISHED;
                        chain = chain.chain(() -> publish(a, now));
                    }
                    return chain.replaceWith(due.size());
                });
    }

    private Uni<Void> publish(Announcement a, Instant now) {
        a.publishedAt = now;
        return outbox.record(a.tenantId, new AnnouncementPublished(a.id, a.authorId, a.audience.name(), a.classId, a.role, a.title,
                a.body, now)).replaceWithVoid();
    }

    /**
     * An announcement the caller may change: its author's or, for an administrator, any in the school.
     *
     * @throws NotFoundException  when it is not in the caller's school
     * @throws ForbiddenException when the caller is neither its author nor an administrator
     */
    Uni<Announcement> own(Caller caller, UUID id) {
        return Announcement.findInTenant(Announcement.class, caller.tenantId(), id).map(a -> {
            if (a == null) {
                throw new NotFoundException("announcement", id);
            }
            if (!caller.hasRole(Role.ADMIN) && !a.authorId.equals(caller.userId())) {
                throw new ForbiddenException("Only the author or an administrator may change this announcement");
            }
            return a;
        });
    }

    private Uni<Void> checkMayWrite(Caller caller, Audience audience, UUID classId) {
        if (caller.hasRole(Role.ADMIN)) {
            return classId == null ? Uni.createFrom().voidItem() : access.managedClass(caller, classId).replaceWithVoid();
        }
        if (caller.hasRole(Role.TEACHER) && audience == Audience.CLASS) {
            return access.managedClass(caller, classId).replaceWithVoid();
        }
        throw new ForbiddenException("Administrators announce to the school or a role; teachers to their classes");
    }

    private static void checkExpiry(Announcement a) {
        Instant publishes = a.publishAt != null ? a.publishAt : a.createdAt;
        if (a.expiresAt != null && !a.expiresAt.isAfter(publishes)) {
            throw new ValidationException("expiresAt", "must be after the announcement is published");
        }
    }

    private static String text(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            throw new ValidationException(field, "must not be blank");
        }
        if (value.length() > max) {
            throw new ValidationException(field, "must be at most " + max + " characters");
        }
        return field.equals("title") ? value.strip() : value;
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new ValidationException(field, "is required");
        }
        return value;
    }
}
