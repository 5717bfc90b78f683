package dev.kelas.lab.review.ai;

import dev.kelas.contracts.Verdict;
import dev.kelas.lab.review.Finding;
import dev.kelas.lab.review.ReviewService;
import dev.kelas.lab.review.TestFeedback;
import java.util.List;

/**
 * What Kelas sends an AI provider about one submission: the task statement, the student's code, the visible tests'
 * results and the offline reviewer's findings. Never a hidden test's input or expected output (the
 * {@link ReviewService.ReviewJob} does not carry them), never another student's code, and nothing about the student
 * but their code (no name, e-mail or id).
 *
 * @param system the instructions (the provider's system prompt)
 * @param user   the submission, as the user message
 */
public record Prompt(String system, String user) {
    /** The instructions every provider gets. */
    public static final String SYSTEM = """
            You review a student's program for a programming class. Explain, briefly and kindly, what is wrong and \
            how the student could find and fix it; point at lines. Do not write the corrected program or a full \
            solution. Use at most about 200 words.""";

    /** The prompt of one graded submission, with the offline reviewer's findings. */
    public static Prompt of(ReviewService.ReviewJob job, List<Finding> offlineFindings) {
        StringBuilder user = new StringBuilder();
        user.append("## Task\n").append(job.statement() == null ? "" : job.statement().strip()).append("\n\n");
        user.append("## Language\n").append(job.language()).append("\n\n");
        user.append("## The student's code\n```\n").append(job.sourceCode()).append(job.sourceCode().endsWith("\n") ? "" : "\n")
                .append("```\n\n");
        if (job.compileOutput() != null && !job.compileOutput().isBlank()) {
            user.append("## Compiler output\n```\n").append(job.compileOutput().strip()).append("\n```\n\n");
        }
        user.append("## Tests\n");
        for (TestFeedback.GradedTest test : job.tests()) {
            if (test.hidden()) {
                user.append("- Test ").append(test.ordinal()).append(" (hidden): ").append(test.verdict()).append('\n');
                continue;
            }
            user.append("- Test ").append(test.ordinal()).append(": ").append(test.verdict()).append('\n');
            if (test.verdict() != Verdict.ACCEPTED) {
                user.append("  input:\n").append(indent(test.stdin())).append("  expected output:\n").append(indent(test.expectedStdout()))
                        .append("  the program's output:\n").append(indent(test.actualStdout()));
            }
        }
        if (!offlineFindings.isEmpty()) {
            user.append("\n## Static analysis\n");
            for (Finding finding : offlineFindings) {
                if (finding.tool().equals("tests")) {
                    continue; // the tests are above
                }
                user.append("- ").append(finding.line() == null ? "" : "line " + finding.line() + ": ").append(finding.severity())
                        .append(' ').append(finding.tool()).append(": ").append(finding.message()).append('\n');
            }
        }
        return new Prompt(SYSTEM, user.toString());
    }

    private static String indent(String text) {
        StringBuilder out = new StringBuilder();
        text.lines().limit(40).forEach(line -> out.append("    ").append(line).append('\n'));
        return out.isEmpty() ? "    (empty)\n" : out.toString();
    }
}
