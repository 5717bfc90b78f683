package dev.kelas.contracts;

/**
 * NATS subject names, {@code kelas.<domain>.<entity>.<event>}, lower case and past tense, and
 * the JetStream streams that hold them. One stream per domain.
 */
public final class Subjects {
    private Subjects() {
    }

    public static final String AUTH_USER_REGISTERED = "kelas.auth.user.registered";
    public static final String AUTH_USER_UPDATED = "kelas.auth.user.updated";
    public static final String AUTH_USER_DEACTIVATED = "kelas.auth.user.deactivated";
    public static final String AUTH_USER_ACTIVATED = "kelas.auth.user.activated";
    /** Access tokens of a user issued up to a moment are void (deactivation, role change, logout everywhere, reset). */
    public static final String AUTH_USER_ACCESS_REVOKED = "kelas.auth.user.access-revoked";
    public static final String AUTH_PASSWORD_RESET_REQUESTED = "kelas.auth.password-reset.requested";
    /** An administrator invited someone by e-mail, or resent an invitation with a fresh token (issue 15). */
    public static final String AUTH_INVITATION_CREATED = "kelas.auth.invitation.created";
    /** A self-registered student must prove their e-mail address through a mailed single-use link (issue 15). */
    public static final String AUTH_EMAIL_VERIFICATION_REQUESTED = "kelas.auth.email-verification.requested";

    public static final String LEARNING_ENROLLMENT_CREATED = "kelas.learning.enrollment.created";
    public static final String LEARNING_ASSIGNMENT_PUBLISHED = "kelas.learning.assignment.published";
    /** A published assignment's title, description, due date, late policy, points or rubric changed. */
    public static final String LEARNING_ASSIGNMENT_UPDATED = "kelas.learning.assignment.updated";
    /** A published assignment without hand-ins or grades was deleted. */
    public static final String LEARNING_ASSIGNMENT_DELETED = "kelas.learning.assignment.deleted";
    /** A student moved to another class mid-term; the old enrollment ends, its grades stay (also sends enrollment.created). */
    public static final String LEARNING_ENROLLMENT_TRANSFERRED = "kelas.learning.enrollment.transferred";
    public static final String LEARNING_ENROLLMENT_WITHDRAWN = "kelas.learning.enrollment.withdrawn";
    public static final String LEARNING_SUBMISSION_RECEIVED = "kelas.learning.submission.received";
    public static final String LEARNING_GRADE_RECORDED = "kelas.learning.grade.recorded";
    /** A grade became visible to its student (the assignment's grades were released). */
    public static final String LEARNING_GRADE_RELEASED = "kelas.learning.grade.released";
    public static final String LEARNING_ANNOUNCEMENT_PUBLISHED = "kelas.learning.announcement.published";
    /** A register session's marks were taken or corrected (one event per session and request). */
    public static final String LEARNING_ATTENDANCE_MARKED = "kelas.learning.attendance.marked";
    /** A student's absences in a class reached the school's absence limit for the term. */
    public static final String LEARNING_ATTENDANCE_ABSENCE_LIMIT_REACHED = "kelas.learning.attendance.absence-limit-reached";
    /** A teacher recorded a behaviour note on a student. */
    public static final String LEARNING_BEHAVIOR_RECORDED = "kelas.learning.behavior.recorded";
    /** A school calendar event (holiday, exam, school event, meeting) was published or changed. */
    public static final String LEARNING_CALENDAR_EVENT_PUBLISHED = "kelas.learning.calendar.event-published";
    /** A discussion thread was opened in a class. */
    public static final String LEARNING_DISCUSSION_THREAD_CREATED = "kelas.learning.discussion.thread-created";
    /** A reply was posted in a discussion thread. */
    public static final String LEARNING_DISCUSSION_REPLY_POSTED = "kelas.learning.discussion.reply-posted";
    /** A class was created, changed or archived (its term, grade level and homeroom teacher as they are now). */
    public static final String LEARNING_CLASS_CHANGED = "kelas.learning.class.changed";
    /** A class's join code for self-registration was set, rotated or turned off (issue 15). */
    public static final String LEARNING_CLASS_JOIN_CODE_CHANGED = "kelas.learning.class.join-code-changed";
    /** An administrator linked a PARENT account to a STUDENT (the parent reads the student's own view from now on). */
    public static final String LEARNING_GUARDIAN_LINKED = "kelas.learning.guardian.linked";
    /** An administrator removed a PARENT account's link to a STUDENT. */
    public static final String LEARNING_GUARDIAN_UNLINKED = "kelas.learning.guardian.unlinked";

