package dev.kelas.notification.inbox;

import dev.kelas.notification.preferences.EmailDelivery;
import java.util.Arrays;
import java.util.Optional;

/**
 * The kinds of notification a user can receive, each named by the CloudEvents type that causes it,
 * with the delivery a user gets until they choose otherwise.
 */
public enum NotificationType {
    SUBMISSION_GRADED("kelas.lab.submission.graded", EmailDelivery.OFF, false),
    GRADE_RECORDED("kelas.learning.grade.recorded", EmailDelivery.OFF, false),
    /** A teacher released an assignment's grades (they were hidden until then). */
    GRADE_RELEASED("kelas.learning.grade.released", EmailDelivery.OFF, false),
    ASSIGNMENT_PUBLISHED("kelas.learning.assignment.published", EmailDelivery.OFF, false),
    /** Made here, not consumed: an assignment's {@code dueAt} comes within the reminder window. */
    ASSIGNMENT_DUE_SOON("kelas.notification.assignment.due-soon", EmailDelivery.OFF, false),
    ANNOUNCEMENT_PUBLISHED("kelas.learning.announcement.published", EmailDelivery.OFF, false),
    /** A student's absences reached the school's limit: the student and the homeroom teacher get an e-mail at once unless they chose otherwise. */
    ABSENCE_LIMIT_REACHED("kelas.learning.attendance.absence-limit-reached", EmailDelivery.IMMEDIATE, false),
    /** A behaviour note a teacher made visible to the student. */
    BEHAVIOR_RECORDED("kelas.learning.behavior.recorded", EmailDelivery.OFF, false),
    /** A school calendar event was published or changed. */
    CALENDAR_EVENT_PUBLISHED("kelas.learning.calendar.event-published", EmailDelivery.OFF, false),
    /** A discussion thread was opened in a class (its teachers are told). */
    DISCUSSION_THREAD_CREATED("kelas.learning.discussion.thread-created", EmailDelivery.OFF, false),
    /** A reply in a thread one took part in, or in a class one teaches. */
    DISCUSSION_REPLY_POSTED("kelas.learning.discussion.reply-posted", EmailDelivery.OFF, false),
    /** The reset link goes by e-mail whatever the preference says: it is how a locked-out user gets back in. */
    PASSWORD_RESET_REQUESTED("kelas.auth.password-reset.requested", EmailDelivery.IMMEDIATE, true);

    private final String type;
    private final EmailDelivery defaultEmail;
    private final boolean emailRequired;

    NotificationType(String type, EmailDelivery defaultEmail, boolean emailRequired) {
        this.type = type;
        this.defaultEmail = defaultEmail;
        this.emailRequired = emailRequired;
    }

    /** The CloudEvents type, which is also the SSE event name and the {@code type} of a stored notification. */
    public String type() {
        return type;
    }

    /** E-mail delivery for a user who has not chosen; in-app delivery defaults to on for every type. */
    public EmailDelivery defaultEmail() {
        return defaultEmail;
    }

    /** Whether e-mail is sent immediately whatever the user chose (security mail). */
    public boolean emailRequired() {
        return emailRequired;
    }

    /** The type with this CloudEvents type name, if it is one. */
    public static Optional<NotificationType> of(String type) {
        return Arrays.stream(values()).filter(t -> t.type.equals(type)).findFirst();
    }
}
