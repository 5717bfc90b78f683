package dev.kelas.learning.records;

import dev.kelas.contracts.ErrorCode;
import dev.kelas.contracts.Role;
import dev.kelas.learning.common.ClassAccess;
import dev.kelas.learning.common.ETags;
import dev.kelas.learning.common.Guardianship;
import dev.kelas.learning.enrollment.Enrollment;
import dev.kelas.learning.enrollment.SchoolClass;
import dev.kelas.learning.member.Member;
import dev.kelas.runtime.problem.ConflictException;
import dev.kelas.runtime.problem.ForbiddenException;
import dev.kelas.runtime.problem.KelasException;
import dev.kelas.runtime.problem.NotFoundException;
import dev.kelas.runtime.problem.PreconditionFailedException;
import dev.kelas.runtime.problem.ValidationException;
import dev.kelas.runtime.security.Caller;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Student records (issue 15): the school's administrators write a student's record; the student, their linked
 * parents, the teachers of their classes and administrators read it.
 */
@ApplicationScoped
public class StudentRecordService {
    static final String NUMBER_CONSTRAINT = "student_record_number_unique";
    /** The record's primary key (the student's id): two first writes of the same student at the same moment clash on it. */
    static final String RECORD_KEY_CONSTRAINT = "student_record_pkey";
    /** What a student number looks like: 1 to 32 letters, digits, '.', '/', '_' or '-', starting with a letter or digit. */
    public static final String STUDENT_NUMBER = "^[A-Za-z0-9][A-Za-z0-9./_-]{0,31}$";
    /** What a guardian's phone number looks like: digits, an optional leading +, spaces, dots, dashes or parentheses (5 to 30). */
    public static final String PHONE = "^\\+?[0-9][0-9 ().-]{3,28}[0-9]$";

    private final ClassAccess access;

    public StudentRecordService(ClassAccess access) {
        this.access = access;
    }

    /** A record with its guardian contacts in order; {@code created} when this call made it. */
    public record RecordView(StudentRecord record, List<GuardianContact> contacts, boolean created) {
    }

    /** A guardian contact to store: e-mail or phone may be null, not both. */
    public record Contact(String name, String relationship, String email, String phone) {
    }

    /** The fields of a record as an administrator writes them (the whole record). */
    public record RecordFields(String studentNumber, LocalDate dateOfBirth, Integer gradeLevel, UUID homeroomClassId,
                               List<Contact> contacts) {
    }

    /**
     * A student's record.
     *
     * @throws NotFoundException  no such student in the caller's school, or no record for them yet
     * @throws ForbiddenException the caller is neither the student, a linked parent, one of the student's teachers nor
     *                            an administrator
     */
    @WithSession
    public Uni<RecordView> record(Caller caller, UUID studentId) {
        return student(caller.tenantId(), studentId, "studentId").chain(student -> requireReader(caller, studentId))
                .chain(() -> StudentRecord.findForStudent(caller.tenantId(), studentId))
                .chain(found -> {
                    if (found == null) {
                        throw new NotFoundException("student record", studentId);
                    }
                    return GuardianContact.listForRecord(found.id).map(contacts -> new RecordView(found, contacts, false));
                });
    }

    /**
     * Creates or replaces a student's record (administrators). A replacement with {@code expectedVersion} is made only
     * if the record is still that version (RFC 9110 section 13.1.1); the guardian contacts are replaced whole.
     *
     * @param expectedVersion the version from If-Match, or null for no check
     * @throws NotFoundException           no such user in the school
     * @throws ValidationException         the user is not a STUDENT, the homeroom class is not a class of the school,
     *                                     or a contact has neither e-mail nor phone
     * @throws KelasException              409 {@code STUDENT_NUMBER_TAKEN} when another student of the school has the number
     * @throws PreconditionFailedException the record changed since that version, or If-Match names a version of a
     *                                     record that does not exist
     */
    @WithTransaction
    public Uni<RecordView> saveRecord(Caller caller, UUID studentId, RecordFields fields, Integer expectedVersion) {
        UUID tenantId = caller.tenantId();
        List<Contact> contacts = fields.contacts() == null ? List.of() : fields.contacts();
        for (int i = 0; i < contacts.size(); i++) {
            Contact c = contacts.get(i);
            if (blank(c.email()) && blank(c.phone())) {
                throw new ValidationException("guardianContacts[" + i + "]", "needs an e-mail address or a phone number");
            }
        }
        String number = fields.studentNumber().strip();
        return student(tenantId, studentId, "studentId")
                .chain(student -> fields.homeroomClassId() == null ? Uni.createFrom().voidItem()
                        : SchoolClass.findInTenant(tenantId, fields.homeroomClassId()).invoke(c -> {
                            if (c == null) {
                                throw new ValidationException("homeroomClassId", "is not a class of your school");
                            }
                        }).replaceWithVoid())
                .chain(() -> StudentRecord.numberTaken(tenantId, number, studentId)).invoke(taken -> {
                    if (taken) {
                        throw numberTaken(number);
                    }
                })
                .chain(() -> write(tenantId, studentId, number, fields, contacts, expectedVersion));
    }

