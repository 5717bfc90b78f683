package dev.kelas.learning.academic;

import dev.kelas.runtime.persistence.TenantEntity;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** A weekly lesson: a class learns a subject from a teacher in a room, on a day from start to end. */
@Entity
@Table(name = "schedule_slot")
public class ScheduleSlot extends TenantEntity {
    public UUID termId;
    public UUID classId;
    public UUID subjectId;
    public UUID teacherId;
    public String room;
    @Enumerated(EnumType.STRING)
    public DayOfWeek dayOfWeek;
    public LocalTime startsAt;
    public LocalTime endsAt;
    public Instant createdAt;

    /** Whether this slot and another meet on the same day at overlapping times (touching ends do not overlap). */
    public boolean overlaps(DayOfWeek day, LocalTime start, LocalTime end) {
        return dayOfWeek == day && startsAt.isBefore(end) && start.isBefore(endsAt);
    }

    /** The slot with this id in this tenant, or null. */
    public static Uni<ScheduleSlot> findInTenant(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResult();
    }

    /** Every slot of a term, unordered. */
    public static Uni<List<ScheduleSlot>> listForTerm(UUID tenantId, UUID termId) {
        return list("tenantId = ?1 and termId = ?2", tenantId, termId);
    }
}
