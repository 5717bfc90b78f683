package dev.kelas.learning.behavior;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelas.contracts.Role;
import dev.kelas.contracts.events.BehaviorRecorded;
import dev.kelas.learning.calendar.SchoolTimeZone;
import dev.kelas.learning.common.ClassAccess;
import dev.kelas.learning.enrollment.Enrollment;
import dev.kelas.runtime.outbox.Outbox;
import dev.kelas.runtime.problem.ForbiddenException;
import dev.kelas.runtime.problem.NotFoundException;
import dev.kelas.runtime.problem.ValidationException;
import dev.kelas.runtime.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Behaviour notes: teachers' notes on the students of their classes (the categories are
 * {@link BehaviorCategoryService}'s).
 * A note's kind follows its category; its points default to the category's and carry the kind's sign.
 * Only its author or an administrator edits or deletes a note, and every edit or deletion is kept in
 * the append-only {@code behavior_note_change} trail.
 */
@ApplicationScoped
public class BehaviorService {
    /** Longest description, in characters. */
    public static final int MAX_DESCRIPTION = 2000;

    private final ClassAccess access;
    private final BehaviorCategoryService categoryList;
    private final Outbox outbox;
    private final SchoolTimeZone timeZone;
    private final ObjectMapper json;

    public BehaviorService(ClassAccess access, BehaviorCategoryService categoryList, Outbox outbox, SchoolTimeZone timeZone,
                           ObjectMapper json) {
        this.access = access;
        this.categoryList = categoryList;
        this.outbox = outbox;
        this.timeZone = timeZone;
        this.json = json;
    }

    /**
     * Records a note and announces it ({@code kelas.learning.behavior.recorded}).
     *
     * @throws NotFoundException   for a class of another school
     * @throws ForbiddenException  when the caller does not teach the class
     * @throws ValidationException for a student not enrolled in the class, an unknown category, points against
     *                             the category's kind, a blank or too long description, or a future date
     */
    @WithTransaction
    public Uni<BehaviorNote> recordNote(Caller caller, BehaviorNoteDraft draft) {
        UUID tenantId = caller.tenantId();
        return access.managedClass(caller, draft.classId())
                .chain(schoolClass -> Enrollment.exists(draft.classId(), draft.studentId()))
                .chain(enrolled -> {
                    if (!enrolled) {
                        throw new ValidationException("studentId", "is not enrolled in this class");
                    }
                    return categoryList.categoriesIn(tenantId);
                })
                .chain(categories -> timeZone.zoneOf(tenantId).chain(zone -> {
                    BehaviorCategory category = category(categories, draft.category());
                    BehaviorNote note = new BehaviorNote();
                    note.id = UUID.randomUUID();
                    note.tenantId = tenantId;
                    note.studentId = draft.studentId();
                    note.classId = draft.classId();
                    note.authorId = caller.userId();
                    note.kind = category.kind;
                    note.category = category.code;
                    note.points = draft.points() == null ? category.defaultPoints : draft.points();
                    note.description = description(draft.description());
                    note.occurredOn = date(draft.date(), LocalDate.now(zone));
                    note.visibleToStudent = draft.visibleToStudent();
                    note.createdAt = Instant.now();
                    note.updatedAt = note.createdAt;
                    checkPoints(note);
                    return note.<BehaviorNote>persist();
                }))
                .call(note -> outbox.record(tenantId, new BehaviorRecorded(note.id, note.studentId, note.classId, note.authorId,
                        note.kind.name(), note.category, note.points, note.visibleToStudent,
                        note.visibleToStudent ? note.description : null, note.occurredOn, note.createdAt)));
    }

