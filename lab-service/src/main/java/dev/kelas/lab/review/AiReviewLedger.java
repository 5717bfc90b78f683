package dev.kelas.lab.review;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * The daily AI review ledger (table {@code ai_review_usage}): a call to the AI provider chain is reserved here before
 * it is made, against the student's and the school's limits per UTC day
 * ({@code kelas.lab.review.student-daily-ai-limit}, {@code .school-daily-ai-limit}). Each reservation is one
 * transaction of two atomic "add one while below the limit" upserts, so every replica and every review at once
 * shares one count, and a fresh review of the same submission counts again. A call in which every provider failed
 * is given back ({@link #release}).
 */
@ApplicationScoped
public class AiReviewLedger {
    /** The ledger row of the whole school. */
    static final UUID SCHOOL = new UUID(0, 0);
    /** Outcome when the student has had their AI reviews for the day. */
    public static final String STUDENT_LIMIT = "student-daily-limit";
    /** Outcome when the school has had its AI reviews for the day. */
    public static final String SCHOOL_LIMIT = "school-daily-limit";

    private static final String ADD_ONE = """
            insert into ai_review_usage (tenant_id, day, student_id, calls) values (?1, ?2, ?3, 1)
            on conflict (tenant_id, day, student_id) do update set calls = ai_review_usage.calls + 1
            where ai_review_usage.calls < ?4""";
    private static final String GIVE_BACK = """
            update ai_review_usage set calls = calls - 1
            where tenant_id = ?1 and day = ?2 and student_id in (?3, ?4) and calls > 0""";

    private final Clock clock;

    /** A ledger on the system clock. */
    public AiReviewLedger() {
        this(Clock.systemUTC());
    }

    AiReviewLedger(Clock clock) {
        this.clock = clock;
    }

    /**
     * One reserved AI call.
     *
     * @param tenantId  the school
     * @param studentId the student
     * @param day       the UTC day it counts on
     */
    public record Reservation(UUID tenantId, UUID studentId, LocalDate day) {
    }

    /** A reservation refused: which limit was reached. */
    public record Outcome(Reservation reservation, String limitReached) {
    }

    private static final class LimitReached extends RuntimeException {
        private final String limit;

        LimitReached(String limit) {
            super(limit, null, false, false);
            this.limit = limit;
        }
    }

    /**
     * Reserves one AI call for the student today (UTC), within both limits, or nothing.
     *
     * @param studentLimit AI calls one student may have per day
     * @param schoolLimit  AI calls the school may have per day
     * @return the reservation, or the limit reached ({@value #STUDENT_LIMIT}, {@value #SCHOOL_LIMIT}) with nothing counted
     */
    public Uni<Outcome> reserve(UUID tenantId, UUID studentId, int studentLimit, int schoolLimit) {
        LocalDate day = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        Reservation reservation = new Reservation(tenantId, studentId, day);
        if (studentLimit <= 0) {
            return Uni.createFrom().item(new Outcome(null, STUDENT_LIMIT));
        }
        if (schoolLimit <= 0) {
            return Uni.createFrom().item(new Outcome(null, SCHOOL_LIMIT));
        }
        return Panache.withTransaction(() -> addOne(tenantId, day, studentId, studentLimit, STUDENT_LIMIT)
                        .chain(() -> addOne(tenantId, day, SCHOOL, schoolLimit, SCHOOL_LIMIT)))
                .replaceWith(new Outcome(reservation, null))
                .onFailure(LimitReached.class).recoverWithItem(e -> new Outcome(null, ((LimitReached) e).limit));
    }

    private Uni<Void> addOne(UUID tenantId, LocalDate day, UUID row, int limit, String reached) {
        return Panache.getSession().chain(session -> session.createNativeQuery(ADD_ONE)
                        .setParameter(1, tenantId).setParameter(2, day).setParameter(3, row).setParameter(4, limit)
                        .executeUpdate())
                .invoke(updated -> {
                    if (updated == 0) {
                        throw new LimitReached(reached); // rolls the student's row back when the school's is full
                    }
                })
                .replaceWithVoid();
    }

    /**
     * Which daily limit is reached today (UTC), a read that counts nothing; call it in a session.
     *
     * @return {@value #STUDENT_LIMIT}, {@value #SCHOOL_LIMIT} or null while both have calls left
     */
    public Uni<String> limitReached(UUID tenantId, UUID studentId, int studentLimit, int schoolLimit) {
        LocalDate day = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select student_id, calls from ai_review_usage where tenant_id = ?1 and day = ?2 and student_id in (?3, ?4)",
                        Object[].class)
                .setParameter(1, tenantId).setParameter(2, day).setParameter(3, studentId).setParameter(4, SCHOOL)
                .getResultList()).map(rows -> {
                    int student = 0;
                    int school = 0;
                    for (Object[] row : rows) {
                        int calls = ((Number) row[1]).intValue();
                        if (SCHOOL.equals(row[0])) {
                            school = calls;
                        } else {
                            student = calls;
                        }
                    }
                    return student >= studentLimit ? STUDENT_LIMIT : school >= schoolLimit ? SCHOOL_LIMIT : null;
                });
    }

    /** Seconds until the UTC day ends, when the daily limits start again (at least 1). */
    public long secondsToNextDay() {
        java.time.Instant now = clock.instant();
        java.time.Instant next = LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        return Math.max(1, java.time.Duration.between(now, next).toSeconds());
    }

    /** Gives a reserved call back (every provider failed: no AI review was had). */
    public Uni<Void> release(Reservation reservation) {
        return Panache.withTransaction(() -> Panache.getSession().chain(session -> session.createNativeQuery(GIVE_BACK)
                .setParameter(1, reservation.tenantId()).setParameter(2, reservation.day())
                .setParameter(3, reservation.studentId()).setParameter(4, SCHOOL).executeUpdate())).replaceWithVoid();
    }
}
