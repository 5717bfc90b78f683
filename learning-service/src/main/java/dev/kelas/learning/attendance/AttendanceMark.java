package dev.kelas.learning.attendance;

import dev.kelas.runtime.persistence.TenantEntity;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** A student's mark in a register session: the school's status code, minutes late (LATE only) and a remark. */
@Entity
@Table(name = "attendance_mark")
public class AttendanceMark extends TenantEntity {
    public UUID sessionId;
    public UUID studentId;
    /** The enrollment the student was in on the session's date. */
    public UUID enrollmentId;
    public String status;
    public Integer minutesLate;
    public String remark;
    public UUID markedBy;
    public Instant markedAt;

    /** A new mark, not yet stored. */
    public static AttendanceMark create(AttendanceSession session, UUID studentId, UUID enrollmentId, UUID markedBy, Instant now) {
        AttendanceMark mark = new AttendanceMark();
        mark.id = UUID.randomUUID();
        mark.tenantId = session.tenantId;
        mark.sessionId = session.id;
        mark.studentId = studentId;
        mark.enrollmentId = enrollmentId;
        mark.markedBy = markedBy;
        mark.markedAt = now;
        return mark;
    }

    /** Whether setting these values would change the mark. */
    public boolean differs(String status, Integer minutesLate, String remark) {
        return !Objects.equals(this.status, status) || !Objects.equals(this.minutesLate, minutesLate) || !Objects.equals(this.remark, remark);
    }

    /** Sets the mark's values, by whom and when. */
    public void set(String status, Integer minutesLate, String remark, UUID markedBy, Instant now) {
        this.status = status;
        this.minutesLate = minutesLate;
        this.remark = remark;
        this.markedBy = markedBy;
        this.markedAt = now;
    }

    /** A session's marks. */
    public static Uni<List<AttendanceMark>> listForSession(UUID sessionId) {
        return list("sessionId = ?1", sessionId);
    }

    /** The marks of these sessions. */
    public static Uni<List<AttendanceMark>> listForSessions(Collection<UUID> sessionIds) {
        return sessionIds.isEmpty() ? Uni.createFrom().item(List.of()) : list("sessionId in ?1", sessionIds);
    }

    /** Whether any mark of the school has one of these status codes. */
    public static Uni<List<String>> statusesInUse(UUID tenantId, Collection<String> codes) {
        return codes.isEmpty() ? Uni.createFrom().item(List.of())
                : find("select distinct m.status from AttendanceMark m where m.tenantId = ?1 and m.status in ?2", tenantId, codes)
                .project(String.class).list();
    }

    /** A mark with its session, as the reports read it. */
    public record Entry(AttendanceMark mark, AttendanceSession session) {
    }

    /**
     * A student's marks in the school in {@code [from, to]}, optionally of one class (null: all), newest first.
     */
    public static Uni<List<Entry>> history(UUID tenantId, UUID studentId, UUID classId, LocalDate from, LocalDate to) {
        String query = "select m, s from AttendanceMark m join AttendanceSession s on s.id = m.sessionId"
                + " where m.tenantId = :tenant and m.studentId = :student and s.date between :from and :to"
                + (classId == null ? "" : " and s.classId = :class")
                + " order by s.date desc, s.startsAt desc nulls last";
        return Panache.getSession().chain(session -> {
            var select = session.createSelectionQuery(query, Object[].class).setParameter("tenant", tenantId)
                    .setParameter("student", studentId).setParameter("from", from).setParameter("to", to);
            if (classId != null) {
                select.setParameter("class", classId);
            }
            return select.getResultList();
        }).map(rows -> rows.stream().map(r -> new Entry((AttendanceMark) r[0], (AttendanceSession) r[1])).toList());
    }

    /** A tally row: how many marks of a status a student has in a class. */
    public record Tally(UUID classId, UUID studentId, String status, long count) {
    }

    /**
     * How many marks of each status these students have in these classes within each class's term (all dates for a
     * class without a term).
     *
     * @param studentIds null for every student
     */
    public static Uni<List<Tally>> tallyInTerm(UUID tenantId, Collection<UUID> classIds, Collection<UUID> studentIds) {
        if (classIds.isEmpty() || (studentIds != null && studentIds.isEmpty())) {
            return Uni.createFrom().item(List.of());
        }
        String query = "select s.classId, m.studentId, m.status, count(m) from AttendanceMark m"
                + " join AttendanceSession s on s.id = m.sessionId"
                + " join SchoolClass c on c.id = s.classId"
                + " left join Term t on t.id = c.termId"
                + " where m.tenantId = :tenant and s.classId in :classes"
                + (studentIds == null ? "" : " and m.studentId in :students")
                + " and (t.id is null or s.date between t.startsOn and t.endsOn)"
                + " group by s.classId, m.studentId, m.status";
        return Panache.getSession().chain(session -> {
            var select = session.createSelectionQuery(query, Object[].class).setParameter("tenant", tenantId)
                    .setParameter("classes", classIds);
            if (studentIds != null) {
                select.setParameter("students", studentIds);
            }
            return select.getResultList();
        }).map(rows -> rows.stream().map(r -> new Tally((UUID) r[0], (UUID) r[1], (String) r[2], (Long) r[3])).toList());
    }
}
