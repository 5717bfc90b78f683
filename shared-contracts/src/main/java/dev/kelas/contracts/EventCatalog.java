package dev.kelas.contracts;

import dev.kelas.contracts.events.AbsenceLimitReached;
import dev.kelas.contracts.events.AccessRevoked;
import dev.kelas.contracts.events.AnnouncementPublished;
import dev.kelas.contracts.events.AssignmentDeleted;
import dev.kelas.contracts.events.AssignmentPublished;
import dev.kelas.contracts.events.AssignmentUpdated;
import dev.kelas.contracts.events.AttendanceMarked;
import dev.kelas.contracts.events.BehaviorRecorded;
import dev.kelas.contracts.events.CalendarEventPublished;
import dev.kelas.contracts.events.ClassChanged;
import dev.kelas.contracts.events.GuardianLinked;
import dev.kelas.contracts.events.GuardianUnlinked;
import dev.kelas.contracts.events.DiscussionReplyPosted;
import dev.kelas.contracts.events.DiscussionThreadCreated;
import dev.kelas.contracts.events.EnrollmentCreated;
import dev.kelas.contracts.events.EnrollmentTransferred;
import dev.kelas.contracts.events.EnrollmentWithdrawn;
import dev.kelas.contracts.events.GradeRecorded;
import dev.kelas.contracts.events.GradeReleased;
import dev.kelas.contracts.events.LabReviewRequested;
import dev.kelas.contracts.events.LabRunRequested;
import dev.kelas.contracts.events.LabTaskArchived;
import dev.kelas.contracts.events.LabTaskCreated;
import dev.kelas.contracts.events.LabSubmissionCreated;
import dev.kelas.contracts.events.ClassJoinCodeChanged;
import dev.kelas.contracts.events.EmailVerificationRequested;
import dev.kelas.contracts.events.InvitationCreated;
import dev.kelas.contracts.events.PasswordResetRequested;
import dev.kelas.contracts.events.SimilarityCheckRequested;
import dev.kelas.contracts.events.SubmissionGraded;
import dev.kelas.contracts.events.SubmissionReceived;
import dev.kelas.contracts.events.UserRegistered;
import dev.kelas.contracts.events.UserUpdated;
import java.util.List;

/**
 * Who publishes and who consumes every durable event: the source of {@code docs/asyncapi.yaml} (the AsyncAPI 3.0
 * document, generated from this catalogue and the payload records by shared-contracts' {@code AsyncApiTests}).
 * Tests hold it to the truth: shared-contracts checks that every subject and every payload record is here,
 * e2e-tests that the JetStream consumers of a running system are exactly {@link #CONSUMERS}.
 */
public final class EventCatalog {
    private EventCatalog() {
    }

    /**
     * One subject of a JetStream stream.
     *
     * @param subject   the NATS subject, the CloudEvents {@code type}
     * @param payload   the record in the envelope's {@code data}
     * @param publisher the service that writes it through its outbox
     * @param summary   what happened, one sentence
     */
    public record Channel(String subject, Class<? extends KelasEvent> payload, String publisher, String summary) {
    }

    /**
     * One durable JetStream consumer.
     *
     * @param durableName   its durable name, which starts with its service's short name
     * @param service       the service that runs it
     * @param stream        the stream it reads
     * @param filterSubject its one filter subject (NATS 2.9: one per consumer); may end in {@code >}
     * @param summary       what it does with each event
     */
    public record Consumer(String durableName, String service, Subjects.Stream stream, String filterSubject, String summary) {
    }

    private static final String AUTH = "auth-service";
    private static final String LEARNING = "learning-service";
    private static final String LAB = "lab-service";
    private static final String NOTIFICATION = "notification-service";

