package dev.kelas.learning.enrollment;

import dev.kelas.contracts.ErrorCode;
import dev.kelas.contracts.events.ClassChanged;
import dev.kelas.runtime.outbox.Outbox;
import dev.kelas.learning.common.ETags;
import dev.kelas.runtime.problem.KelasException;
import dev.kelas.contracts.Role;
import dev.kelas.learning.academic.Term;
import dev.kelas.learning.common.ClassAccess;
import dev.kelas.learning.member.Member;
import dev.kelas.runtime.problem.ConflictException;
import dev.kelas.runtime.problem.NotFoundException;
import dev.kelas.runtime.problem.ValidationException;
import dev.kelas.runtime.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Classes: creating them and reading them; every change writes {@code kelas.learning.class.changed} through the outbox. Their teachers are {@link TeacherService}'s, their enrollments
 * {@link EnrollmentService}'s.
 */
@ApplicationScoped
public class ClassService {
    private final ClassAccess access;
    private final Outbox outbox;

    public ClassService(ClassAccess access, Outbox outbox) {
        this.access = access;
        this.outbox = outbox;
    }

    /** Writes {@code kelas.learning.class.changed} with the class as it is now, in the caller's transaction. */
    private Uni<SchoolClass> changed(SchoolClass schoolClass) {
        return outbox.record(schoolClass.tenantId, new ClassChanged(schoolClass.id, schoolClass.name, schoolClass.termId,
                schoolClass.gradeLevel == null ? null : schoolClass.gradeLevel.intValue(), schoolClass.teacherId,
                schoolClass.archivedAt != null, Instant.now())).replaceWith(schoolClass);
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
            return schoolClass.<SchoolClass>persist().chain(this::changed);
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
     * Renames a class, changes its code or grade level (its teachers: {@link TeacherService}); a null field stays.
     *
     * @param expectedVersion the version the client read ({@code If-Match}), or null to skip the check
     * @throws NotFoundException if it is not in the caller's school
     * @throws dev.kelas.runtime.problem.PreconditionFailedException when it changed since that version
     * @throws KelasException    409 CLASS_ARCHIVED for an archived class
     * @throws ConflictException if the new code is taken
     */
    @WithTransaction
    public Uni<SchoolClass> updateClass(Caller caller, UUID classId, String name, String code, Integer gradeLevel,
                                        Integer expectedVersion) {
        return access.managedClass(caller, classId).chain(schoolClass -> {
            ETags.require(expectedVersion, schoolClass.version, "class");
            requireNotArchived(schoolClass);
            String newCode = code == null ? schoolClass.code : code.strip();
            Uni<Boolean> taken = newCode.equals(schoolClass.code) ? Uni.createFrom().item(false)
                    : SchoolClass.codeTaken(caller.tenantId(), newCode);
            return taken.map(t -> {
                if (t) {
                    throw new ConflictException("A class with code '" + newCode + "' already exists");
                }
                schoolClass.code = newCode;
                schoolClass.name = name == null ? schoolClass.name : name.strip();
                schoolClass.gradeLevel = gradeLevel == null ? schoolClass.gradeLevel : gradeLevel.shortValue();
                schoolClass.version++;
                return schoolClass;
            }).chain(this::changed);
        });
    }

    /**
     * Archives a class: it keeps its enrollments, assignments, grades and register (a class is never deleted, its
     * history must stay) but takes no more changes. Archiving again changes nothing.
     *
     * @throws NotFoundException if it is not in the caller's school
     */
    @WithTransaction
    public Uni<SchoolClass> archiveClass(Caller caller, UUID classId) {
        return access.managedClass(caller, classId).chain(schoolClass -> {
            if (schoolClass.archivedAt != null) {
                return Uni.createFrom().item(schoolClass);
            }
            schoolClass.archivedAt = Instant.now();
            schoolClass.version++;
            return changed(schoolClass);
        });
    }

    /**
     * Refuses a change to an archived class.
     *
     * @throws KelasException 409 CLASS_ARCHIVED
     */
    public static void requireNotArchived(SchoolClass schoolClass) {
        if (schoolClass.archivedAt != null) {
            throw new KelasException(409, ErrorCode.CLASS_ARCHIVED, "The class is archived; it takes no more changes", List.of());
        }
    }

    /** Fails with a 422 on {@code field} unless the user is known here with this role. */
    static Uni<Void> requireMember(UUID tenantId, UUID userId, Role role, String field, String message) {
        return Member.findInTenant(tenantId, userId).invoke(member -> {
            if (member == null || member.role != role) {
                throw new ValidationException(field, message);
            }
        }).replaceWithVoid();
    }
}
