package dev.kelas.learning.calendar;

import dev.kelas.contracts.Role;
import dev.kelas.runtime.persistence.TenantEntity;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;

/**
 * A holiday, exam, school event or meeting of a school. Start and end are local date-times in the
 * school's time zone ({@link SchoolTimeZone}); {@link #endsLocal} is exclusive. An all-day event starts
 * at midnight of its first day and ends at midnight after its last. {@link #recurrence} is an RFC 5545
 * RRULE value that repeats the first occurrence ({@link Recurrence}).
 */
@Entity
public class CalendarEvent extends TenantEntity {
    @Enumerated(EnumType.STRING)
    public CalendarEventType type;
    public String title;
    public String description;
    public boolean allDay;
    public LocalDateTime startsLocal;
    public LocalDateTime endsLocal;
    /** RRULE value without the {@code RRULE:} prefix, or null for a single occurrence. */
    public String recurrence;
    @Enumerated(EnumType.STRING)
    public CalendarAudience audience;
    /** The class, for a {@link CalendarAudience#CLASS} audience. */
    public UUID classId;
    /** The role, for a {@link CalendarAudience#ROLE} audience. */
    @Enumerated(EnumType.STRING)
    public Role role;
    public UUID authorId;
    public Instant createdAt;
    public Instant updatedAt;
    /** Bumped on every change (the ETag of the event). */
    public int version;

    /**
     * Events of a type that may have an occurrence starting before {@code until}: single events that start
     * before it and end after {@code from}, and every recurring one that starts before it (its occurrences
     * are filtered by {@link Recurrence}).
     */
    public static Uni<List<CalendarEvent>> candidates(UUID tenantId, CalendarEventType type, LocalDateTime from, LocalDateTime until) {
        return list("tenantId = ?1 and type = ?2 and startsLocal < ?4 and (recurrence is not null or endsLocal > ?3) order by startsLocal",
                tenantId, type, from, until);
    }

    /** Every event of the school that may have an occurrence in {@code [from, until)} (recurring ones are filtered by {@link Recurrence}). */
    public static Uni<List<CalendarEvent>> overlapping(UUID tenantId, LocalDateTime from, LocalDateTime until) {
        return list("tenantId = ?1 and startsLocal < ?3 and (recurrence is not null or endsLocal > ?2) order by startsLocal",
                tenantId, from, until);
    }
}
