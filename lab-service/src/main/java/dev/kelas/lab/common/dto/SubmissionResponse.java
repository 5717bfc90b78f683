package dev.kelas.lab.common.dto;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.kelas.contracts.Verdict;
import dev.kelas.lab.submission.SubmissionService;
import dev.kelas.lab.submission.SubmissionStatus;
import dev.kelas.lab.submission.TestResult;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A code submission with its verdict, score (points) and per-test results. The data of hidden
 * tests ({@code stdin}, {@code expectedStdout}, {@code stdout}) is never included. {@code htmlMessages}: a WEB
 * submission's HTML checker messages when its task validates HTML (absent otherwise; empty when valid).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubmissionResponse(UUID id, UUID taskId, UUID studentId, String language, SubmissionStatus status,
                                 Verdict verdict, BigDecimal score, BigDecimal maxScore, String error, String compileOutput,
                                 Instant createdAt, Instant gradedAt, List<TestView> tests,
                                 List<dev.kelas.lab.grading.HtmlValidator.HtmlMessage> htmlMessages) {

    /** One test's outcome; data fields are null (absent) for hidden tests. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record TestView(int ordinal, boolean hidden, Verdict verdict, BigDecimal points, BigDecimal maxPoints,
                           Integer wallMillis, String stdin, String expectedStdout, String stdout) {
    }

    /** Maps a submission to its API form, leaving out every hidden test's data. */
    public static SubmissionResponse of(SubmissionService.SubmissionView view) {
        Map<Integer, TestResult> results = view.results().stream()
                .collect(Collectors.toMap(r -> r.ordinal, Function.identity()));
        var tests = view.tests().stream().map(test -> {
            TestResult result = results.get(test.ordinal);
            boolean shown = !test.hidden;
            return new TestView(test.ordinal, test.hidden, result == null ? null : result.verdict,
                    result == null ? null : result.points, test.points, result == null ? null : result.wallMillis,
                    shown ? test.stdin : null, shown ? test.expectedStdout : null,
                    shown && result != null ? result.stdout : null);
        }).toList();
        var s = view.submission();
        return new SubmissionResponse(s.id, s.taskId, s.studentId, s.language, s.status, s.verdict, s.score, s.maxScore,
                s.error, s.compileOutput, s.createdAt, s.gradedAt, tests, dev.kelas.lab.grading.WebFiles.parseMessages(s.htmlMessages));
    }
}