    public static final String LAB_SUBMISSION_CREATED = "kelas.lab.submission.created";
    public static final String LAB_SUBMISSION_GRADED = "kelas.lab.submission.graded";
    /**
     * Someone asked to run code on their own input, ungraded ("Run"). Its own subject and durable consumer
     * ({@code lab-runs}), so runs and gradings never wait behind each other.
     */
    public static final String LAB_RUN_REQUESTED = "kelas.lab.run.requested";
    /**
     * Someone asked for a fresh review of a graded submission ({@code POST .../submissions/{id}/review}). Its own
     * subject and durable consumer ({@code lab-review-requests}) beside the reviews that follow a verdict.
     */
    public static final String LAB_REVIEW_REQUESTED = "kelas.lab.review.requested";
    /** A coding task was created for a CODING assignment (learning-service learns the assignment's task id). */
    public static final String LAB_TASK_CREATED = "kelas.lab.task.created";
    /** A coding task was deleted, or archived because it had submissions; students no longer see it. */
    public static final String LAB_TASK_ARCHIVED = "kelas.lab.task.archived";
    /**
     * A teacher asked for a similarity check across a task's submissions. Its own subject and durable consumer
     * ({@code lab-similarity-checks}), so a long check never waits behind gradings or runs, nor they behind it.
     */
    public static final String LAB_SIMILARITY_REQUESTED = "kelas.lab.similarity.requested";

    /** Prefix of dead-letter subjects: {@code kelas.dlq.<consumer>}. */
    public static final String DLQ_PREFIX = "kelas.dlq.";
    /** Prefix of core-NATS live push subjects between notification replicas: {@code kelas.push.<tenant>.<user>}. */
    public static final String PUSH_PREFIX = "kelas.push.";

    /**
     * Prefix of core-NATS live-update subjects between notification replicas: {@code kelas.live.<tenant>.<user>}.
     * A live update is not stored and has no number (e.g. new activity in a discussion thread someone may be viewing).
     */
    public static final String LIVE_PREFIX = "kelas.live.";

    /** Prefix of core-NATS chat subjects between notification replicas: {@code kelas.chat.<tenant>.<room>}. */
    public static final String CHAT_PREFIX = "kelas.chat.";

    /** The dead-letter subject of one durable consumer. */
    public static String deadLetter(String consumer) {
        return DLQ_PREFIX + consumer;
    }

    /** The core-NATS subject that carries live notifications for one user. */
    public static String push(java.util.UUID tenantId, java.util.UUID userId) {
        return PUSH_PREFIX + tenantId + "." + userId;
    }

    /** The core-NATS subject that carries unstored live updates for one user. */
    public static String live(java.util.UUID tenantId, java.util.UUID userId) {
        return LIVE_PREFIX + tenantId + "." + userId;
    }

    /** The core-NATS subject that carries one chat room's messages, deletions, typing and presence. */
    public static String chat(java.util.UUID tenantId, java.util.UUID roomId) {
        return CHAT_PREFIX + tenantId + "." + roomId;
    }

    /** The JetStream streams Kelas uses, each with the one subject filter it captures. */
    public enum Stream {
        KELAS_AUTH("kelas.auth.>"),
        KELAS_LEARNING("kelas.learning.>"),
        KELAS_LAB("kelas.lab.>"),
        KELAS_DLQ("kelas.dlq.>");

        private final String subjects;

        Stream(String subjects) {
            this.subjects = subjects;
        }

        /** The subject filter this stream captures, e.g. {@code kelas.lab.>}. */
        public String subjects() {
            return subjects;
        }
    }
}
