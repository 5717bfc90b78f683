package dev.kelas.learning.academic;

import dev.kelas.learning.common.Rows;

import dev.kelas.contracts.Role;
import dev.kelas.learning.member.Member;
import dev.kelas.learning.enrollment.SchoolClass;
import dev.kelas.runtime.problem.ConflictException;
import dev.kelas.runtime.problem.KelasException.FieldError;
import dev.kelas.runtime.problem.NotFoundException;
import dev.kelas.runtime.problem.ValidationException;
import dev.kelas.runtime.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The weekly timetable. A slot may not double-book its teacher, its room (compared ignoring case and
 * surrounding spaces) or its class: two slots of one term clash when they share one of those on the same
 * day and their times overlap (a lesson ending at 09:00 and one starting at 09:00 do not). Writes to a
 * term's timetable take a transaction-scoped advisory lock on the term, so two concurrent writers cannot
 * both pass the check.
 */
@ApplicationScoped
public class ScheduleService {

    /**
     * A slot to create or the new place of a moved one.
     *
     * @param room free text, e.g. {@code Lab 2}
     */
    public record SlotDraft(UUID classId, UUID subjectId, UUID teacherId, String room, DayOfWeek dayOfWeek,
                            LocalTime startsAt, LocalTime endsAt) {
    }

    /**
     * Creates one slot.
     *
     * @throws ValidationException if the class, subject or teacher is unknown, the class has no term, or it ends before it starts
     * @throws ConflictException   listing every slot it would double-book
     */
    @WithTransaction
    public Uni<ScheduleSlot> createSlot(Caller caller, SlotDraft draft) {
        return createSlots(caller, List.of(draft), "").map(slots -> slots.get(0));
    }

    /**
     * Creates a batch of slots (a week's timetable), all or none: every slot is checked against the
     * stored timetable and against the others in the batch before anything is written.
     *
     * @throws ValidationException listing {@code slots[i].field} for every invalid entry
     * @throws ConflictException   listing {@code slots[i].teacherId|room|classId} for every clash
     */
    @WithTransaction
    public Uni<List<ScheduleSlot>> createTimetable(Caller caller, List<SlotDraft> drafts) {
        return createSlots(caller, drafts, "slots");
    }

    /**
     * Moves a slot to another time, room, teacher or subject (its class stays).
     *
     * @throws NotFoundException if the slot is not in the caller's school
     * @throws ConflictException listing every slot its new place double-books
     */
    @WithTransaction
    public Uni<ScheduleSlot> moveSlot(Caller caller, UUID slotId, SlotDraft draft) {
        UUID tenantId = caller.tenantId();
        return ScheduleSlot.findInTenant(tenantId, slotId).chain(slot -> {
            if (slot == null) {
                throw new NotFoundException("schedule slot", slotId);
            }
            SlotDraft moved = new SlotDraft(slot.classId, draft.subjectId(), draft.teacherId(), draft.room(),
                    draft.dayOfWeek(), draft.startsAt(), draft.endsAt());
            return validate(tenantId, List.of(moved), "").chain(termByClass -> {
                UUID termId = termByClass.get(slot.classId);
                return lock(tenantId, Set.of(termId))
                        .chain(() -> ScheduleSlot.listForTerm(tenantId, termId))
                        .map(existing -> {
                            List<ScheduleSlot> others = existing.stream().filter(s -> !s.id.equals(slotId)).toList();
                            throwIfConflicts(conflicts(List.of(moved), others, ""));
                            apply(slot, moved, termId);
                            return slot;
                        });
            });
        });
    }

    /**
     * Deletes a slot.
     *
     * @throws NotFoundException if the slot is not in the caller's school
     */
    @WithTransaction
    public Uni<Void> deleteSlot(Caller caller, UUID slotId) {
        return ScheduleSlot.delete("tenantId = ?1 and id = ?2", caller.tenantId(), slotId).invoke(deleted -> {
            if (deleted == 0) {
                throw new NotFoundException("schedule slot", slotId);
            }
        }).replaceWithVoid();
    }

