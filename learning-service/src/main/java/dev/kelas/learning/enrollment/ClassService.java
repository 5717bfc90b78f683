package dev.kelas.learning.enrollment;

import dev.kelas.learning.common.ClassAccess;

import dev.kelas.contracts.Role;
import dev.kelas.contracts.events.EnrollmentCreated;
import dev.kelas.contracts.events.EnrollmentTransferred;
import dev.kelas.contracts.events.EnrollmentWithdrawn;
import dev.kelas.learning.member.Member;
import dev.kelas.learning.academic.Subject;
import dev.kelas.learning.academic.Term;
import dev.kelas.runtime.outbox.Outbox;
import dev.kelas.runtime.problem.ConflictException;
import dev.kelas.runtime.problem.KelasException.FieldError;
import dev.kelas.runtime.problem.NotFoundException;
import dev.kelas.runtime.problem.ValidationException;
import dev.kelas.runtime.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Classes, their teachers and their enrollments. Every enrollment change goes out as a
 * {@code kelas.learning.enrollment.*} event through the outbox, in the same transaction.
 */
@ApplicationScoped
public class ClassService {
    private final ClassAccess access;
    private final Outbox outbox;

    public ClassService(ClassAccess access, Outbox outbox) {
        this.access = access;
        this.outbox = outbox;
    }

    /** An enrollment with the student it names (null while the student is unknown here). */
    public record EnrollmentView(Enrollment enrollment, Member student) {
    }

    /**
     * Creates a class taught by {@code teacherId} (a TEACHER creating a class is always its homeroom
     * teacher) in {@code termId}, or in the school's active term when none is given.
     *
     * @throws ConflictException   if the code is taken in the school
     * @throws ValidationException if the teacher is not a teacher of this school or the term is unknown
     */
    @WithTransaction
    public Uni<SchoolClass> createClass(Caller caller, String name, String code, UUID teacherId, UUID termId,
                                        Integer gradeLevel) {
        UUID tenantId = caller.tenantId();
        UUID teacher = caller.hasRole(Role.ADMIN) && teacherId != null ? teacherId : caller.userId();
        Uni<Void> teacherCheck = teacher.equals(caller.userId()) ? Uni.createFrom().voidItem()
                : requireMember(tenantId, teacher, Role.TEACHER, "teacherId", "No teacher with this id in your school");
        Uni<Term> term = termId == null ? Term.active(tenantId) : Term.findInTenant(tenantId, termId).invoke(found -> {
            if (found == null) {
                throw new ValidationException("termId", "No term with this id in your school");
            }
        });
        return teacherCheck.chain(() -> term).chain(classTerm -> SchoolClass.codeTaken(tenantId, code.strip()).chain(taken -> {
            if (taken) {
                throw new ConflictException("A class with code '" + code.strip() + "' already exists");
            }
            SchoolClass schoolClass = new SchoolClass();
            schoolClass.id = UUID.randomUUID();
            schoolClass.tenantId = tenantId;
            schoolClass.name = name.strip();
            schoolClass.code = code.strip();
            schoolClass.teacherId = teacher;
            schoolClass.termId = classTerm == null ? null : classTerm.id;
            schoolClass.gradeLevel = gradeLevel == null ? null : gradeLevel.shortValue();
            schoolClass.createdAt = Instant.now();
            return schoolClass.persist();
        }));
    }

    /**
     * The classes the caller has a part in, optionally of one term: all of the school's for an
     * administrator, those they teach for a teacher, those they are enrolled in for a student.
     */
    @WithSession
    public Uni<List<SchoolClass>> listClasses(Caller caller, UUID termId) {
        UUID tenantId = caller.tenantId();
        if (caller.hasRole(Role.ADMIN)) {
            return SchoolClass.listForTenant(tenantId, termId);
        }
        Uni<List<UUID>> ids = caller.hasRole(Role.TEACHER)
                ? SchoolClass.homeroomClassIds(tenantId, caller.userId()).chain(homeroom -> TeachingAssignment
                .classIdsOf(tenantId, caller.userId()).map(taught -> {
                    Set<UUID> all = new LinkedHashSet<>(homeroom);
                    all.addAll(taught);
                    return List.copyOf(all);
                }))
                : Enrollment.activeClassIds(tenantId, caller.userId());
        return ids.chain(classIds -> SchoolClass.listInTenant(tenantId, classIds))
                .map(classes -> classes.stream().filter(c -> termId == null || termId.equals(c.termId)).toList());
    }

    /**
     * One class, for its teachers, its students and administrators.
     *
     * @throws NotFoundException if the class is not in the caller's school
     */
    @WithSession
    public Uni<SchoolClass> getClass(Caller caller, UUID classId) {
        return access.readableClass(caller, classId);
    }

