package dev.kelas.learning.academic;

import dev.kelas.learning.common.ETags;
import dev.kelas.learning.common.Rows;
import dev.kelas.runtime.problem.ConflictException;
import dev.kelas.runtime.problem.NotFoundException;
import dev.kelas.runtime.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The school's subjects and the grade components each subject's grade is made of. */
@ApplicationScoped
public class SubjectService {

    /**
     * Creates a subject.
     *
     * @throws ConflictException if the code is taken in the school
     */
    @WithTransaction
    public Uni<Subject> createSubject(Caller caller, String code, String name) {
        UUID tenantId = caller.tenantId();
        return Subject.count("tenantId = ?1 and code = ?2", tenantId, code.strip()).chain(n -> {
            if (n > 0) {
                throw new ConflictException("A subject with code '" + code.strip() + "' already exists");
            }
            Subject subject = new Subject();
            subject.id = UUID.randomUUID();
            subject.tenantId = tenantId;
            subject.code = code.strip();
            subject.name = name.strip();
            subject.createdAt = Instant.now();
            return subject.persist();
        });
    }

    /**
     * Renames a subject or changes its code; a null field stays as it is.
     *
     * @param expectedVersion the version the client read ({@code If-Match}), or null to skip the check
     * @throws NotFoundException if it is not in the caller's school
     * @throws dev.kelas.runtime.problem.PreconditionFailedException when it changed since that version
     * @throws ConflictException if the new code is taken in the school
     */
    @WithTransaction
    public Uni<Subject> updateSubject(Caller caller, UUID subjectId, String code, String name, Integer expectedVersion) {
        return subject(caller, subjectId).chain(subject -> {
            ETags.require(expectedVersion, subject.version, "subject");
            String newCode = code == null ? subject.code : code.strip();
            Uni<Long> taken = newCode.equals(subject.code) ? Uni.createFrom().item(0L)
                    : Subject.count("tenantId = ?1 and code = ?2", caller.tenantId(), newCode);
            return taken.map(n -> {
                if (n > 0) {
                    throw new ConflictException("A subject with code '" + newCode + "' already exists");
                }
                subject.code = newCode;
                subject.name = name == null ? subject.name : name.strip();
                subject.version++;
                return subject;
            });
        });
    }

    /**
     * Deletes a subject nothing uses (no assignment, teaching assignment, timetable slot, register session or
     * gradebook configuration), with its grade components.
     *
     * @throws NotFoundException if it is not in the caller's school
     * @throws ConflictException if something uses it
     */
    @WithTransaction
    public Uni<Void> deleteSubject(Caller caller, UUID subjectId) {
        return subject(caller, subjectId).chain(subject -> Rows.count("""
                select (select count(*) from assignment where subject_id = ?1) + (select count(*) from teaching_assignment where subject_id = ?1)
                     + (select count(*) from schedule_slot where subject_id = ?1) + (select count(*) from attendance_session where subject_id = ?1)
                     + (select count(*) from grade_config where subject_id = ?1)""", subjectId).chain(uses -> {
            if (uses > 0) {
                throw new ConflictException("The subject is in use (assignments, teachers, timetable, register or gradebook); it cannot be deleted");
            }
            return GradeComponent.delete("subjectId", subjectId).chain(() -> subject.delete());
        }));
    }

    /**
     * Renames or moves a grade component; a null field stays as it is.
     *
     * @param position its place among the subject's components, 1 first
     * @throws NotFoundException if the subject or component is not in the caller's school
     * @throws dev.kelas.runtime.problem.PreconditionFailedException when it changed since that version
     * @throws ConflictException if the subject has another component of that name
     */
    @WithTransaction
    public Uni<GradeComponent> updateComponent(Caller caller, UUID subjectId, UUID componentId, String name, Integer position,
                                               Integer expectedVersion) {
        return subject(caller, subjectId).chain(subject -> GradeComponent.listForSubject(subjectId)).map(existing -> {
            GradeComponent component = existing.stream().filter(c -> c.id.equals(componentId)).findFirst()
                    .orElseThrow(() -> new NotFoundException("component", componentId));
            ETags.require(expectedVersion, component.version, "grade component");
            if (name != null && existing.stream().anyMatch(c -> !c.id.equals(componentId) && c.name.equalsIgnoreCase(name.strip()))) {
                throw new ConflictException("The subject already has a component named '" + name.strip() + "'");
            }
            component.name = name == null ? component.name : name.strip();
            component.position = position == null ? component.position : position;
            component.version++;
            return component;
        });
    }

