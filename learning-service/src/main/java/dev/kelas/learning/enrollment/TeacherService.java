package dev.kelas.learning.enrollment;

import dev.kelas.learning.common.ETags;
import dev.kelas.contracts.Role;
import dev.kelas.learning.academic.Subject;
import dev.kelas.learning.common.ClassAccess;
import dev.kelas.runtime.problem.ConflictException;
import dev.kelas.runtime.problem.NotFoundException;
import dev.kelas.runtime.problem.ValidationException;
import dev.kelas.runtime.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** Who teaches which subject to a class: teaching assignments, set by administrators. */
@ApplicationScoped
public class TeacherService {
    private final ClassAccess access;

    public TeacherService(ClassAccess access) {
        this.access = access;
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
                .call(() -> ClassService.requireMember(tenantId, teacherId, Role.TEACHER, "teacherId", "No teacher with this id in your school"))
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

    /**
     * One teaching assignment of a class.
     *
     * @throws NotFoundException if the class has no such teaching assignment
     */
    @WithSession
    public Uni<TeachingAssignment> getTeacher(Caller caller, UUID classId, UUID teachingAssignmentId) {
        return access.readableClass(caller, classId).chain(c -> teaching(classId, teachingAssignmentId));
    }

    /**
     * Hands a teaching assignment to another teacher or subject (administrators); a null field stays.
     *
     * @param expectedVersion the version the client read ({@code If-Match}), or null to skip the check
     * @throws NotFoundException   if the class has no such teaching assignment
     * @throws dev.kelas.runtime.problem.PreconditionFailedException when it changed since that version
     * @throws ValidationException if the subject or teacher is not of this school
     * @throws ConflictException   if that teacher already teaches that subject to the class
     */
    @WithTransaction
    public Uni<TeachingAssignment> updateTeacher(Caller caller, UUID classId, UUID teachingAssignmentId, UUID subjectId,
                                                 UUID teacherId, Integer expectedVersion) {
        UUID tenantId = caller.tenantId();
        return access.managedClass(caller, classId).chain(c -> teaching(classId, teachingAssignmentId)).chain(assignment -> {
            ETags.require(expectedVersion, assignment.version, "teaching assignment");
            UUID subject = subjectId == null ? assignment.subjectId : subjectId;
            UUID teacher = teacherId == null ? assignment.teacherId : teacherId;
            return Subject.findInTenant(tenantId, subject).invoke(found -> {
                        if (found == null) {
                            throw new ValidationException("subjectId", "No subject with this id in your school");
                        }
                    })
                    .call(() -> ClassService.requireMember(tenantId, teacher, Role.TEACHER, "teacherId", "No teacher with this id in your school"))
                    .chain(() -> TeachingAssignment.count("classId = ?1 and subjectId = ?2 and teacherId = ?3 and id <> ?4",
                            classId, subject, teacher, teachingAssignmentId))
                    .map(n -> {
                        if (n > 0) {
                            throw new ConflictException("The teacher already teaches this subject to this class");
                        }
                        assignment.subjectId = subject;
                        assignment.teacherId = teacher;
                        assignment.version++;
                        return assignment;
                    });
        });
    }

    private static Uni<TeachingAssignment> teaching(UUID classId, UUID teachingAssignmentId) {
        return TeachingAssignment.<TeachingAssignment>find("classId = ?1 and id = ?2", classId, teachingAssignmentId).firstResult()
                .map(t -> {
                    if (t == null) {
                        throw new NotFoundException("teaching assignment", teachingAssignmentId);
                    }
                    return t;
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
}