    /**
     * A term's timetable (the active term when none is given), optionally only one class's, teacher's or
     * room's, ordered by day and start time.
     *
     * @throws NotFoundException if the term is not in the caller's school, or there is no active term
     */
    @WithSession
    public Uni<List<ScheduleSlot>> listSlots(Caller caller, UUID termId, UUID classId, UUID teacherId, String room) {
        UUID tenantId = caller.tenantId();
        Uni<Term> term = termId != null ? Term.findInTenant(tenantId, termId) : Term.active(tenantId);
        return term.chain(found -> {
            if (found == null) {
                throw new NotFoundException("term", termId == null ? "(active)" : termId);
            }
            return ScheduleSlot.listForTerm(tenantId, found.id);
        }).map(slots -> slots.stream()
                .filter(s -> classId == null || classId.equals(s.classId))
                .filter(s -> teacherId == null || teacherId.equals(s.teacherId))
                .filter(s -> room == null || roomKey(room).equals(roomKey(s.room)))
                .sorted(Comparator.comparing((ScheduleSlot s) -> s.dayOfWeek).thenComparing(s -> s.startsAt))
                .toList());
    }

    private Uni<List<ScheduleSlot>> createSlots(Caller caller, List<SlotDraft> drafts, String prefix) {
        UUID tenantId = caller.tenantId();
        return validate(tenantId, drafts, prefix).chain(termByClass -> {
            Set<UUID> termIds = new HashSet<>(termByClass.values());
            return lock(tenantId, termIds)
                    .chain(() -> ScheduleSlot.list("tenantId = ?1 and termId in ?2", tenantId, termIds))
                    .chain(existing -> {
                        List<ScheduleSlot> stored = existing.stream().map(ScheduleSlot.class::cast).toList();
                        throwIfConflicts(conflicts(drafts, stored, prefix));
                        Instant now = Instant.now();
                        List<ScheduleSlot> slots = drafts.stream().map(draft -> {
                            ScheduleSlot slot = new ScheduleSlot();
                            slot.id = UUID.randomUUID();
                            slot.tenantId = tenantId;
                            slot.createdAt = now;
                            apply(slot, draft, termByClass.get(draft.classId()));
                            return slot;
                        }).toList();
                        return Rows.persistAll(slots).replaceWith(slots);
                    });
        });
    }

    /** Checks every draft's references and times; answers each class's term. */
    private static Uni<Map<UUID, UUID>> validate(UUID tenantId, List<SlotDraft> drafts, String prefix) {
        Set<UUID> classIds = drafts.stream().map(SlotDraft::classId).collect(Collectors.toSet());
        Set<UUID> subjectIds = drafts.stream().map(SlotDraft::subjectId).collect(Collectors.toSet());
        Set<UUID> teacherIds = drafts.stream().map(SlotDraft::teacherId).collect(Collectors.toSet());
        return SchoolClass.listInTenant(tenantId, classIds).chain(classes -> Subject.listInTenant(tenantId, subjectIds)
                .chain(subjects -> Member.listInTenant(tenantId, teacherIds).map(teachers -> {
                    Map<UUID, SchoolClass> classById = classes.stream().collect(Collectors.toMap(c -> c.id, Function.identity()));
                    Set<UUID> knownSubjects = subjects.stream().map(s -> s.id).collect(Collectors.toSet());
                    Set<UUID> knownTeachers = teachers.stream().filter(m -> m.role == Role.TEACHER).map(m -> m.userId)
                            .collect(Collectors.toSet());
                    List<FieldError> errors = new ArrayList<>();
                    for (int i = 0; i < drafts.size(); i++) {
                        SlotDraft draft = drafts.get(i);
                        String at = field(prefix, i);
                        SchoolClass schoolClass = classById.get(draft.classId());
                        if (schoolClass == null) {
                            errors.add(new FieldError(at + "classId", "No class with this id in your school"));
                        } else if (schoolClass.termId == null) {
                            errors.add(new FieldError(at + "classId", "The class belongs to no term"));
                        }
                        if (!knownSubjects.contains(draft.subjectId())) {
                            errors.add(new FieldError(at + "subjectId", "No subject with this id in your school"));
                        }
                        if (!knownTeachers.contains(draft.teacherId())) {
                            errors.add(new FieldError(at + "teacherId", "No teacher with this id in your school"));
                        }
                        if (!draft.endsAt().isAfter(draft.startsAt())) {
                            errors.add(new FieldError(at + "endsAt", "must be after startsAt"));
                        }
                    }
                    if (!errors.isEmpty()) {
                        throw new ValidationException("The timetable has invalid entries; nothing was written", errors);
                    }
                    return classById.values().stream().collect(Collectors.toMap(c -> c.id, c -> c.termId));
                })));
    }

