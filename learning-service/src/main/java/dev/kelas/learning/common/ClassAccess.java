package dev.kelas.learning.common;

import dev.kelas.contracts.Role;
import dev.kelas.learning.enrollment.Enrollment;
import dev.kelas.learning.enrollment.SchoolClass;
import dev.kelas.learning.enrollment.TeachingAssignment;
import dev.kelas.runtime.problem.ForbiddenException;
import dev.kelas.runtime.problem.NotFoundException;
import dev.kelas.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * Who may do what with a class. The class's teachers are its homeroom teacher and every teacher with a
 * teaching assignment in it; they and the school's administrators manage it. Its students (enrolled now
 * or before) may read what is theirs. A class of another school is not found (404); a class of this
 * school the caller has no part in is forbidden (403).
 */
@ApplicationScoped
public class ClassAccess {
    /**
     * Loads a class the caller manages.
     *
     * @throws NotFoundException  if the class is not in the caller's tenant
     * @throws ForbiddenException if the caller is neither one of its teachers nor an administrator
     */
    public Uni<SchoolClass> managedClass(Caller caller, UUID classId) {
        UUID userId = caller.userId();
        return find(caller, classId).chain(schoolClass -> {
            if (caller.hasRole(Role.ADMIN) || schoolClass.teacherId.equals(userId)) {
                return Uni.createFrom().item(schoolClass);
            }
            return TeachingAssignment.teaches(classId, userId).map(teaches -> {
                if (!teaches) {
                    throw new ForbiddenException("Only the class's teachers or an administrator may do this");
                }
                return schoolClass;
            });
        });
    }

    /**
     * Loads a class the caller may read: as {@link #managedClass}, or as a student enrolled in it now or before.
     *
     * @throws NotFoundException  if the class is not in the caller's tenant
     * @throws ForbiddenException if the caller has no part in it
     */
    public Uni<SchoolClass> readableClass(Caller caller, UUID classId) {
        if (!caller.hasRole(Role.STUDENT) || caller.hasRole(Role.ADMIN) || caller.hasRole(Role.TEACHER)) {
            return managedClass(caller, classId);
        }
        return find(caller, classId).call(schoolClass -> Enrollment.everEnrolled(classId, caller.userId()).invoke(enrolled -> {
            if (!enrolled) {
                throw new ForbiddenException("You are not enrolled in this class");
            }
        }));
    }

    /**
     * Loads a class of the caller's school that this student is or was enrolled in, for a reader of the student's
     * own view (the student, or a linked parent: see {@link Guardianship}).
     *
     * @throws NotFoundException if the class is not in the caller's tenant
     * @throws ForbiddenException if the student was never enrolled in it
     */
    public Uni<SchoolClass> studentClass(Caller caller, UUID classId, UUID studentId) {
        return find(caller, classId).call(schoolClass -> Enrollment.everEnrolled(classId, studentId).invoke(enrolled -> {
            if (!enrolled) {
                throw new ForbiddenException("The student is not enrolled in this class");
            }
        }));
    }

    /** Whether the caller manages the class (without failing). */
    public Uni<Boolean> manages(Caller caller, SchoolClass schoolClass) {
        if (caller.hasRole(Role.ADMIN) || schoolClass.teacherId.equals(caller.userId())) {
            return Uni.createFrom().item(true);
        }
        return caller.hasRole(Role.TEACHER) ? TeachingAssignment.teaches(schoolClass.id, caller.userId())
                : Uni.createFrom().item(false);
    }

    /** Whether the caller manages the class with this id (false for a class of another school). */
    public Uni<Boolean> manages(Caller caller, UUID classId) {
        return SchoolClass.findInTenant(caller.tenantId(), classId)
                .chain(schoolClass -> schoolClass == null ? Uni.createFrom().item(false) : manages(caller, schoolClass));
    }

    private static Uni<SchoolClass> find(Caller caller, UUID classId) {
        return SchoolClass.findInTenant(caller.tenantId(), classId).map(schoolClass -> {
            if (schoolClass == null) {
                throw new NotFoundException("class", classId);
            }
            return schoolClass;
        });
    }
}
