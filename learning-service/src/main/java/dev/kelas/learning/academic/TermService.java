package dev.kelas.learning.academic;

import dev.kelas.learning.common.ETags;
import dev.kelas.learning.common.Rows;
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

    /**
     * One term of the school.
     *
     * @throws NotFoundException if it is not in the caller's school
     */
    @WithSession
    public Uni<Term> getTerm(Caller caller, UUID termId) {
        return term(caller, termId);
    }

    /**
     * Renames or moves a term; a null field stays as it is.
     *
     * @param expectedVersion the version the client read ({@code If-Match}), or null to skip the check
     * @throws NotFoundException                                   if it is not in the caller's school
     * @throws dev.kelas.runtime.problem.PreconditionFailedException when it changed since that version
     * @throws ValidationException                                 if it would end before it starts
     */
    @WithTransaction
    public Uni<Term> updateTerm(Caller caller, UUID termId, String name, LocalDate startsOn, LocalDate endsOn,
                                Integer expectedVersion) {
        return term(caller, termId).map(term -> {
            ETags.require(expectedVersion, term.version, "term");
            LocalDate start = startsOn == null ? term.startsOn : startsOn;
            LocalDate end = endsOn == null ? term.endsOn : endsOn;
            if (!end.isAfter(start)) {
                throw new ValidationException("endsOn", "must be after startsOn");
            }
            term.name = name == null ? term.name : name.strip();
            term.startsOn = start;
            term.endsOn = end;
            term.version++;
            return term;
        });
    }

    /**
     * Deletes a term nothing uses yet (no class, no timetable slot) and that is not the active one.
     *
     * @throws NotFoundException if it is not in the caller's school
     * @throws ConflictException if it is the active term or classes or timetable slots use it
     */
    @WithTransaction
    public Uni<Void> deleteTerm(Caller caller, UUID termId) {
        return term(caller, termId).chain(term -> {
            if (term.active) {
                throw new ConflictException("The active term cannot be deleted; activate another first");
            }
            return Rows.count("select count(*) from school_class where term_id = ?1", termId)
                    .chain(classes -> Rows.count("select count(*) from schedule_slot where term_id = ?1", termId).map(s -> s + classes))
                    .chain(uses -> {
                        if (uses > 0) {
                            throw new ConflictException("Classes or timetable slots use this term; it cannot be deleted");
                        }
                        return term.delete();
                    });
        });
    }

    private static Uni<Term> term(Caller caller, UUID termId) {
        return Term.findInTenant(caller.tenantId(), termId).map(term -> {
            if (term == null) {
                throw new NotFoundException("term", termId);
            }
            return term;
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
