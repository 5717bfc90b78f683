package dev.kelas.notification.audience;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A published assignment as {@code kelas.learning.assignment.published} described it; for reminders. */
@Entity
@Table(name = "class_assignment")
public class ClassAssignment extends PanacheEntityBase {
    // One reminder per assignment, whichever replica gets there first.
    private static final String CLAIM_DUE = """
            update class_assignment set reminded_at = now()
            where assignment_id = (select assignment_id from class_assignment
                                   where reminded_at is null and due_at > now() and due_at <= ?1
                                   order by due_at limit 1 for update skip locked)
            returning assignment_id""";

    private static final String RECORD = """
            insert into class_assignment (assignment_id, tenant_id, class_id, title, due_at, published_at, event_id)
            values (?1, ?2, ?3, ?4, ?5, ?6, ?7) on conflict (assignment_id) do nothing""";

    // A moved due date clears reminded_at: the reminder is due again, for the new date.
    private static final String FOLLOW = """
            update class_assignment set title = ?3, version = ?5,
                   reminded_at = case when due_at is distinct from ?4 then null else reminded_at end, due_at = ?4
            where tenant_id = ?1 and assignment_id = ?2 and version < ?5""";

    @Id
    public UUID assignmentId;
    public UUID tenantId;
    public UUID classId;
    public String title;
    public Instant dueAt;
    public Instant publishedAt;
    /** The id of the event that published it, which its notifications carry. */
    public UUID eventId;
    public Instant remindedAt;
    /** The assignment's version the row describes (0 as published). */
    public int version;

    /**
     * Follows a change of a published assignment (a change older than the stored one changes nothing). A moved due
     * date makes the "due soon" reminder due again for the new date, even if the old one was sent.
     *
     * @return the rows changed (0 for an unknown assignment or an older change)
     */
    public static Uni<Integer> follow(UUID tenantId, UUID assignmentId, String title, Instant dueAt, int version) {
        return Panache.getSession().chain(session -> session.createNativeQuery(FOLLOW).setParameter(1, tenantId)
                .setParameter(2, assignmentId).setParameter(3, title).setParameter(4, dueAt).setParameter(5, version)
                .executeUpdate());
    }

    /** Forgets a deleted assignment: no reminder goes out for it. */
    public static Uni<Long> forget(UUID tenantId, UUID assignmentId) {
        return delete("tenantId = ?1 and assignmentId = ?2", tenantId, assignmentId);
    }

    /** Records a published assignment (once: a second publication of the same id changes nothing). */
    public static Uni<Void> record(UUID tenantId, UUID assignmentId, UUID classId, String title, Instant dueAt,
                                   Instant publishedAt, UUID eventId) {
        return Panache.getSession().chain(session -> session.createNativeQuery(RECORD)
                .setParameter(1, assignmentId).setParameter(2, tenantId).setParameter(3, classId).setParameter(4, title)
                .setParameter(5, dueAt).setParameter(6, publishedAt).setParameter(7, eventId).executeUpdate())
                .replaceWithVoid();
    }

    /** The assignments of a class published at or after a moment, oldest first. */
    public static Uni<List<ClassAssignment>> publishedSince(UUID tenantId, UUID classId, Instant since) {
        return list("tenantId = ?1 and classId = ?2 and publishedAt >= ?3 order by publishedAt", tenantId, classId, since);
    }

    /**
     * Marks one unreminded assignment due before {@code dueBy} (and not yet past) as reminded, in the caller's
     * transaction.
     *
     * @return it, or null when none is left
     */
    public static Uni<ClassAssignment> claimDueBefore(Instant dueBy) {
        return Panache.getSession().chain(session -> session.createNativeQuery(CLAIM_DUE, UUID.class)
                        .setParameter(1, dueBy).getResultList())
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().nullItem() : ClassAssignment.<ClassAssignment>findById(ids.get(0)));
    }
}
