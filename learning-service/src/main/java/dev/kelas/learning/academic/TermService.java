package dev.kelas.learning.academic;

import dev.kelas.runtime.problem.ConflictException;
import dev.kelas.runtime.problem.NotFoundException;
import dev.kelas.runtime.problem.ValidationException;
import dev.kelas.runtime.security.Caller;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** The school's terms. Exactly one is active: the first one created, then whichever was activated last. */
@ApplicationScoped
public class TermService {

    /**
     * Creates a term; it becomes the active one if {@code activate} is set or the school has no active term.
     *
     * @throws ValidationException if it ends before it starts
     * @throws ConflictException   if the school already has this semester of this school year
     */
    @WithTransaction
    public Uni<Term> createTerm(Caller caller, String name, String schoolYear, int semester, LocalDate startsOn,
                                LocalDate endsOn, boolean activate) {
        if (!endsOn.isAfter(startsOn)) {
            throw new ValidationException("endsOn", "must be after startsOn");
        }
        UUID tenantId = caller.tenantId();
        return Term.count("tenantId = ?1 and schoolYear = ?2 and semester = ?3", tenantId, schoolYear.strip(), (short) semester)
                .chain(existing -> {
                    if (existing > 0) {
                        throw new ConflictException("Semester " + semester + " of " + schoolYear + " already exists");
                    }
                    return Term.active(tenantId);
                })
                .chain(active -> {
                    boolean makeActive = activate || active == null;
                    // The bulk update runs at once, before the new row is flushed at commit (one active term).
                    Uni<Integer> cleared = makeActive ? Term.deactivateAll(tenantId) : Uni.createFrom().item(0);
                    return cleared.chain(() -> {
                        Term term = new Term();
                        term.id = UUID.randomUUID();
                        term.tenantId = tenantId;
                        term.name = name.strip();
                        term.schoolYear = schoolYear.strip();
                        term.semester = (short) semester;
                        term.startsOn = startsOn;
                        term.endsOn = endsOn;
                        term.active = makeActive;
                        term.createdAt = Instant.now();
                        return term.persist();
                    });
                });
    }

    /** The school's terms, newest first. */
    @WithSession
    public Uni<List<Term>> listTerms(Caller caller) {
        return Term.listForTenant(caller.tenantId());
    }

    /**
     * Makes a term the school's active one (the previously active one is no longer).
     *
     * @throws NotFoundException if the term is not in the caller's school
     */
    @WithTransaction
    public Uni<Term> activateTerm(Caller caller, UUID termId) {
        UUID tenantId = caller.tenantId();
        return Term.findInTenant(tenantId, termId).chain(term -> {
            if (term == null) {
                throw new NotFoundException("term", termId);
            }
            if (term.active) {
                return Uni.createFrom().item(term);
            }
            // The partial unique index allows one active term: the bulk update clears the old flag at once,
            // this term's change is flushed at commit, after it.
            return Term.deactivateAll(tenantId).map(cleared -> {
                term.active = true;
                return term;
            });
        });
    }
}
