package dev.kelas.lab.task.dto;

import dev.kelas.lab.task.TaskCatalogService;
import dev.kelas.lab.task.TestCase;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One task as a student reads it: the statement as written and as sanitised HTML, the languages with their
 * starter code, the limits, and the visible tests' data. Hidden tests are only counted.
 *
 * @param statementHtml the Markdown statement rendered by commonmark and sanitised (no raw HTML, no scripts)
 * @param starterCode   language key to starter code; empty when the teacher gave none
 * @param progress      the calling student's progress; null for teachers
 */
public record TaskDetailResponse(UUID id, UUID classId, UUID assignmentId, String title, String statement,
                                 String statementHtml, List<String> languages, Map<String, String> starterCode,
                                 Limits limits, Integer maxSourceKib, BigDecimal maxScore, Integer maxAttempts,
                                 List<VisibleTest> visibleTests, int hiddenTestCount, Instant createdAt,
                                 Instant archivedAt, TaskSummaryResponse.ProgressResponse progress, boolean validateHtml) {

    /** Limits per test run: CPU seconds, wall-clock seconds, MiB of memory, KiB of output, processes. */
    public record Limits(int cpuSeconds, BigDecimal wallSeconds, int memoryMib, int outputKib, int maxProcesses) {
    }

    /**
     * A visible test: its position, input, expected output and points; for a WEB task, its JavaScript check in
     * {@code script} and no input or expected output.
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record VisibleTest(int ordinal, String stdin, String expectedStdout, BigDecimal points, String script) {
    }

    /** The response for a task view, with the statement already rendered to safe HTML. */
    public static TaskDetailResponse of(TaskCatalogService.TaskView view, String statementHtml) {
        var t = view.task();
        boolean web = dev.kelas.lab.grading.WebPageGrader.LANGUAGE.equals(t.language);
        List<VisibleTest> visible = view.tests().stream().filter(c -> !c.hidden)
                .map(c -> web ? new VisibleTest(c.ordinal, null, null, c.points, c.stdin)
                        : new VisibleTest(c.ordinal, c.stdin, c.expectedStdout, c.points, null)).toList();
        return new TaskDetailResponse(t.id, t.classId, t.assignmentId, t.title, t.statement, statementHtml,
                List.of(t.language), t.starterCode == null ? Map.of() : Map.of(t.language, t.starterCode),
                new Limits(t.cpuSeconds, t.wallSeconds, t.memoryMib, t.outputKib, t.maxProcesses), t.maxSourceKib,
                maxScore(view.tests()), view.maxAttempts(), visible, view.tests().size() - visible.size(), t.createdAt,
                t.archivedAt, TaskSummaryResponse.ProgressResponse.of(view.progress()), t.validateHtml);
    }

    /** The sum of the tests' points. */
    static BigDecimal maxScore(List<TestCase> tests) {
        return tests.stream().map(c -> c.points).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