    /**
     * Deletes a grade component no assignment or gradebook configuration uses.
     *
     * @throws NotFoundException if the subject or component is not in the caller's school
     * @throws ConflictException if something uses it
     */
    @WithTransaction
    public Uni<Void> deleteComponent(Caller caller, UUID subjectId, UUID componentId) {
        return component(caller, subjectId, componentId).chain(component -> Rows.count("""
                select (select count(*) from assignment where component_id = ?1)
                     + (select count(*) from grade_config_component where component_id = ?1)""", componentId).chain(uses -> {
            if (uses > 0) {
                throw new ConflictException("Assignments or a gradebook configuration use this component; it cannot be deleted");
            }
            return component.delete();
        }));
    }

    /**
     * One grade component of a subject.
     *
     * @throws NotFoundException if the subject or component is not in the caller's school
     */
    @WithSession
    public Uni<GradeComponent> getComponent(Caller caller, UUID subjectId, UUID componentId) {
        return component(caller, subjectId, componentId);
    }

    /**
     * One subject of the school.
     *
     * @throws NotFoundException if it is not in the caller's school
     */
    @WithSession
    public Uni<Subject> getSubject(Caller caller, UUID subjectId) {
        return subject(caller, subjectId);
    }

    private static Uni<GradeComponent> component(Caller caller, UUID subjectId, UUID componentId) {
        return subject(caller, subjectId).chain(subject -> GradeComponent.<GradeComponent>findById(componentId)).map(c -> {
            if (c == null || !c.subjectId.equals(subjectId)) {
                throw new NotFoundException("component", componentId);
            }
            return c;
        });
    }

    /** The school's subjects by code. */
    @WithSession
    public Uni<List<Subject>> listSubjects(Caller caller) {
        return Subject.listForTenant(caller.tenantId());
    }

    /**
     * Adds a grade component (e.g. "Quizzes") to a subject, after its existing ones.
     *
     * @throws NotFoundException if the subject is not in the caller's school
     * @throws ConflictException if the subject has a component of this name
     */
    @WithTransaction
    public Uni<GradeComponent> addComponent(Caller caller, UUID subjectId, String name) {
        UUID tenantId = caller.tenantId();
        return subject(caller, subjectId).chain(subject -> GradeComponent.listForSubject(subjectId)).chain(existing -> {
            if (existing.stream().anyMatch(c -> c.name.equalsIgnoreCase(name.strip()))) {
                throw new ConflictException("The subject already has a component named '" + name.strip() + "'");
            }
            GradeComponent component = new GradeComponent();
            component.id = UUID.randomUUID();
            component.tenantId = tenantId;
            component.subjectId = subjectId;
            component.name = name.strip();
            component.position = existing.size() + 1;
            component.createdAt = Instant.now();
            return component.persist();
        });
    }

    /**
     * A subject's components in order.
     *
     * @throws NotFoundException if the subject is not in the caller's school
     */
    @WithSession
    public Uni<List<GradeComponent>> listComponents(Caller caller, UUID subjectId) {
        return subject(caller, subjectId).chain(subject -> GradeComponent.listForSubject(subjectId));
    }

    /**
     * The subject with this id in the caller's school.
     *
     * @throws NotFoundException if there is none
     */
    public static Uni<Subject> subject(Caller caller, UUID subjectId) {
        return Subject.findInTenant(caller.tenantId(), subjectId).map(subject -> {
            if (subject == null) {
                throw new NotFoundException("subject", subjectId);
            }
            return subject;
        });
    }
}
