package dev.kelas.learning.records;

import dev.kelas.contracts.Role;
import dev.kelas.contracts.events.GuardianLinked;
import dev.kelas.contracts.events.GuardianUnlinked;
import dev.kelas.learning.enrollment.Enrollment;
import dev.kelas.learning.member.Member;
import dev.kelas.runtime.problem.ForbiddenException;
import dev.kelas.runtime.problem.NotFoundException;
import dev.kelas.runtime.outbox.Outbox;
import dev.kelas.runtime.problem.ValidationException;
import dev.kelas.runtime.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Parent accounts (issue 15): administrators link a PARENT account to a STUDENT of the same school and unlink it; a
 * linked parent lists their children and reads what each child reads of their own (see {@code common/Guardianship}).
 */
@ApplicationScoped
public class GuardianService {
    private final StudentRecordService records;
    private final Outbox outbox;

    public GuardianService(StudentRecordService records, Outbox outbox) {
        this.records = records;
        this.outbox = outbox;
    }

    /** A link with the parent's projected account (null if learning-service no longer knows it). */
    public record Guardian(GuardianLink link, Member parent) {
    }

    /** A linked child with their record (null if none yet) and the classes they are actively enrolled in. */
    public record Child(Member student, StudentRecord record, List<UUID> classIds) {
    }

    /** A link and whether this call made it. */
    public record Linked(Guardian guardian, boolean created) {
    }

    /**
     * Links a PARENT account to a STUDENT (administrators) and writes {@code kelas.learning.guardian.linked} through the
     * outbox; linking again changes nothing and sends nothing.
     *
     * @throws NotFoundException   either account is not in the caller's school (another school's included)
     * @throws ValidationException the student is not a STUDENT account, or the parent not a PARENT account
     */
    @WithTransaction
    public Uni<Linked> link(Caller caller, UUID studentId, UUID parentId) {
        UUID tenantId = caller.tenantId();
        return StudentRecordService.student(tenantId, studentId, "studentId").chain(student -> parent(tenantId, parentId))
                .chain(parent -> GuardianLink.find(tenantId, studentId, parentId).chain(existing -> {
                    if (existing != null) {
                        return Uni.createFrom().item(new Linked(new Guardian(existing, parent), false));
                    }
                    GuardianLink link = new GuardianLink();
                    link.id = UUID.randomUUID();
                    link.tenantId = tenantId;
                    link.studentId = studentId;
                    link.parentId = parentId;
                    link.createdAt = Instant.now();
                    return link.persist()
                            .chain(() -> outbox.record(tenantId, new GuardianLinked(studentId, parentId, link.createdAt)))
                            .map(ignored -> new Linked(new Guardian(link, parent), true));
                }));
    }

    /**
     * Removes a parent's link to a student (administrators) and writes {@code kelas.learning.guardian.unlinked}; from
     * then on the parent reads nothing of the student.
     *
     * @throws NotFoundException the parent is not linked to the student in the caller's school
     */
    @WithTransaction
    public Uni<Void> unlink(Caller caller, UUID studentId, UUID parentId) {
        return GuardianLink.find(caller.tenantId(), studentId, parentId).chain(link -> {
            if (link == null) {
                throw new NotFoundException("guardian link", parentId);
            }
            return link.delete().chain(() -> outbox.record(caller.tenantId(),
                    new GuardianUnlinked(studentId, parentId, Instant.now()))).replaceWithVoid();
        });
    }

    /**
     * The parents linked to a student, oldest link first.
     *
     * @throws NotFoundException  no such student in the caller's school
     * @throws ForbiddenException the caller is neither the student, a linked parent, one of their teachers nor an administrator
     */
    @WithSession
    public Uni<List<Guardian>> guardians(Caller caller, UUID studentId) {
        UUID tenantId = caller.tenantId();
        return StudentRecordService.student(tenantId, studentId, "studentId")
                .chain(student -> records.requireReader(caller, studentId))
                .chain(() -> GuardianLink.listForStudent(tenantId, studentId))
                .chain(links -> Member.listInTenant(tenantId, links.stream().map(l -> l.parentId).toList()).map(parents -> {
                    Map<UUID, Member> byId = parents.stream().collect(Collectors.toMap(m -> m.userId, Function.identity()));
                    return links.stream().map(l -> new Guardian(l, byId.get(l.parentId))).toList();
                }));
    }

    /**
     * The calling parent's linked children in the order they were linked (empty for anyone else).
     */
    @WithSession
    public Uni<List<Child>> children(Caller caller) {
        UUID tenantId = caller.tenantId();
        if (!caller.hasRole(Role.PARENT)) {
            return Uni.createFrom().item(List.of());
        }
        return GuardianLink.childIds(tenantId, caller.userId())
                .chain(ids -> Member.listInTenant(tenantId, ids).map(members -> {
                    Map<UUID, Member> byId = members.stream().collect(Collectors.toMap(m -> m.userId, Function.identity()));
                    return ids.stream().map(byId::get).filter(m -> m != null).toList();
                }))
                .chain(students -> Multi.createFrom().iterable(students).onItem().transformToUniAndConcatenate(student ->
                                StudentRecord.findForStudent(tenantId, student.userId).chain(record ->
                                        Enrollment.activeClassIds(tenantId, student.userId)
                                                .map(classIds -> new Child(student, record, List.copyOf(classIds)))))
                        .collect().asList());
    }

    private static Uni<Member> parent(UUID tenantId, UUID parentId) {
        return Member.findInTenant(tenantId, parentId).map(member -> {
            if (member == null) {
                throw new NotFoundException("parent", parentId);
            }
            if (member.role != Role.PARENT) {
                throw new ValidationException("parentId", "is not a PARENT account");
            }
            return member;
        });
    }
}