    /** Every clash of the drafts with stored slots and with each other, in draft order. */
    private static List<FieldError> conflicts(List<SlotDraft> drafts, List<ScheduleSlot> stored, String prefix) {
        List<FieldError> conflicts = new ArrayList<>();
        for (int i = 0; i < drafts.size(); i++) {
            SlotDraft draft = drafts.get(i);
            String at = field(prefix, i);
            for (ScheduleSlot slot : stored) {
                if (slot.overlaps(draft.dayOfWeek(), draft.startsAt(), draft.endsAt())) {
                    clashes(draft, slot.teacherId, slot.room, slot.classId, at,
                            "slot " + slot.id + " (" + describe(slot.dayOfWeek, slot.startsAt, slot.endsAt) + ")", conflicts);
                }
            }
            for (int j = 0; j < i; j++) {
                SlotDraft earlier = drafts.get(j);
                if (earlier.dayOfWeek() == draft.dayOfWeek() && earlier.startsAt().isBefore(draft.endsAt())
                        && draft.startsAt().isBefore(earlier.endsAt())) {
                    clashes(draft, earlier.teacherId(), earlier.room(), earlier.classId(), at,
                            field(prefix, j).replaceAll("\\.$", "") + " of this request ("
                                    + describe(earlier.dayOfWeek(), earlier.startsAt(), earlier.endsAt()) + ")", conflicts);
                }
            }
        }
        return conflicts;
    }

    private static void clashes(SlotDraft draft, UUID teacherId, String room, UUID classId, String at, String other,
                                List<FieldError> out) {
        if (draft.teacherId().equals(teacherId)) {
            out.add(new FieldError(at + "teacherId", "The teacher is already teaching in " + other));
        }
        if (roomKey(draft.room()).equals(roomKey(room))) {
            out.add(new FieldError(at + "room", "The room is already taken by " + other));
        }
        if (draft.classId().equals(classId)) {
            out.add(new FieldError(at + "classId", "The class already has " + other));
        }
    }

    private static void throwIfConflicts(List<FieldError> conflicts) {
        if (!conflicts.isEmpty()) {
            throw new ConflictException(conflicts.size() + " double-booking(s); nothing was written", conflicts);
        }
    }

    /** Serialises timetable writes per term until the transaction ends (locks taken in a fixed order). */
    private static Uni<Void> lock(UUID tenantId, Set<UUID> termIds) {
        Uni<Void> locked = Uni.createFrom().voidItem();
        for (UUID termId : termIds.stream().sorted().toList()) {
            locked = locked.chain(() -> Panache.getSession().chain(session -> session
                    .createNativeQuery("select 1 from pg_advisory_xact_lock(hashtextextended(?1, 0))", Integer.class)
                    .setParameter(1, "kelas.schedule:" + tenantId + ":" + termId)
                    .getSingleResult()).replaceWithVoid());
        }
        return locked;
    }

    private static void apply(ScheduleSlot slot, SlotDraft draft, UUID termId) {
        slot.termId = termId;
        slot.classId = draft.classId();
        slot.subjectId = draft.subjectId();
        slot.teacherId = draft.teacherId();
        slot.room = draft.room().strip();
        slot.dayOfWeek = draft.dayOfWeek();
        slot.startsAt = draft.startsAt();
        slot.endsAt = draft.endsAt();
    }

    private static String field(String prefix, int index) {
        return prefix.isEmpty() ? "" : prefix + "[" + index + "].";
    }

    private static String roomKey(String room) {
        return room.strip().toLowerCase(java.util.Locale.ROOT);
    }

    private static String describe(DayOfWeek day, LocalTime start, LocalTime end) {
        return day + " " + start + "-" + end;
    }
}
