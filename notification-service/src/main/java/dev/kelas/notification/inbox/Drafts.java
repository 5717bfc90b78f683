package dev.kelas.notification.inbox;

import dev.kelas.contracts.events.GradeRecorded;
import dev.kelas.contracts.events.GradeReleased;
import dev.kelas.contracts.events.SubmissionGraded;
import dev.kelas.notification.inbox.DeliveryService.Draft;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** What each kind of event says to a user: title, body and the data clients get. */
public final class Drafts {
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

    private static String points(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
