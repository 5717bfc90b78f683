package dev.kelas.lab.task.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * A coding task for a CODING assignment of a class the teacher teaches.
 *
 * @param language a key of {@code kelas.lab.languages}, e.g. {@code python}, or {@code web} for a WEB task (HTML, CSS
 *                 and JavaScript files graded in headless chromium; each test is then a JavaScript check)
 * @param tests         1 to 50 tests, run in this order
 * @param checkerSource a Python checker program, required when a test uses the PROGRAM checker: it runs as
 *                      {@code checker.py input.txt output.txt expected.txt} and exits 0 to accept, 1 to reject
 * @param maxSourceKib  optional source size limit, 1 to 1024 KiB (default {@code kelas.lab.max-source-kib})
 * @param starterCode   optional code in the task's language that the student's editor starts with, 64 KiB at most
 * @param validateHtml  for a WEB task: check each submitted HTML file with the W3C Nu Html Checker and show its
 *                      messages with the verdict (they do not change the score); default false
 */
public record CreateTaskRequest(@NotBlank @Size(max = 200) String title,
                                @NotBlank @Size(max = 40) String language,
                                @NotNull @Size(max = 20_000) String statement,
                                @NotNull UUID assignmentId,
                                @NotNull UUID classId,
                                @NotNull @Valid Limits limits,
                                @NotEmpty @Size(max = 50) List<@NotNull @Valid TestCaseRequest> tests,
                                @Size(max = 100_000) String checkerSource,
                                @Min(1) @Max(1024) Integer maxSourceKib,
                                @Size(max = 65_536) String starterCode,
                                Boolean validateHtml) {

    /**
     * Limits per test run.
     *
     * @param cpuSeconds   CPU time, 1 to 30 seconds
     * @param wallSeconds  wall-clock time, 0.5 to 60 seconds
     * @param memoryMib    address space, 16 to 2048 MiB
     * @param outputKib    optional standard-output limit, 1 to 1024 KiB (default {@code kelas.lab.default-output-kib})
     * @param maxProcesses optional process limit, 1 to 256 (default {@code kelas.lab.default-max-processes})
     */
    public record Limits(@NotNull @Min(1) @Max(30) Integer cpuSeconds,
                         @NotNull @DecimalMin("0.5") @DecimalMax("60") BigDecimal wallSeconds,
                         @NotNull @Min(16) @Max(2048) Integer memoryMib,
                         @Min(1) @Max(1024) Integer outputKib,
                         @Min(1) @Max(256) Integer maxProcesses) {
    }

    /**
     * One test: input, expected output, points and how output is compared; for a WEB task, a JavaScript check.
     *
     * @param stdin          the program's input (empty when absent)
     * @param expectedStdout the expected output (empty when absent)
     * @param script         for a WEB task: the body of an async JavaScript function run against the loaded page,
     *                       with {@code assert(condition, message)} and {@code consoleErrors} (the page's console
     *                       errors so far) in scope; it passes unless it throws. Ignored for other tasks.
     * @param hidden    students see a hidden test's verdict and points, never its data
     * @param checker   EXACT (default: line by line, trailing white space ignored), WHITESPACE, FLOAT or PROGRAM
     * @param tolerance for FLOAT: largest accepted absolute or relative difference (default 1e-6)
     */
    public record TestCaseRequest(@Size(max = 1_000_000) String stdin,
                                  @Size(max = 1_000_000) String expectedStdout,
                                  boolean hidden,
                                  @NotNull @DecimalMin("0") @DecimalMax("10000") BigDecimal points,
                                  dev.kelas.lab.grading.Checker checker,
                                  @jakarta.validation.constraints.PositiveOrZero Double tolerance,
                                  @Size(max = 100_000) String script) {
    }
}
