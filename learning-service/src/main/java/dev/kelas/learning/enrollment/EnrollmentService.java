package dev.kelas.learning.enrollment;

import dev.kelas.contracts.Role;
import dev.kelas.contracts.events.EnrollmentCreated;
import dev.kelas.contracts.events.EnrollmentTransferred;
import dev.kelas.contracts.events.EnrollmentWithdrawn;
import dev.kelas.learning.common.ClassAccess;
import dev.kelas.learning.member.Member;
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
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A class's enrollments: enrolling students, transfers and withdrawals. Every enrollment change goes out as a
 * {@code kelas.learning.enrollment.*} event through the outbox, in the same transaction.
 */
@ApplicationScoped
public class EnrollmentService {
    private final ClassAccess access;
    private final Outbox outbox;

    public EnrollmentService(ClassAccess access, Outbox outbox) {
        this.access = access;
        this.outbox = outbox;
    }

    /** An enrollment with the student it names (null while the student is unknown here). */
    public record EnrollmentView(Enrollment enrollment, Member student) {
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
                .call(() -> ClassService.requireMember(tenantId, studentId, Role.STUDENT, "studentId", "No student with this id in your school"))
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

    /**
     * Enrolls a student who registered themselves with the class's join code (issue 15), once auth-service announced
     * the verified account. Runs in the caller's transaction (the user-registered consumer's). A class that is gone,
     * of another school or archived meanwhile, or an enrollment that exists, changes nothing.
     *
     * @return the enrollment made, or null
     */
    public Uni<Enrollment> enrollSelfRegistered(UUID tenantId, UUID classId, UUID studentId) {
        return SchoolClass.findInTenant(tenantId, classId).chain(schoolClass -> {
            if (schoolClass == null || schoolClass.archivedAt != null) {
                return Uni.createFrom().nullItem();
            }
            return Enrollment.exists(classId, studentId).chain(exists -> exists ? Uni.createFrom().<Enrollment>nullItem()
                    : enroll(tenantId, classId, studentId, Instant.now()));
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
}