    /**
     * Makes a teacher teach a subject to a class (administrators).
     *
     * @throws ValidationException if the subject or teacher is not of this school
     * @throws ConflictException   if the teacher already teaches the subject to the class
     */
    @WithTransaction
    public Uni<TeachingAssignment> assignTeacher(Caller caller, UUID classId, UUID subjectId, UUID teacherId) {
        UUID tenantId = caller.tenantId();
        return access.managedClass(caller, classId)
                .call(() -> Subject.findInTenant(tenantId, subjectId).invoke(subject -> {
                    if (subject == null) {
                        throw new ValidationException("subjectId", "No subject with this id in your school");
                    }
                }))
                .call(() -> requireMember(tenantId, teacherId, Role.TEACHER, "teacherId", "No teacher with this id in your school"))
                .chain(() -> TeachingAssignment.count("classId = ?1 and subjectId = ?2 and teacherId = ?3",
                        classId, subjectId, teacherId))
                .chain(n -> {
                    if (n > 0) {
                        throw new ConflictException("The teacher already teaches this subject to this class");
                    }
                    TeachingAssignment assignment = new TeachingAssignment();
                    assignment.id = UUID.randomUUID();
                    assignment.tenantId = tenantId;
                    assignment.classId = classId;
                    assignment.subjectId = subjectId;
                    assignment.teacherId = teacherId;
                    assignment.createdAt = Instant.now();
                    return assignment.persist();
                });
    }

    /** Who teaches what to a class. */
    @WithSession
    public Uni<List<TeachingAssignment>> listTeachers(Caller caller, UUID classId) {
        return access.readableClass(caller, classId).chain(c -> TeachingAssignment.listForClass(classId));
    }

    /**
     * Ends a teaching assignment (administrators).
     *
     * @throws NotFoundException if the class has no such teaching assignment
     */
    @WithTransaction
    public Uni<Void> removeTeacher(Caller caller, UUID classId, UUID teachingAssignmentId) {
        return access.managedClass(caller, classId)
                .chain(c -> TeachingAssignment.delete("classId = ?1 and id = ?2", classId, teachingAssignmentId))
                .invoke(deleted -> {
                    if (deleted == 0) {
                        throw new NotFoundException("teaching assignment", teachingAssignmentId);
                    }
                }).replaceWithVoid();
    }

    /**
     * Enrolls a student of the school in a class the caller manages.
     *
     * @throws ValidationException if no student with this id is known in the school (learning-service
     *                             learns of new users from events, within a second of their creation)
     * @throws ConflictException   if the student is already enrolled
     */
    @WithTransaction
    public Uni<Enrollment> enrollStudent(Caller caller, UUID classId, UUID studentId) {
        UUID tenantId = caller.tenantId();
        return access.managedClass(caller, classId)
                .call(() -> requireMember(tenantId, studentId, Role.STUDENT, "studentId", "No student with this id in your school"))
                .chain(() -> Enrollment.exists(classId, studentId))
                .chain(exists -> {
                    if (exists) {
                        throw new ConflictException("The student is already enrolled in this class");
                    }
                    return enroll(tenantId, classId, studentId, Instant.now());
                });
    }

    /**
     * Enrolls several students at once, all or none: every id is checked first, and if any is unknown,
     * not a student, listed twice or already enrolled, nothing is written and each is listed.
     *
     * @throws ValidationException listing {@code studentIds[i]} for every bad entry
     */
    @WithTransaction
    public Uni<List<Enrollment>> enrollStudents(Caller caller, UUID classId, List<UUID> studentIds) {
        UUID tenantId = caller.tenantId();
        return access.managedClass(caller, classId)
                .chain(c -> Member.listInTenant(tenantId, new HashSet<>(studentIds)))
                .chain(members -> Enrollment.activeAmong(classId, studentIds).chain(enrolled -> {
                    Map<UUID, Member> byId = members.stream().collect(Collectors.toMap(m -> m.userId, Function.identity()));
                    Set<UUID> active = new HashSet<>(enrolled);
                    Set<UUID> seen = new HashSet<>();
                    List<FieldError> errors = new ArrayList<>();
                    for (int i = 0; i < studentIds.size(); i++) {
                        UUID id = studentIds.get(i);
                        Member member = byId.get(id);
                        String problem = !seen.add(id) ? "is listed more than once"
                                : member == null || member.role != Role.STUDENT ? "No student with this id in your school"
                                : active.contains(id) ? "is already enrolled in this class" : null;
                        if (problem != null) {
                            errors.add(new FieldError("studentIds[" + i + "]", problem));
                        }
                    }
                    if (!errors.isEmpty()) {
                        throw new ValidationException(errors.size() + " of " + studentIds.size()
                                + " students cannot be enrolled; nobody was", errors);
                    }
                    Instant now = Instant.now();
                    Uni<List<Enrollment>> all = Uni.createFrom().item(new ArrayList<>());
                    for (UUID id : studentIds) {
                        all = all.chain(list -> enroll(tenantId, classId, id, now).map(e -> {
                            list.add(e);
                            return list;
                        }));
                    }
                    return all;
                }));
    }

