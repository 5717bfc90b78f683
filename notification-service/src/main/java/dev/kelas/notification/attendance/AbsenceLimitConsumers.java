package dev.kelas.notification.attendance;

import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.AbsenceLimitReached;
import dev.kelas.notification.audience.Audience;
import dev.kelas.notification.audience.UserAccount;
import dev.kelas.notification.inbox.DeliveryService;
import dev.kelas.notification.inbox.DeliveryService.Delivered;
import dev.kelas.notification.inbox.Drafts;
import dev.kelas.notification.inbox.Drafts.AbsenceNotice;
import dev.kelas.notification.push.Fanout;
import dev.kelas.runtime.messaging.ConsumerSpec;
import dev.kelas.runtime.messaging.EventConsumer;
import dev.kelas.runtime.messaging.EventContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * Tells a student, and the class's homeroom teacher, that the student's absences reached the school's
 * limit ({@code kelas.learning.attendance.absence-limit-reached}). The type's default e-mail delivery is
 * immediate; each user's preference for it applies.
 */
@ApplicationScoped
public class AbsenceLimitConsumers {
    static final String ABSENCE_LIMITS = "notification-learning-absence-limits";

    private final DeliveryService delivery;

    public AbsenceLimitConsumers(DeliveryService delivery) {
        this.delivery = delivery;
    }

    @Produces
    @Singleton
    EventConsumer<AbsenceLimitReached> absenceLimitReached(Fanout fanout) {
        return fanout.consumer(ConsumerSpec.of(ABSENCE_LIMITS, Subjects.Stream.KELAS_LEARNING,
                Subjects.LEARNING_ATTENDANCE_ABSENCE_LIMIT_REACHED), AbsenceLimitReached.class, this::deliver);
    }

    /** The student's notification and, when the class has a homeroom teacher other than the student, the teacher's. */
    Uni<Delivered> deliver(EventContext context, AbsenceLimitReached reached) {
        AbsenceNotice notice = new AbsenceNotice(reached.enrollmentId(), reached.studentId(), reached.classId(),
                reached.className(), reached.absences(), reached.limit());
        Uni<Delivered> student = delivery.deliver(context.eventId(), context.tenantId(), new Audience.User(reached.studentId()),
                Drafts.absenceLimitForStudent(notice));
        if (reached.homeroomTeacherId() == null || reached.homeroomTeacherId().equals(reached.studentId())) {
            return student;
        }
        return student.chain(toStudent -> UserAccount.nameOf(context.tenantId(), reached.studentId())
                .chain(name -> delivery.deliver(context.eventId(), context.tenantId(),
                        new Audience.User(reached.homeroomTeacherId()), Drafts.absenceLimitForTeacher(notice, name)))
                .map(toTeacher -> Delivered.sum(List.of(toStudent, toTeacher))));
    }
}
