package dev.kelas.notification.calendar;

import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.CalendarEventPublished;
import dev.kelas.notification.audience.Audience;
import dev.kelas.notification.inbox.DeliveryService;
import dev.kelas.notification.inbox.DeliveryService.Delivered;
import dev.kelas.notification.inbox.Drafts;
import dev.kelas.notification.inbox.Drafts.CalendarNotice;
import dev.kelas.notification.push.Fanout;
import dev.kelas.runtime.messaging.ConsumerSpec;
import dev.kelas.runtime.messaging.EventConsumer;
import dev.kelas.runtime.messaging.EventContext;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Tells a calendar event's audience (the school, a role, or a class's students and teachers) that it was
 * published or changed ({@code kelas.learning.calendar.event-published}). An unknown audience is refused
 * and the event dead-lettered.
 */
@ApplicationScoped
public class CalendarEventConsumers {
    static final String CALENDAR_EVENTS = "notification-learning-calendar";

    private final DeliveryService delivery;

    public CalendarEventConsumers(DeliveryService delivery) {
        this.delivery = delivery;
    }

    @Produces
    @Singleton
    EventConsumer<CalendarEventPublished> calendarEventPublished(Fanout fanout) {
        return fanout.consumer(ConsumerSpec.of(CALENDAR_EVENTS, Subjects.Stream.KELAS_LEARNING,
                Subjects.LEARNING_CALENDAR_EVENT_PUBLISHED), CalendarEventPublished.class, this::deliver);
    }

    /**
     * The audience's notifications.
     *
     * @throws IllegalArgumentException when the audience is not SCHOOL, ROLE with a role, or CLASS with a class
     */
    Uni<Delivered> deliver(EventContext context, CalendarEventPublished event) {
        Audience audience = Audience.named(event.audience(), event.classId(), event.role(), event.occurredAt());
        CalendarNotice notice = new CalendarNotice(event.eventId(), event.type(), event.classId(), event.allDay(),
                event.startsAt(), event.endsAt(), event.timeZone(), event.recurrence(), event.changed());
        return delivery.deliver(context.eventId(), context.tenantId(), audience, Drafts.calendarEvent(event.title(), notice));
    }
}
