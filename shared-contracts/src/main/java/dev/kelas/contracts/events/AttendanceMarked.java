package dev.kelas.contracts.events;

import dev.kelas.contracts.KelasEvent;
import dev.kelas.contracts.Subjects;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Marks of one register session were taken or corrected, batched: one event per session and
 * request. Subject {@code kelas.learning.attendance.marked}.
 *
 * @param sessionId the register session (a timetable lesson, the class's daily register, or an extra session)
 * @param subjectId the lesson's subject, or null for the daily (homeroom) register
 * @param date      the session's date in the school's time zone
 * @param markedBy  the teacher or administrator who marked
 * @param marks     one entry per student whose mark this request set or changed
 */
public record AttendanceMarked(UUID sessionId, UUID classId, UUID subjectId, LocalDate date, UUID markedBy,
                               List<Mark> marks, Instant occurredAt) implements KelasEvent {

    /**
     * One student's mark.
     *
     * @param status      the school's status code, e.g. {@code PRESENT}, {@code LATE}
     * @param absence     whether that status counts as an absence
     * @param minutesLate minutes late for a late status, else null
     * @param correction  true when an earlier mark was changed (the change is in the audit trail)
     */
    public record Mark(UUID studentId, String status, boolean absence, Integer minutesLate, boolean correction) {
    }

    @Override
    public String subject() {
        return Subjects.LEARNING_ATTENDANCE_MARKED;
    }

    @Override
    public String aggregateType() {
        return "session";
    }

    @Override
    public UUID aggregateId() {
        return sessionId;
    }
}
