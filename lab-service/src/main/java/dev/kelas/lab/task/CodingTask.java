package dev.kelas.lab.task;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A programming exercise attached to a CODING assignment, with its limits; tests are {@link TestCase}s. */
@Entity
@Table(name = "coding_task")
public class CodingTask extends PanacheEntityBase {
    @Id
    public UUID id;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "class_id")
    public UUID classId;
    @Column(name = "assignment_id")
    public UUID assignmentId;
    /** The class's teacher, who may see every submission. */
    @Column(name = "teacher_id")
    public UUID teacherId;
    public String title;
    /** Key of {@code kelas.lab.languages}, e.g. {@code python}. */
    public String language;
    public String statement;
    /** CPU time limit per test, seconds. */
    @Column(name = "cpu_seconds")
    public int cpuSeconds;
    /** Wall-clock limit per test, seconds. */
    @Column(name = "wall_seconds")
    public BigDecimal wallSeconds;
    /** Address-space limit, MiB. */
    @Column(name = "memory_mib")
    public int memoryMib;
    /** Standard-output limit per test, KiB. */
    @Column(name = "output_kib")
    public int outputKib;
    /** Most processes (and threads) the program may have at once. */
    @Column(name = "max_processes")
    public int maxProcesses;
    /** A Python checker program for PROGRAM tests, or null. */
    @Column(name = "checker_source")
    public String checkerSource;
    /** Largest accepted source for this task, KiB; null: {@code kelas.lab.max-source-kib}. */
    @Column(name = "max_source_kib")
    public Integer maxSourceKib;
    @Column(name = "created_by")
    public UUID createdBy;
    @Column(name = "created_at")
    public Instant createdAt;

    /** The task with this id in this tenant, or null. */
    public static Uni<CodingTask> findInTenant(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResult();
    }
}