    /**
     * Edits a note; the change goes to the audit trail.
     *
     * @throws NotFoundException   when the note is not in the caller's school
     * @throws ForbiddenException  when the caller is neither its author nor an administrator
     * @throws ValidationException as {@link #recordNote}
     */
    @WithTransaction
    public Uni<BehaviorNote> editNote(Caller caller, UUID noteId, BehaviorNoteEdit edit) {
        return ownNote(caller, noteId).chain(note -> categoryList.categoriesIn(caller.tenantId()).chain(categories -> timeZone.zoneOf(caller.tenantId())
                .chain(zone -> {
                    String before = write(note.snapshot());
                    if (edit.category() != null) {
                        BehaviorCategory category = category(categories, edit.category());
                        note.category = category.code;
                        note.kind = category.kind;
                    }
                    if (edit.points() != null) {
                        note.points = edit.points();
                    }
                    if (edit.description() != null) {
                        note.description = description(edit.description());
                    }
                    if (edit.date() != null) {
                        note.occurredOn = date(edit.date(), LocalDate.now(zone));
                    }
                    if (edit.visibleToStudent() != null) {
                        note.visibleToStudent = edit.visibleToStudent();
                    }
                    checkPoints(note);
                    note.version++;
                    note.updatedAt = Instant.now();
                    return audit(caller, note, "UPDATED", before, write(note.snapshot()), edit.reason()).replaceWith(note);
                })));
    }

    /**
     * Deletes a note; the deletion and the note's last state go to the audit trail.
     *
     * @throws NotFoundException  when the note is not in the caller's school
     * @throws ForbiddenException when the caller is neither its author nor an administrator
     */
    @WithTransaction
    public Uni<Void> deleteNote(Caller caller, UUID noteId, String reason) {
        return ownNote(caller, noteId).chain(note -> audit(caller, note, "DELETED", write(note.snapshot()), null, reason)
                .chain(note::delete));
    }

    /**
     * A note's audit trail, oldest first.
     *
     * @throws NotFoundException  when the note is not in the caller's school
     * @throws ForbiddenException when the caller does not teach the note's class
     */
    @WithTransaction
    public Uni<List<BehaviorNoteChange>> changes(Caller caller, UUID noteId) {
        return BehaviorNote.findInTenant(BehaviorNote.class, caller.tenantId(), noteId).chain(note -> {
            if (note == null) {
                throw new NotFoundException("behaviour note", noteId);
            }
            return access.managedClass(caller, note.classId).chain(c -> BehaviorNoteChange.listForNote(caller.tenantId(), noteId));
        });
    }

    private Uni<BehaviorNote> ownNote(Caller caller, UUID noteId) {
        return BehaviorNote.findInTenant(BehaviorNote.class, caller.tenantId(), noteId).map(note -> {
            if (note == null) {
                throw new NotFoundException("behaviour note", noteId);
            }
            if (!caller.hasRole(Role.ADMIN) && !note.authorId.equals(caller.userId())) {
                throw new ForbiddenException("Only the note's author or an administrator may change it");
            }
            return note;
        });
    }

    private Uni<Void> audit(Caller caller, BehaviorNote note, String action, String before, String after, String reason) {
        if (reason != null && reason.length() > 500) {
            throw new ValidationException("reason", "must be at most 500 characters");
        }
        BehaviorNoteChange change = new BehaviorNoteChange();
        change.id = UUID.randomUUID();
        change.tenantId = note.tenantId;
        change.noteId = note.id;
        change.action = action;
        change.oldNote = before;
        change.newNote = after;
        change.reason = reason == null || reason.isBlank() ? null : reason.strip();
        change.changedBy = caller.userId();
        change.changedAt = Instant.now();
        return change.persist().replaceWithVoid();
    }

    private static BehaviorCategory category(List<BehaviorCategory> categories, String code) {
        return categories.stream().filter(c -> c.code.equals(code)).findFirst()
                .orElseThrow(() -> new ValidationException("category", "is not one of the school's behaviour categories"));
    }

    private static void checkPoints(BehaviorNote note) {
        if (!note.kind.allows(note.points) || Math.abs(note.points) > 100) {
            throw new ValidationException("points", note.kind == BehaviorKind.POSITIVE ? "must be 0 to 100 for a positive note"
                    : "must be -100 to 0 for a negative note");
        }
    }

    private static String description(String text) {
        if (text == null || text.isBlank()) {
            throw new ValidationException("description", "must not be blank");
        }
        if (text.length() > MAX_DESCRIPTION) {
            throw new ValidationException("description", "must be at most " + MAX_DESCRIPTION + " characters");
        }
        return text.strip();
    }

    private static LocalDate date(LocalDate date, LocalDate today) {
        if (date == null) {
            return today;
        }
        if (date.isAfter(today)) {
            throw new ValidationException("date", "must not be in the future");
        }
        return date;
    }

    private String write(Object snapshot) {
        try {
            return json.writeValueAsString(snapshot);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
