package dev.kelas.lab.task;

import dev.kelas.runtime.persistence.TenantEntity;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A programming exercise attached to a CODING assignment, with its limits; tests are {@link TestCase}s. */
@Entity
@Table(name = "coding_task")
public class CodingTask extends TenantEntity {
    public UUID classId;
    public UUID assignmentId;
    /** The class's teacher, who may see every submission. */
    public UUID teacherId;
    public String title;
    /** Key of {@code kelas.lab.languages}, e.g. {@code python}. */
    public String language;
    public String statement;
    /** CPU time limit per test, seconds. */
    public int cpuSeconds;
    /** Wall-clock limit per test, seconds. */
    public BigDecimal wallSeconds;
    /** Address-space limit, MiB. */
    public int memoryMib;
    /** Standard-output limit per test, KiB. */
    public int outputKib;
    /** Most processes (and threads) the program may have at once. */
    public int maxProcesses;
    /** A Python checker program for PROGRAM tests, or null. */
    public String checkerSource;
    /** Largest accepted source for this task, KiB; null: {@code kelas.lab.max-source-kib}. */
    public Integer maxSourceKib;
    /** Code the student's editor starts with, in the task's language, or null. */
    public String starterCode;
    /** For a WEB task: whether the grader checks the HTML with the W3C Nu Html Checker (its messages are shown, not scored). */
    public boolean validateHtml;
    public UUID createdBy;
    public Instant createdAt;
    /** When the teacher deleted a task that had submissions: hidden from students, kept for the record. */
    public Instant archivedAt;

    /**
     * Archives the task instead of deleting it, because it has submissions: students no longer see it or
     * submit to it; its submissions and grades stay. Archiving twice keeps the first time.
     */
    public void archive(Instant now) {
        if (archivedAt == null) {
            archivedAt = now;
        }
    }

    /** A class's tasks in this tenant, oldest first; archived ones only if asked. */
    public static Uni<java.util.List<CodingTask>> listForClass(UUID tenantId, UUID classId, boolean withArchived) {
        return withArchived
                ? list("tenantId = ?1 and classId = ?2 order by createdAt, id", tenantId, classId)
                : list("tenantId = ?1 and classId = ?2 and archivedAt is null order by createdAt, id", tenantId, classId);
    }

    /** The task with this id in this tenant, or null. */
    public static Uni<CodingTask> findInTenant(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResult();
    }
}
