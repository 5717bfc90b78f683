package dev.kelas.notification.inbox;

import dev.kelas.contracts.events.GradeRecorded;
import dev.kelas.contracts.events.GradeReleased;
import dev.kelas.contracts.events.SubmissionGraded;
import dev.kelas.notification.inbox.DeliveryService.Draft;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.UUID;

/** What each kind of event says to a user: title, body and the data clients get. */
public final class Drafts {
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM yyyy", Locale.ENGLISH);
    private static final DateTimeFormatter HOURS = DateTimeFormatter.ofPattern("HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM yyyy, HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    private Drafts() {
    }

    /**
     * An assignment as its notifications describe it.
     *
     * @param dueAt null when it has no due date
     */
    public record AssignmentNotice(UUID assignmentId, UUID classId, String title, Instant dueAt) {
    }

    /** Password-reset data clients may see: never the token, which goes only to the mailbox. */
    public record PasswordResetNotice(Instant expiresAt) {
    }

    /** An announcement as its notifications describe it. */
    public record AnnouncementNotice(UUID announcementId, UUID classId, UUID authorId) {
    }

    /** A reached absence limit as its notifications describe it. */
    public record AbsenceNotice(UUID enrollmentId, UUID studentId, UUID classId, String className, int absences, int limit) {
    }

    /** A behaviour note as the student's notification describes it. */
    public record BehaviorNotice(UUID noteId, UUID classId, String kind, String category, int points, LocalDate date) {
    }

    /** A calendar event as its notifications describe it. */
    public record CalendarNotice(UUID eventId, String type, UUID classId, boolean allDay, Instant startsAt, Instant endsAt,
                                 String timeZone, String recurrence, boolean changed) {
    }

    /** A new discussion thread as its notifications describe it. */
    public record ThreadNotice(UUID threadId, UUID classId, UUID assignmentId, UUID authorId, String title) {
    }

    /** A discussion reply as its notifications describe it. */
    public record ReplyNotice(UUID replyId, UUID threadId, UUID classId, UUID authorId, UUID parentReplyId, String threadTitle) {
    }

    /** {@code kelas.learning.attendance.absence-limit-reached}, as the student reads it. */
    public static Draft absenceLimitForStudent(AbsenceNotice absence) {
        return new Draft(NotificationType.ABSENCE_LIMIT_REACHED, "Absence limit reached in " + absence.className(),
                "You have " + absence.absences() + " absences counted in " + absence.className() + " this term; the school's"
                        + " limit is " + absence.limit() + ". Please talk to your homeroom teacher.", absence);
    }

    /**
     * {@code kelas.learning.attendance.absence-limit-reached}, as the homeroom teacher reads it.
     *
     * @param studentName the student's name, or null when this service does not know it yet
     */
    public static Draft absenceLimitForTeacher(AbsenceNotice absence, String studentName) {
        String who = studentName == null ? "A student" : studentName;
        return new Draft(NotificationType.ABSENCE_LIMIT_REACHED, "Absence limit reached: " + who + " in " + absence.className(),
                who + " has " + absence.absences() + " absences counted in " + absence.className() + " this term (limit "
                        + absence.limit() + ").", absence);
    }

    /** {@code kelas.learning.behavior.recorded}: a note the student may see. */
    public static Draft behaviorRecorded(BehaviorNotice note, String description) {
        boolean positive = "POSITIVE".equals(note.kind());
        String points = (note.points() > 0 ? "+" : "") + note.points() + (Math.abs(note.points()) == 1 ? " point" : " points");
        return new Draft(NotificationType.BEHAVIOR_RECORDED,
                (positive ? "Positive behaviour note: " : "Behaviour note: ") + note.category(),
                (description == null || description.isBlank() ? "" : description + " ") + "(" + points + ", "
                        + note.date() + ")", note);
    }

    /** {@code kelas.learning.calendar.event-published}: when it is, in the school's time zone. */
    public static Draft calendarEvent(String title, CalendarNotice event) {
        return new Draft(NotificationType.CALENDAR_EVENT_PUBLISHED,
                (event.changed() ? "Calendar event changed: " : "New calendar event: ") + title,
                label(event.type()) + ", " + when(event) + (event.recurrence() == null ? "." : ", repeating."), event);
    }

