package dev.kelas.contracts.events;

import dev.kelas.contracts.KelasEvent;
import dev.kelas.contracts.Role;
import dev.kelas.contracts.Subjects;
import java.time.Instant;
import java.util.UUID;

/**
 * A school calendar event was published (or changed, with {@code changed} true). Subject
 * {@code kelas.learning.calendar.event-published}; notification-service tells its audience.
 *
 * @param type       {@code HOLIDAY}, {@code EXAM}, {@code SCHOOL_EVENT} or {@code MEETING}
 * @param audience   {@code SCHOOL}, {@code ROLE} (with {@code role}) or {@code CLASS} (with {@code classId}),
 *                   as {@link AnnouncementPublished}'s audiences
 * @param startsAt   the first occurrence's start (for an all-day event: the start of its first day in {@code timeZone})
 * @param endsAt     the first occurrence's end (exclusive)
 * @param timeZone   the school's IANA time zone, e.g. {@code Asia/Jakarta}
 * @param recurrence an RFC 5545 RRULE value, e.g. {@code FREQ=WEEKLY;COUNT=4}, or null
 */
public record CalendarEventPublished(UUID eventId, UUID authorId, String type, String title, String audience, UUID classId,
                                     Role role, boolean allDay, Instant startsAt, Instant endsAt, String timeZone,
                                     String recurrence, boolean changed, Instant occurredAt) implements KelasEvent {

    @Override
    public String subject() {
        return Subjects.LEARNING_CALENDAR_EVENT_PUBLISHED;
    }

    @Override
    public String aggregateType() {
        return "calendarevent";
    }

    @Override
    public UUID aggregateId() {
        return eventId;
    }
}
