package dev.kelas.learning.attendance;

import dev.kelas.runtime.persistence.TenantEntity;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * A stored register session of a class on a date (the school's local date): a LESSON of a timetable slot or
 * the DAILY register, stored when first marked, or an EXTRA session a teacher added. One LESSON row per class,
 * date and slot and one DAILY row per class and date (unique indexes).
 */
@Entity
@Table(name = "attendance_session")
public class AttendanceSession extends TenantEntity {
    public UUID classId;
    @Enumerated(EnumType.STRING)
    public SessionKind kind;
    public LocalDate date;
    /** The timetable slot of a LESSON, else null. */
    public UUID slotId;
    /** The lesson's subject; null for the DAILY register and an EXTRA session without one. */
    public UUID subjectId;
    public UUID teacherId;
    /** Local start and end times; null for the DAILY register. */
    public LocalTime startsAt;
    public LocalTime endsAt;
    public String title;
    public UUID createdBy;
    public Instant createdAt;

    /** A new session, not yet stored. */
    public static AttendanceSession create(UUID tenantId, UUID classId, SessionKind kind, LocalDate date, UUID slotId,
                                           UUID subjectId, UUID teacherId, LocalTime startsAt, LocalTime endsAt, String title,
                                           UUID createdBy) {
        AttendanceSession session = new AttendanceSession();
        session.id = UUID.randomUUID();
        session.tenantId = tenantId;
        session.classId = classId;
        session.kind = kind;
        session.date = date;
        session.slotId = slotId;
        session.subjectId = subjectId;
        session.teacherId = teacherId;
        session.startsAt = startsAt;
        session.endsAt = endsAt;
        session.title = title;
        session.createdBy = createdBy;
        session.createdAt = Instant.now();
        return session;
    }

    /** The session with this id in this tenant, or null. */
    public static Uni<AttendanceSession> findInTenant(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResult();
    }

    /** The stored LESSON of a slot on a date, or null. */
    public static Uni<AttendanceSession> lesson(UUID classId, LocalDate date, UUID slotId) {
        return find("classId = ?1 and date = ?2 and slotId = ?3 and kind = ?4", classId, date, slotId, SessionKind.LESSON).firstResult();
    }

    /** The stored DAILY register of a class on a date, or null. */
    public static Uni<AttendanceSession> daily(UUID classId, LocalDate date) {
        return find("classId = ?1 and date = ?2 and kind = ?3", classId, date, SessionKind.DAILY).firstResult();
    }

    /** A class's stored sessions in {@code [from, to]}, by date and start time. */
    public static Uni<List<AttendanceSession>> listForClass(UUID tenantId, UUID classId, LocalDate from, LocalDate to) {
        return list("tenantId = ?1 and classId = ?2 and date between ?3 and ?4 order by date, startsAt nulls first",
                tenantId, classId, from, to);
    }

    /** The stored sessions with these ids in this tenant. */
    public static Uni<List<AttendanceSession>> listInTenant(UUID tenantId, Collection<UUID> ids) {
        return ids.isEmpty() ? Uni.createFrom().item(List.of()) : list("tenantId = ?1 and id in ?2", tenantId, ids);
    }
}