    /** {@code kelas.learning.discussion.thread-created}, for the class's teachers. */
    public static Draft threadCreated(ThreadNotice thread, String authorName) {
        return new Draft(NotificationType.DISCUSSION_THREAD_CREATED, "New discussion: " + thread.title(),
                (authorName == null ? "Someone" : authorName) + " opened a thread in your class.", thread);
    }

    /** {@code kelas.learning.discussion.reply-posted}, for the thread's participants and the class's teachers. */
    public static Draft replyPosted(ReplyNotice reply, String authorName) {
        return new Draft(NotificationType.DISCUSSION_REPLY_POSTED, "New reply in: " + reply.threadTitle(),
                (authorName == null ? "Someone" : authorName) + " replied.", reply);
    }

    /** {@code kelas.lab.submission.graded}: the student's verdict and score. */
    public static Draft submissionGraded(SubmissionGraded graded) {
        return new Draft(NotificationType.SUBMISSION_GRADED, "Your submission was graded",
                graded.verdict() + ": " + points(graded.score()) + " of " + points(graded.maxScore()) + " points", graded);
    }

    /** {@code kelas.learning.grade.recorded}: a grade entered the gradebook. */
    public static Draft gradeRecorded(GradeRecorded grade) {
        return new Draft(NotificationType.GRADE_RECORDED, "New grade: " + grade.assignmentTitle(),
                points(grade.score()) + " of " + points(grade.maxScore()) + " points", grade);
    }

    /** {@code kelas.learning.grade.released}: a grade the teacher had kept hidden is now visible. */
    public static Draft gradeReleased(GradeReleased grade) {
        return new Draft(NotificationType.GRADE_RELEASED, "Grade released: " + grade.assignmentTitle(),
                grade.excused() ? "Excused" : points(grade.score()) + " of " + points(grade.maxScore()) + " points", grade);
    }

    /** {@code kelas.learning.assignment.published}: new work in a class. */
    public static Draft assignmentPublished(AssignmentNotice assignment) {
        return new Draft(NotificationType.ASSIGNMENT_PUBLISHED, "New assignment: " + assignment.title(),
                assignment.dueAt() == null ? "No due date." : "Due " + WHEN.format(assignment.dueAt()) + ".", assignment);
    }

    /** An assignment's due date is near. */
    public static Draft assignmentDueSoon(AssignmentNotice assignment) {
        return new Draft(NotificationType.ASSIGNMENT_DUE_SOON, "Due soon: " + assignment.title(),
                "Due " + WHEN.format(assignment.dueAt()) + ".", assignment);
    }

    /** {@code kelas.learning.announcement.published}. */
    public static Draft announcement(String title, String body, AnnouncementNotice notice) {
        return new Draft(NotificationType.ANNOUNCEMENT_PUBLISHED, title, body, notice);
    }

    /** {@code kelas.auth.password-reset.requested}: a note in the inbox, and the link by e-mail. */
    public static Draft passwordReset(Instant expiresAt, DeliveryService.Mail mail) {
        return new Draft(NotificationType.PASSWORD_RESET_REQUESTED, "Password reset requested",
                "A link to choose a new password was sent to your e-mail address. If it was not you, ignore it.",
                new PasswordResetNotice(expiresAt), mail);
    }

    private static String label(String type) {
        return switch (String.valueOf(type)) {
            case "HOLIDAY" -> "Holiday";
            case "EXAM" -> "Exam";
            case "MEETING" -> "Meeting";
            default -> "School event";
        };
    }

    /** An all-day event as its dates (the end is exclusive), a timed one as its day and hours, in its time zone. */
    static String when(CalendarNotice event) {
        ZoneId zone;
        try {
            zone = event.timeZone() == null ? ZoneOffset.UTC : ZoneId.of(event.timeZone());
        } catch (java.time.DateTimeException e) {
            zone = ZoneOffset.UTC;
        }
        ZonedDateTime start = event.startsAt().atZone(zone);
        ZonedDateTime end = event.endsAt() == null ? start : event.endsAt().atZone(zone);
        if (event.allDay()) {
            LocalDate first = start.toLocalDate();
            LocalDate last = end.toLocalDate().minusDays(1);
            return last.isAfter(first) ? DAY.format(first) + " to " + DAY.format(last) : DAY.format(first);
        }
        return DAY.format(start) + ", " + HOURS.format(start) + "–" + HOURS.format(end) + " (" + zone.getId() + ")";
    }

    private static String points(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
