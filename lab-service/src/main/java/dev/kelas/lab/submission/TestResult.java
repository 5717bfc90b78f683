package dev.kelas.lab.submission;

import dev.kelas.contracts.Verdict;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** The outcome of one test of one submission. */
@Entity
@Table(name = "submission_test_result")
public class TestResult extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID submissionId;
    public int ordinal;
    @Enumerated(EnumType.STRING)
    public Verdict verdict;
    /** Points awarded: the test's points if accepted, else 0. */
    public BigDecimal points;
    public int wallMillis;
    /** The first KiB of what the program printed (never shown for hidden tests). */
    public String stdout;

    /** A submission's results in test order. */
    public static Uni<List<TestResult>> listForSubmission(UUID submissionId) {
        return list("submissionId = ?1 order by ordinal", submissionId);
    }
}
