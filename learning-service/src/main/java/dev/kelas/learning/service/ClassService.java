package dev.kelas.learning.service;

import dev.kelas.contracts.Role;
import dev.kelas.contracts.Subjects;
import dev.kelas.contracts.events.AssignmentPublished;
import dev.kelas.contracts.events.EnrollmentCreated;
import dev.kelas.learning.domain.Assignment;
import dev.kelas.learning.domain.AssignmentKind;
import dev.kelas.learning.domain.Enrollment;
import dev.kelas.learning.domain.Member;
import dev.kelas.learning.domain.SchoolClass;
import dev.kelas.runtime.outbox.Outbox;
import dev.kelas.runtime.problem.ConflictException;
import dev.kelas.runtime.problem.ValidationException;
import dev.kelas.runtime.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** Classes, enrollments and assignments. Enrollments and published assignments go out as events. */
@ApplicationScoped
public class ClassService {
    private final ClassAccess access;
    private final Outbox outbox;

    public ClassService(ClassAccess access, Outbox outbox) {
        this.access = access;
        this.outbox = outbox;
    }

    /**
     * Creates a class taught by {@code teacherId} (a TEACHER creating a class always teaches it).
     *
     * @throws ConflictException   if the code is taken in the school
     * @throws ValidationException if the teacher is not a teacher of this school
     */
    @WithTransaction
    public Uni<SchoolClass> createClass(Caller caller, String name, String code, UUID teacherId) {
        UUID tenantId = caller.tenantId();
        UUID teacher = caller.hasRole(Role.ADMIN) && teacherId != null ? teacherId : caller.userId();
        Uni<Void> teacherCheck = teacher.equals(caller.userId()) ? Uni.createFrom().voidItem()
                : Member.findInTenant(tenantId, teacher).invoke(member -> {
                    if (member == null || member.role != Role.TEACHER) {
                        throw new ValidationException("teacherId", "No teacher with this id in your school");
                    }
                }).replaceWithVoid();
        return teacherCheck.chain(() -> SchoolClass.codeTaken(tenantId, code)).chain(taken -> {
            if (taken) {
                throw new ConflictException("A class with code '" + code + "' already exists");
            }
            SchoolClass schoolClass = new SchoolClass();
            schoolClass.id = UUID.randomUUID();
            schoolClass.tenantId = tenantId;
            schoolClass.name = name.strip();
            schoolClass.code = code.strip();
            schoolClass.teacherId = teacher;
            schoolClass.createdAt = Instant.now();
            return schoolClass.persist();
        });
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
        return access.managedClass(caller, classId).chain(schoolClass -> Member.findInTenant(tenantId, studentId)
                .chain(member -> {
                    if (member == null || member.role != Role.STUDENT) {
                        throw new ValidationException("studentId", "No student with this id in your school");
                    }
                    return Enrollment.exists(classId, studentId);
                })
                .chain(exists -> {
                    if (exists) {
                        throw new ConflictException("The student is already enrolled in this class");
                    }
                    Enrollment enrollment = new Enrollment();
                    enrollment.id = UUID.randomUUID();
                    enrollment.tenantId = tenantId;
                    enrollment.classId = classId;
                    enrollment.studentId = studentId;
                    enrollment.createdAt = Instant.now();
                    return enrollment.<Enrollment>persist()
                            .call(() -> outbox.record(tenantId, "enrollment", enrollment.id, Subjects.LEARNING_ENROLLMENT_CREATED,
                                    new EnrollmentCreated(enrollment.id, classId, studentId, enrollment.createdAt,
                                            schoolClass.teacherId)));
                }));
    }

    /** Creates and publishes an assignment in a class the caller manages. */
    @WithTransaction
    public Uni<Assignment> publishAssignment(Caller caller, UUID classId, String title, AssignmentKind kind,
                                             BigDecimal points, Instant dueAt) {
        UUID tenantId = caller.tenantId();
        UUID userId = caller.userId();
        return access.managedClass(caller, classId).chain(schoolClass -> {
            Assignment assignment = new Assignment();
            assignment.id = UUID.randomUUID();
            assignment.tenantId = tenantId;
            assignment.classId = classId;
            assignment.title = title.strip();
            assignment.kind = kind;
            assignment.points = points;
            assignment.dueAt = dueAt;
            assignment.status = "PUBLISHED";
            assignment.createdBy = userId;
            assignment.createdAt = Instant.now();
            return assignment.<Assignment>persist()
                    .call(() -> outbox.record(tenantId, "assignment", assignment.id, Subjects.LEARNING_ASSIGNMENT_PUBLISHED,
                            new AssignmentPublished(assignment.id, classId, schoolClass.teacherId, assignment.title,
                                    kind.name(), points, dueAt, assignment.createdAt)));
        });
    }
}