    /**
     * Stores a record in the current transaction once its rules are checked (the student, the homeroom class and the
     * number): creates it or replaces its fields, bumping the version.
     *
     * @param contacts the contacts replacing the stored ones, or null to keep them
     * @throws PreconditionFailedException as {@link #saveRecord}
     * @throws KelasException              409 {@code STUDENT_NUMBER_TAKEN} when the unique index refuses the number
     * @throws ConflictException           409 {@code CONFLICT} when another request created the student's first record
     *                                     at the same moment (the primary key refuses the second); read it and send the
     *                                     change with If-Match
     */
    Uni<RecordView> write(UUID tenantId, UUID studentId, String number, RecordFields fields, List<Contact> contacts,
                          Integer expectedVersion) {
        return StudentRecord.findForUpdate(tenantId, studentId).chain(existing -> {
            if (existing == null && expectedVersion != null) {
                throw new PreconditionFailedException("The student has no record yet; send it without If-Match");
            }
            StudentRecord record = existing != null ? existing : new StudentRecord();
            if (existing != null) {
                ETags.require(expectedVersion, existing.version, "student record");
                record.version++;
            } else {
                record.id = studentId;
                record.tenantId = tenantId;
                record.version = 0;
            }
            record.studentNumber = number;
            record.dateOfBirth = fields.dateOfBirth();
            record.gradeLevel = fields.gradeLevel() == null ? null : fields.gradeLevel().shortValue();
            record.homeroomClassId = fields.homeroomClassId();
            record.updatedAt = Instant.now();
            Uni<?> saved = existing != null ? Uni.createFrom().voidItem() : record.persist();
            Uni<List<GuardianContact>> stored;
            if (contacts == null) {
                stored = existing == null ? Uni.createFrom().item(List.of()) : GuardianContact.listForRecord(studentId);
            } else {
                List<GuardianContact> fresh = new ArrayList<>();
                for (int i = 0; i < contacts.size(); i++) {
                    Contact c = contacts.get(i);
                    GuardianContact contact = new GuardianContact();
                    contact.id = UUID.randomUUID();
                    contact.tenantId = tenantId;
                    contact.recordId = studentId;
                    contact.position = (short) i;
                    contact.name = c.name().strip();
                    contact.relationship = c.relationship().strip();
                    contact.email = blank(c.email()) ? null : c.email().strip();
                    contact.phone = blank(c.phone()) ? null : c.phone().strip();
                    fresh.add(contact);
                }
                Uni<?> cleared = existing != null ? GuardianContact.deleteForRecord(studentId) : Uni.createFrom().voidItem();
                stored = cleared.chain(() -> Multi.createFrom().iterable(fresh).onItem().transformToUniAndConcatenate(c -> c.persist())
                        .collect().asList()).replaceWith(fresh);
            }
            return saved.chain(() -> stored).call(() -> Panache.flush())
                    .onFailure(StudentRecordService::numberClash).transform(e -> numberTaken(number))
                    .onFailure(failure -> violates(failure, RECORD_KEY_CONSTRAINT)).transform(e -> new ConflictException(
                            "Someone else created this student's record at the same moment; read it and send your change with If-Match"))
                    .map(list -> new RecordView(record, list, existing == null));
        });
    }

    /**
     * Fails unless the caller may read this student's own data: an administrator, the student, a linked parent or a
     * teacher of one of the student's classes (now or before).
     *
     * @throws ForbiddenException otherwise
     */
    Uni<Void> requireReader(Caller caller, UUID studentId) {
        if (caller.hasRole(Role.ADMIN)) {
            return Uni.createFrom().voidItem();
        }
        return Guardianship.readsAs(caller, studentId).chain(self -> self ? Uni.createFrom().item(true) : teaches(caller, studentId))
                .invoke(allowed -> {
                    if (!allowed) {
                        throw new ForbiddenException("Only the student, their parents, their teachers and administrators may read this");
                    }
                }).replaceWithVoid();
    }

    private Uni<Boolean> teaches(Caller caller, UUID studentId) {
        if (!caller.hasRole(Role.TEACHER)) {
            return Uni.createFrom().item(false);
        }
        return Enrollment.listForStudent(caller.tenantId(), studentId)
                .chain(enrollments -> Multi.createFrom().iterable(enrollments.stream().map(e -> e.classId).distinct().toList())
                        .onItem().transformToUniAndConcatenate(classId -> access.manages(caller, classId))
                        .collect().asList().map(answers -> answers.contains(true)));
    }

    /**
     * The STUDENT with this id in the school.
     *
     * @param field the request field naming the id, for the 422
     * @throws NotFoundException   no such user in the school (another school's users included)
     * @throws ValidationException the user is not a STUDENT
     */
    static Uni<Member> student(UUID tenantId, UUID studentId, String field) {
        return Member.findInTenant(tenantId, studentId).map(member -> {
            if (member == null) {
                throw new NotFoundException("student", studentId);
            }
            if (member.role != Role.STUDENT) {
                throw new ValidationException(field, "is not a STUDENT account");
            }
            return member;
        });
    }

    static KelasException numberTaken(String number) {
        return new KelasException(409, ErrorCode.STUDENT_NUMBER_TAKEN, "Another student of your school has student number '"
                + number + "'", List.of(new KelasException.FieldError("studentNumber", "is taken")));
    }

    private static boolean numberClash(Throwable failure) {
        return violates(failure, NUMBER_CONSTRAINT);
    }

    private static boolean violates(Throwable failure, String constraint) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t.getMessage() != null && t.getMessage().contains(constraint)) {
                return true;
            }
        }
        return false;
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
