package dev.kelas.lab.task;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** One test of a task: input on stdin, the expected stdout, and the points it is worth. */
@Entity
@Table(name = "test_case")
public class TestCase extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID taskId;
    /** Position in the task, from 1; tests run and are reported in this order. */
    public int ordinal;
    /** The program's input; for a WEB task, the JavaScript check run against the page. */
    public String stdin;
    public String expectedStdout;
    /** A hidden test shows students its verdict and points, never its data. */
    public boolean hidden;
    public BigDecimal points;
    /** How the output is compared. */
    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    public dev.kelas.lab.grading.Checker checker;
    /** For FLOAT: the largest accepted absolute or relative difference. */
    public double tolerance;

    /** A task's tests in order. */
    public static Uni<List<TestCase>> listForTask(UUID taskId) {
        return list("taskId = ?1 order by ordinal", taskId);
    }
}
