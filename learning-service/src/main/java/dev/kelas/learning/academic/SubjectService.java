package dev.kelas.learning.academic;

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

    public static Uni<Subject> subject(Caller caller, UUID subjectId) {
        return Subject.findInTenant(caller.tenantId(), subjectId).map(subject -> {
            if (subject == null) {
                throw new NotFoundException("subject", subjectId);
            }
            return subject;
        });
    }
}