    /** Every durable event, in the order of {@link Subjects}. */
    public static final List<Channel> CHANNELS = List.of(
            new Channel(Subjects.AUTH_USER_REGISTERED, UserRegistered.class, AUTH, "A user account was created (sign-up, admin, import)."),
            new Channel(Subjects.AUTH_USER_UPDATED, UserUpdated.class, AUTH, "A user's name, role, active flag, preferred language or time zone changed."),
            new Channel(Subjects.AUTH_USER_DEACTIVATED, UserUpdated.class, AUTH, "A user was deactivated (also sent as user.updated)."),
            new Channel(Subjects.AUTH_USER_ACTIVATED, UserUpdated.class, AUTH, "A user was activated again (also sent as user.updated)."),
            new Channel(Subjects.AUTH_USER_ACCESS_REVOKED, AccessRevoked.class, AUTH,
                    "Every access token of a user issued up to a moment is void (deactivation, role change, logout everywhere, reset)."),
            new Channel(Subjects.AUTH_PASSWORD_RESET_REQUESTED, PasswordResetRequested.class, AUTH, "Someone asked to reset a user's password."),
            new Channel(Subjects.AUTH_INVITATION_CREATED, InvitationCreated.class, AUTH,
                    "An administrator invited someone by e-mail, or resent an invitation with a fresh single-use token."),
            new Channel(Subjects.AUTH_EMAIL_VERIFICATION_REQUESTED, EmailVerificationRequested.class, AUTH,
                    "A student registered themselves with a class join code; their address must be verified through a single-use link."),
            new Channel(Subjects.LEARNING_ENROLLMENT_CREATED, EnrollmentCreated.class, LEARNING, "A student was enrolled in a class."),
            new Channel(Subjects.LEARNING_ASSIGNMENT_PUBLISHED, AssignmentPublished.class, LEARNING, "An assignment became visible to a class."),
            new Channel(Subjects.LEARNING_ASSIGNMENT_UPDATED, AssignmentUpdated.class, LEARNING,
                    "A published assignment changed (title, description, due date, late policy, points, attempts or rubric)."),
            new Channel(Subjects.LEARNING_ASSIGNMENT_DELETED, AssignmentDeleted.class, LEARNING,
                    "A published assignment without hand-ins or grades was deleted."),
            new Channel(Subjects.LEARNING_ENROLLMENT_TRANSFERRED, EnrollmentTransferred.class, LEARNING,
                    "A student moved to another class mid-term; the old enrollment ends and keeps its grades."),
            new Channel(Subjects.LEARNING_ENROLLMENT_WITHDRAWN, EnrollmentWithdrawn.class, LEARNING, "A student left a class."),
            new Channel(Subjects.LEARNING_SUBMISSION_RECEIVED, SubmissionReceived.class, LEARNING, "A student handed in work (ESSAY, FILE or LINK)."),
            new Channel(Subjects.LEARNING_GRADE_RECORDED, GradeRecorded.class, LEARNING, "A grade entered a class gradebook."),
            new Channel(Subjects.LEARNING_GRADE_RELEASED, GradeReleased.class, LEARNING, "A grade became visible to its student."),
            new Channel(Subjects.LEARNING_ANNOUNCEMENT_PUBLISHED, AnnouncementPublished.class, LEARNING, "An announcement went out."),
            new Channel(Subjects.LEARNING_ATTENDANCE_MARKED, AttendanceMarked.class, LEARNING,
                    "A register session's marks were taken or corrected (one event per session and request)."),
            new Channel(Subjects.LEARNING_ATTENDANCE_ABSENCE_LIMIT_REACHED, AbsenceLimitReached.class, LEARNING,
                    "A student's absences in a class reached the school's absence limit for the term."),
            new Channel(Subjects.LEARNING_BEHAVIOR_RECORDED, BehaviorRecorded.class, LEARNING, "A teacher recorded a behaviour note on a student."),
            new Channel(Subjects.LEARNING_CALENDAR_EVENT_PUBLISHED, CalendarEventPublished.class, LEARNING,
                    "A school calendar event was published or changed."),
            new Channel(Subjects.LEARNING_DISCUSSION_THREAD_CREATED, DiscussionThreadCreated.class, LEARNING, "A discussion thread was opened in a class."),
            new Channel(Subjects.LEARNING_DISCUSSION_REPLY_POSTED, DiscussionReplyPosted.class, LEARNING, "A reply was posted in a discussion thread."),
            new Channel(Subjects.LEARNING_CLASS_CHANGED, ClassChanged.class, LEARNING,
                    "A class was created, changed (name, grade level) or archived; the event describes it as it is now."),
            new Channel(Subjects.LEARNING_CLASS_JOIN_CODE_CHANGED, ClassJoinCodeChanged.class, LEARNING,
                    "A class's join code for self-registration was set, rotated or turned off (code null)."),
            new Channel(Subjects.LEARNING_GUARDIAN_LINKED, GuardianLinked.class, LEARNING,
                    "An administrator linked a PARENT account to a STUDENT of the same school."),
            new Channel(Subjects.LEARNING_GUARDIAN_UNLINKED, GuardianUnlinked.class, LEARNING,
                    "An administrator removed a PARENT account's link to a STUDENT."),
            new Channel(Subjects.LAB_SUBMISSION_CREATED, LabSubmissionCreated.class, LAB, "A student's code was stored and waits for a grader."),
            new Channel(Subjects.LAB_SUBMISSION_GRADED, SubmissionGraded.class, LAB, "A grader finished a code submission."),
            new Channel(Subjects.LAB_TASK_CREATED, LabTaskCreated.class, LAB, "A coding task was created for a CODING assignment."),
            new Channel(Subjects.LAB_TASK_ARCHIVED, LabTaskArchived.class, LAB,
                    "A coding task was deleted, or archived because it had submissions; students no longer see it."),
            new Channel(Subjects.LAB_RUN_REQUESTED, LabRunRequested.class, LAB,
                    "Someone asked to run code on their own stdin without grading (the run lane)."),
            new Channel(Subjects.LAB_REVIEW_REQUESTED, LabReviewRequested.class, LAB,
                    "A student or the class's teacher asked for a fresh review of a graded submission (within the per-student limit)."),
            new Channel(Subjects.LAB_SIMILARITY_REQUESTED, SimilarityCheckRequested.class, LAB,
                    "A teacher asked for a similarity check across the latest submissions of a task (JPlag, in the background)."));

