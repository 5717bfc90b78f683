package dev.kelas.lab.submission;

import dev.kelas.contracts.Verdict;
import dev.kelas.runtime.persistence.TenantEntity;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A student's program for a task, and once graded its verdict and score. */
@Entity
@Table(name = "code_submission")
public class CodeSubmission extends TenantEntity {
    public UUID taskId;
    public UUID studentId;
    public String language;
    public String sourceCode;
    @Enumerated(EnumType.STRING)
    public SubmissionStatus status;
    @Enumerated(EnumType.STRING)
    public Verdict verdict;
    /** Points earned: the sum of the points of accepted tests. */
    public BigDecimal score;
    /** Points available: the sum of all tests' points. */
    public BigDecimal maxScore;
    /** Why grading failed, for FAILED submissions (shown to teachers, not the internals). */
    public String error;
    /** The compiler's messages (first 4000 characters) when compilation failed. */
    public String compileOutput;
    /** A WEB submission's HTML checker messages as JSON ({@code WebFiles.formatMessages}), when its task validates HTML. */
    public String htmlMessages;
    public Instant createdAt;
    /** When it last went to the graders: its creation, or the teacher's latest regrade. */
    public Instant queuedAt;
    public Instant startedAt;
    public Instant gradedAt;
    /** The {@link Regrade} that last sent it to the graders; null while it has had only its first grading. */
    public UUID regradeId;

    /** One page of a task's submissions, newest first, optionally of one student. */
    public static Uni<java.util.List<CodeSubmission>> history(UUID taskId, UUID studentId, int page, int size) {
        var query = studentId == null
                ? find("taskId = ?1", io.quarkus.panache.common.Sort.by("createdAt").descending(), taskId)
                : find("taskId = ?1 and studentId = ?2", io.quarkus.panache.common.Sort.by("createdAt").descending(), taskId, studentId);
        return query.page(io.quarkus.panache.common.Page.of(page, size)).list();
    }

    /** How many submissions a task has, optionally of one student. */
    public static Uni<Long> countHistory(UUID taskId, UUID studentId) {
        return studentId == null ? count("taskId = ?1", taskId) : count("taskId = ?1 and studentId = ?2", taskId, studentId);
    }

    /** The submission with this id in this tenant, or null. */
    public static Uni<CodeSubmission> findInTenant(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResult();
    }
}
