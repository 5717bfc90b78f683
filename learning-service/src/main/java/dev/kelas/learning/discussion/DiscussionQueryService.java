package dev.kelas.learning.discussion;

import dev.kelas.learning.common.ClassAccess;
import dev.kelas.runtime.problem.ValidationException;
import dev.kelas.runtime.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Class discussion, the reading side: a class's threads newest activity first (pinned ones on top) in
 * cursor pages, each with the caller's unread replies; PostgreSQL full-text search over titles and
 * bodies ({@code to_tsvector('simple', ...)}, {@code plainto_tsquery}); one thread with its replies.
 */
@ApplicationScoped
public class DiscussionQueryService {
    /** The mapped columns (the generated {@code search} vector stays in the database). */
    private static final String COLUMNS = "id, tenant_id, class_id, assignment_id, author_id, title, body, body_html, pinned, locked,"
            + " reply_count, created_at, edited_at, last_activity_at, removed_at, removed_by, removal_reason";
    private final ClassAccess access;
    private final DiscussionService discussion;

    public DiscussionQueryService(ClassAccess access, DiscussionService discussion) {
        this.access = access;
        this.discussion = discussion;
    }

    /** A page of threads, the unread replies per thread for the caller, and the cursor of the next page (null at the end). */
    public record ThreadPage(List<DiscussionThread> items, Map<UUID, Long> unread, String nextCursor) {
    }

    /** One thread with its replies, oldest first. */
    public record ThreadView(DiscussionThread thread, List<DiscussionReply> replies) {
    }

    /**
     * A class's threads that are not removed.
     *
     * @param search words to find in titles and bodies, or null
     * @param cursor the {@code nextCursor} of the previous page, or null
     * @throws ValidationException for a cursor this API did not hand out
     */
    @WithSession
    public Uni<ThreadPage> threads(Caller caller, UUID classId, String search, String cursor, int size) {
        Cursor after = Cursor.parse(cursor);
        StringBuilder sql = new StringBuilder("select " + COLUMNS + " from discussion_thread where tenant_id = ?1 and class_id = ?2 and removed_at is null");
        Map<Integer, Object> params = new HashMap<>();
        params.put(1, caller.tenantId());
        params.put(2, classId);
        int next = 3;
        if (search != null && !search.isBlank()) {
            sql.append(" and search @@ plainto_tsquery('simple', ?").append(next).append(')');
            params.put(next++, search.strip());
        }
        if (after != null) {
            sql.append(" and (pinned::int, last_activity_at, id) < (?").append(next).append(", ?").append(next + 1).append(", ?")
                    .append(next + 2).append(')');
            params.put(next++, after.pinned() ? 1 : 0);
            params.put(next++, after.lastActivityAt());
            params.put(next++, after.id());
        }
        sql.append(" order by pinned desc, last_activity_at desc, id desc limit ?").append(next);
        params.put(next, size + 1);
        return access.readableClass(caller, classId)
                .chain(c -> Panache.getSession().chain(session -> {
                    var query = session.createNativeQuery(sql.toString(), DiscussionThread.class);
                    params.forEach(query::setParameter);
                    return query.getResultList();
                }))
                .chain(rows -> {
                    List<DiscussionThread> page = rows.size() > size ? rows.subList(0, size) : rows;
                    String nextCursor = rows.size() > size ? Cursor.of(page.get(page.size() - 1)) : null;
                    return unread(caller.userId(), page).map(unread -> new ThreadPage(page, unread, nextCursor));
                });
    }

    /**
     * One thread and its replies.
     *
     * @throws dev.kelas.runtime.problem.NotFoundException when it is not visible to the caller
     */
    @WithSession
    public Uni<ThreadView> thread(Caller caller, UUID threadId) {
        return discussion.memberThread(caller, threadId)
                .chain(thread -> DiscussionReply.listForThread(threadId).map(replies -> new ThreadView(thread, replies)));
    }

    private static Uni<Map<UUID, Long>> unread(UUID userId, List<DiscussionThread> threads) {
        if (threads.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<UUID> ids = threads.stream().map(t -> t.id).toList();
        String hql = """
                select r.threadId, count(r) from DiscussionReply r
                left join DiscussionRead d on d.threadId = r.threadId and d.userId = :user
                where r.threadId in :threads and r.authorId <> :user and r.removedAt is null
                  and (d.lastReadAt is null or r.createdAt > d.lastReadAt)
                group by r.threadId""";
        return Panache.getSession().chain(session -> session.createSelectionQuery(hql, Object[].class)
                .setParameter("user", userId).setParameter("threads", ids).getResultList()).map(rows -> {
                    Map<UUID, Long> unread = new HashMap<>();
                    for (Object[] row : rows) {
                        unread.put((UUID) row[0], ((Number) row[1]).longValue());
                    }
                    return unread;
                });
    }

    /** Where a page ended: the last thread's sort key, base64url of {@code pinned|epoch micros|id}. */
    record Cursor(boolean pinned, Instant lastActivityAt, UUID id) {
        static String of(DiscussionThread t) {
            Instant at = t.lastActivityAt.truncatedTo(ChronoUnit.MICROS);
            long micros = at.getEpochSecond() * 1_000_000 + at.getNano() / 1_000;
            String raw = (t.pinned ? "1" : "0") + "|" + micros + "|" + t.id;
            return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
        }

        static Cursor parse(String cursor) {
            if (cursor == null || cursor.isBlank()) {
                return null;
            }
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
                long micros = Long.parseLong(parts[1]);
                return new Cursor(parts[0].equals("1"), Instant.ofEpochSecond(Math.floorDiv(micros, 1_000_000),
                        Math.floorMod(micros, 1_000_000) * 1_000L), UUID.fromString(parts[2]));
            } catch (RuntimeException e) {
                throw new ValidationException("cursor", "is not a cursor from this list");
            }
        }
    }
}
