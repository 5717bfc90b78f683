package dev.kelas.lab.rest.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kelas.contracts.Verdict;
import dev.kelas.lab.domain.SubmissionStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A code submission with its verdict, score (points) and per-test results. The data of hidden
 * tests ({@code stdin}, {@code expectedStdout}, {@code stdout}) is never included.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubmissionResponse(UUID id, UUID taskId, UUID studentId, String language, SubmissionStatus status,
                                 Verdict verdict, BigDecimal score, BigDecimal maxScore, String error, String compileOutput,
                                 Instant createdAt, Instant gradedAt, List<TestView> tests) {

    /** One test's outcome; data fields are null (absent) for hidden tests. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TestView(int ordinal, boolean hidden, Verdict verdict, BigDecimal points, BigDecimal maxPoints,
                           Integer wallMillis, String stdin, String expectedStdout, String stdout) {
    }
}