    /** A class's enrollments (active and ended) with the students' names, for its teachers. */
    @WithSession
    public Uni<List<EnrollmentView>> listEnrollments(Caller caller, UUID classId, EnrollmentStatus status) {
        UUID tenantId = caller.tenantId();
        return access.managedClass(caller, classId).chain(c -> Enrollment.listForClass(classId))
                .map(list -> list.stream().filter(e -> status == null || e.status == status).toList())
                .chain(list -> Member.listInTenant(tenantId, list.stream().map(e -> e.studentId).toList()).map(members -> {
                    Map<UUID, Member> byId = members.stream().collect(Collectors.toMap(m -> m.userId, Function.identity()));
                    return list.stream().map(e -> new EnrollmentView(e, byId.get(e.studentId))).toList();
                }));
    }

    /**
     * Moves a student to another class mid-term: the enrollment ends as TRANSFERRED (with its grades,
     * which stay the student's), a new ACTIVE one starts in {@code toClassId}. Announced as
     * {@code kelas.learning.enrollment.transferred} and, for the new one, {@code kelas.learning.enrollment.created}.
     *
     * @return the new enrollment
     * @throws NotFoundException   if either class or the enrollment is not found
     * @throws ValidationException if the target is the same class or in another term
     * @throws ConflictException   if the enrollment has ended or the student is already in the target class
     */
    @WithTransaction
    public Uni<Enrollment> transferStudent(Caller caller, UUID classId, UUID enrollmentId, UUID toClassId, String reason) {
        UUID tenantId = caller.tenantId();
        if (classId.equals(toClassId)) {
            throw new ValidationException("toClassId", "must be another class");
        }
        return access.managedClass(caller, classId).chain(from -> access.managedClass(caller, toClassId).chain(to -> {
            if (from.termId != null && to.termId != null && !from.termId.equals(to.termId)) {
                throw new ValidationException("toClassId", "must be a class of the same term");
            }
            return activeEnrollment(classId, enrollmentId).chain(old -> Enrollment.exists(toClassId, old.studentId).chain(there -> {
                if (there) {
                    throw new ConflictException("The student is already enrolled in the target class");
                }
                Instant now = Instant.now();
                return enroll(tenantId, toClassId, old.studentId, now).call(created -> {
                    old.status = EnrollmentStatus.TRANSFERRED;
                    old.endedAt = now;
                    old.endReason = reason;
                    old.transferredTo = created.id;
                    return outbox.record(tenantId, new EnrollmentTransferred(old.id, created.id, old.studentId, classId, toClassId, reason, now));
                });
            }));
        }));
    }

    /**
     * Ends a student's enrollment as WITHDRAWN; their grades stay. Announced as {@code kelas.learning.enrollment.withdrawn}.
     *
     * @throws NotFoundException if the enrollment is not in this class
     * @throws ConflictException if it has already ended
     */
    @WithTransaction
    public Uni<Enrollment> withdrawStudent(Caller caller, UUID classId, UUID enrollmentId, String reason) {
        UUID tenantId = caller.tenantId();
        return access.managedClass(caller, classId).chain(c -> activeEnrollment(classId, enrollmentId)).call(enrollment -> {
            enrollment.status = EnrollmentStatus.WITHDRAWN;
            enrollment.endedAt = Instant.now();
            enrollment.endReason = reason;
            return outbox.record(tenantId, new EnrollmentWithdrawn(enrollment.id, classId, enrollment.studentId, reason, enrollment.endedAt));
        });
    }

    private static Uni<Enrollment> activeEnrollment(UUID classId, UUID enrollmentId) {
        return Enrollment.findInClass(classId, enrollmentId).map(enrollment -> {
            if (enrollment == null) {
                throw new NotFoundException("enrollment", enrollmentId);
            }
            if (enrollment.status != EnrollmentStatus.ACTIVE) {
                throw new ConflictException("The enrollment has already ended (" + enrollment.status + ")");
            }
            return enrollment;
        });
    }

    private Uni<Enrollment> enroll(UUID tenantId, UUID classId, UUID studentId, Instant at) {
        Enrollment enrollment = new Enrollment();
        enrollment.id = UUID.randomUUID();
        enrollment.tenantId = tenantId;
        enrollment.classId = classId;
        enrollment.studentId = studentId;
        enrollment.status = EnrollmentStatus.ACTIVE;
        enrollment.createdAt = at;
        // The event names the class's homeroom teacher so notification-service knows the class's audience.
        return enrollment.<Enrollment>persist()
                .chain(() -> SchoolClass.<SchoolClass>findById(classId))
                .call(schoolClass -> outbox.record(tenantId, new EnrollmentCreated(enrollment.id, classId, studentId, at, schoolClass == null ? null : schoolClass.teacherId)))
                .replaceWith(enrollment);
    }

    static Uni<Void> requireMember(UUID tenantId, UUID userId, Role role, String field, String message) {
        return Member.findInTenant(tenantId, userId).invoke(member -> {
            if (member == null || member.role != role) {
                throw new ValidationException(field, message);
            }
        }).replaceWithVoid();
    }
}