    /** Every durable JetStream consumer of the system. */
    public static final List<Consumer> CONSUMERS = List.of(
            new Consumer("auth-learning-join-codes", AUTH, Subjects.Stream.KELAS_LEARNING, Subjects.LEARNING_CLASS_JOIN_CODE_CHANGED,
                    "Keeps auth-service's copy of the classes' join codes, which self-registration checks."),
            new Consumer("learning-auth-users", LEARNING, Subjects.Stream.KELAS_AUTH, Subjects.AUTH_USER_REGISTERED,
                    "Keeps learning-service's projection of users (name, role) for rosters and gradebooks; enrolls a self-registered student in the class of their join code."),
            new Consumer("learning-lab-grades", LEARNING, Subjects.Stream.KELAS_LAB, Subjects.LAB_SUBMISSION_GRADED,
                    "Records a graded CODING submission's score in the gradebook (with the late policy); a regrade also writes a REGRADE entry in the grade audit trail."),
            new Consumer("learning-lab-tasks", LEARNING, Subjects.Stream.KELAS_LAB, Subjects.LAB_TASK_CREATED,
                    "Stores the task id on its CODING assignment (labTaskId)."),
            new Consumer("learning-lab-tasks-archived", LEARNING, Subjects.Stream.KELAS_LAB, Subjects.LAB_TASK_ARCHIVED,
                    "Clears labTaskId when it is still that task."),
            new Consumer("learning-analytics-enrollments-created", LEARNING, Subjects.Stream.KELAS_LEARNING, Subjects.LEARNING_ENROLLMENT_CREATED,
                    "Analytics read model: who is in which class."),
            new Consumer("learning-analytics-enrollments-transferred", LEARNING, Subjects.Stream.KELAS_LEARNING, Subjects.LEARNING_ENROLLMENT_TRANSFERRED,
                    "Analytics read model: ends the old enrollment of a transfer."),
            new Consumer("learning-analytics-enrollments-withdrawn", LEARNING, Subjects.Stream.KELAS_LEARNING, Subjects.LEARNING_ENROLLMENT_WITHDRAWN,
                    "Analytics read model: ends a withdrawn enrollment."),
            new Consumer("learning-analytics-assignments", LEARNING, Subjects.Stream.KELAS_LEARNING, Subjects.LEARNING_ASSIGNMENT_PUBLISHED,
                    "Analytics read model: assignments with their points and due time (upcoming and overdue work)."),
            new Consumer("learning-analytics-assignments-updated", LEARNING, Subjects.Stream.KELAS_LEARNING, Subjects.LEARNING_ASSIGNMENT_UPDATED,
                    "Analytics read model: an assignment's new title, points and due time (older versions skipped)."),
            new Consumer("learning-analytics-assignments-deleted", LEARNING, Subjects.Stream.KELAS_LEARNING, Subjects.LEARNING_ASSIGNMENT_DELETED,
                    "Analytics read model: a deleted assignment leaves every figure."),
            new Consumer("learning-analytics-hand-ins", LEARNING, Subjects.Stream.KELAS_LEARNING, Subjects.LEARNING_SUBMISSION_RECEIVED,
                    "Analytics read model: hand-ins (overdue work, hand-in rates)."),
            new Consumer("learning-analytics-grades-recorded", LEARNING, Subjects.Stream.KELAS_LEARNING, Subjects.LEARNING_GRADE_RECORDED,
                    "Analytics read model: recorded grades (teachers' figures)."),
            new Consumer("learning-analytics-grades-released", LEARNING, Subjects.Stream.KELAS_LEARNING, Subjects.LEARNING_GRADE_RELEASED,
                    "Analytics read model: released grades, the only ones a student's figures count."),
            new Consumer("learning-analytics-attendance", LEARNING, Subjects.Stream.KELAS_LEARNING, Subjects.LEARNING_ATTENDANCE_MARKED,
                    "Analytics read model: each student's latest mark per register session."),
            new Consumer("learning-analytics-behavior", LEARNING, Subjects.Stream.KELAS_LEARNING, Subjects.LEARNING_BEHAVIOR_RECORDED,
                    "Analytics read model: behaviour points."),
            new Consumer("learning-analytics-lab-grades", LEARNING, Subjects.Stream.KELAS_LAB, Subjects.LAB_SUBMISSION_GRADED,
                    "Analytics read model: lab progress (tasks tried and solved, best scores)."),
            new Consumer("learning-analytics-classes", LEARNING, Subjects.Stream.KELAS_LEARNING, Subjects.LEARNING_CLASS_CHANGED,
                    "Analytics read model: each class's term, grade level and homeroom teacher (grade-level leaderboards, the admin overview)."),
            new Consumer("lab-learning-enrollment-changes", LAB, Subjects.Stream.KELAS_LEARNING, "kelas.learning.enrollment.>",
                    "Keeps lab-service's projection of who may submit to which class."),
            new Consumer("lab-learning-assignment-changes", LAB, Subjects.Stream.KELAS_LEARNING, "kelas.learning.assignment.>",
                    "Keeps lab-service's projection of CODING assignments (class, due date, attempts) as they are published, changed and deleted."),
            new Consumer("lab-graders", LAB, Subjects.Stream.KELAS_LAB, Subjects.LAB_SUBMISSION_CREATED,
                    "The graders' shared work queue: runs the tests in the sandbox and stores the verdict."),
            new Consumer("lab-runs", LAB, Subjects.Stream.KELAS_LAB, Subjects.LAB_RUN_REQUESTED,
                    "The run lane, with its own worker slots beside grading: runs the code on its stdin and stores the result."),
            new Consumer("lab-similarity-checks", LAB, Subjects.Stream.KELAS_LAB, Subjects.LAB_SIMILARITY_REQUESTED,
                    "Runs a similarity check (JPlag) over the task's latest submissions and stores the pairs above its threshold."),
            new Consumer("lab-reviews", LAB, Subjects.Stream.KELAS_LAB, Subjects.LAB_SUBMISSION_GRADED,
                    "The offline reviewer: static analysis in the sandbox and what the tests show, stored as the submission's feedback."),
            new Consumer("lab-review-requests", LAB, Subjects.Stream.KELAS_LAB, Subjects.LAB_REVIEW_REQUESTED,
                    "Writes a fresh review of a graded submission on request, as lab-reviews does after a verdict (offline, or the AI chain)."),
            new Consumer("notification-auth-users-registered", NOTIFICATION, Subjects.Stream.KELAS_AUTH, Subjects.AUTH_USER_REGISTERED,
                    "Keeps notification-service's projection of users (e-mail, name, role)."),
            new Consumer("learning-auth-users-updated", LEARNING, Subjects.Stream.KELAS_AUTH, Subjects.AUTH_USER_UPDATED,
                    "Keeps learning-service's copy of users' names and roles current (rosters, gradebooks, records)."),
            new Consumer("notification-auth-users-updated", NOTIFICATION, Subjects.Stream.KELAS_AUTH, Subjects.AUTH_USER_UPDATED,
                    "Keeps the projection of users current."),
            new Consumer("notification-auth-users-deactivated", NOTIFICATION, Subjects.Stream.KELAS_AUTH, Subjects.AUTH_USER_DEACTIVATED,
                    "Stops notifying a deactivated user."),
            new Consumer("notification-auth-users-activated", NOTIFICATION, Subjects.Stream.KELAS_AUTH, Subjects.AUTH_USER_ACTIVATED,
                    "Notifies an activated user again."),
            new Consumer("notification-auth-password-resets", NOTIFICATION, Subjects.Stream.KELAS_AUTH, Subjects.AUTH_PASSWORD_RESET_REQUESTED,
                    "Mails the password-reset link."),
            new Consumer("notification-auth-invitations", NOTIFICATION, Subjects.Stream.KELAS_AUTH, Subjects.AUTH_INVITATION_CREATED,
                    "Mails the invitation's single-use link to the invited address."),
            new Consumer("notification-auth-email-verifications", NOTIFICATION, Subjects.Stream.KELAS_AUTH, Subjects.AUTH_EMAIL_VERIFICATION_REQUESTED,
                    "Mails the e-mail verification link of a self-registered student."),
            new Consumer("notification-learning-enrollments", NOTIFICATION, Subjects.Stream.KELAS_LEARNING, Subjects.LEARNING_ENROLLMENT_CREATED,
                    "Keeps the class rosters that decide who hears of a class."),
            new Consumer("notification-learning-assignments", NOTIFICATION, Subjects.Stream.KELAS_LEARNING, Subjects.LEARNING_ASSIGNMENT_PUBLISHED,
                    "Tells a class's students of a new assignment."),
            new Consumer("notification-learning-assignments-updated", NOTIFICATION, Subjects.Stream.KELAS_LEARNING,
                    Subjects.LEARNING_ASSIGNMENT_UPDATED, "Follows a changed assignment; a moved due date reschedules its \"due soon\" reminder."),
            new Consumer("notification-learning-assignments-deleted", NOTIFICATION, Subjects.Stream.KELAS_LEARNING,
                    Subjects.LEARNING_ASSIGNMENT_DELETED, "Drops a deleted assignment, so no reminder is sent for it."),
            new Consumer("notification-learning-announcements", NOTIFICATION, Subjects.Stream.KELAS_LEARNING,
                    Subjects.LEARNING_ANNOUNCEMENT_PUBLISHED, "Delivers an announcement to its audience."),
            new Consumer("notification-learning-grades", NOTIFICATION, Subjects.Stream.KELAS_LEARNING, Subjects.LEARNING_GRADE_RECORDED,
                    "Tells a student of a grade that is visible to them."),
            new Consumer("notification-released-grades", NOTIFICATION, Subjects.Stream.KELAS_LEARNING, Subjects.LEARNING_GRADE_RELEASED,
                    "Tells a student of a grade the teacher released."),
            new Consumer("notification-lab-grades", NOTIFICATION, Subjects.Stream.KELAS_LAB, Subjects.LAB_SUBMISSION_GRADED,
                    "Tells a student their code was graded."),
            new Consumer("notification-learning-absence-limits", NOTIFICATION, Subjects.Stream.KELAS_LEARNING,
                    Subjects.LEARNING_ATTENDANCE_ABSENCE_LIMIT_REACHED, "Tells the homeroom teacher and the student's guardians."),
            new Consumer("notification-learning-behavior", NOTIFICATION, Subjects.Stream.KELAS_LEARNING, Subjects.LEARNING_BEHAVIOR_RECORDED,
                    "Tells a student (and guardians) of a behaviour note."),
            new Consumer("notification-learning-calendar", NOTIFICATION, Subjects.Stream.KELAS_LEARNING, Subjects.LEARNING_CALENDAR_EVENT_PUBLISHED,
                    "Tells the event's audience of a calendar event."),
            new Consumer("notification-learning-discussion-threads", NOTIFICATION, Subjects.Stream.KELAS_LEARNING,
                    Subjects.LEARNING_DISCUSSION_THREAD_CREATED, "Tells a class of a new discussion thread."),
            new Consumer("notification-learning-discussion-replies", NOTIFICATION, Subjects.Stream.KELAS_LEARNING,
                    Subjects.LEARNING_DISCUSSION_REPLY_POSTED, "Tells a thread's participants of a reply."));

    /** The one consumer every service runs that is not durable: an ordered push consumer of revocations from the last hour. */
    public static final String ACCESS_REVOCATIONS_SUMMARY = "Every service keeps its own set of revoked tokens from this subject "
            + "through an ordered (ephemeral) consumer starting an access token's lifetime back, so a revoked token is refused everywhere.";
}
