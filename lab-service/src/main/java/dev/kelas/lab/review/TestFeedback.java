package dev.kelas.lab.review;

import dev.kelas.contracts.Verdict;
import dev.kelas.lab.review.Finding.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the graded tests say about a program, as findings of the tool {@code tests}: for each failed visible test
 * its verdict, the first line where the output differs from the expected output, and a hint for what the verdict
 * usually means; for hidden tests only how many failed with which verdict (never their input or output); for a
 * program that did not compile, the compiler's first message. Deterministic: the same grading gives the same
 * findings.
 */
public final class TestFeedback {
    /** Characters of an output line quoted in a finding. */
    static final int QUOTE_CHARS = 120;
    private static final Pattern COMPILER_LINE = Pattern.compile("^[^:\\n]+:(\\d+):(?:(\\d+):)?\\s*(?:error|fatal error)?:?\\s*(.*)$",
            Pattern.MULTILINE);

    private TestFeedback() {
    }

    /**
     * One graded test, as the review sees it.
     *
     * @param ordinal        1-based position of the test
     * @param hidden         whether the student may see its input and output
     * @param verdict        its verdict
     * @param stdin          its input
     * @param expectedStdout the output the task expects
     * @param actualStdout   what the program wrote (the first KiB the grader kept)
     */
    public record GradedTest(int ordinal, boolean hidden, Verdict verdict, String stdin, String expectedStdout, String actualStdout) {
    }

    /**
     * The findings of one grading.
     *
     * @param tests         the graded tests in order
     * @param compileOutput the compiler's messages when compilation failed, else null
     * @param cpuSeconds    the task's CPU limit per test, seconds
     * @param memoryMib     the task's memory limit, MiB
     */
    public static List<Finding> of(List<GradedTest> tests, String compileOutput, int cpuSeconds, int memoryMib) {
        List<Finding> findings = new ArrayList<>();
        if (compileOutput != null && !compileOutput.isBlank()) {
            findings.add(compileFinding(compileOutput));
            return findings;
        }
        Map<Verdict, Integer> hiddenFailures = new TreeMap<>();
        int passed = 0;
        for (GradedTest test : tests) {
            if (test.verdict() == Verdict.ACCEPTED) {
                passed++;
            } else if (test.hidden()) {
                hiddenFailures.merge(test.verdict(), 1, Integer::sum);
            } else {
                findings.add(new Finding(null, null, severity(test.verdict()), visibleFailure(test, cpuSeconds, memoryMib), "tests",
                        test.verdict().name()));
            }
        }
        if (!hiddenFailures.isEmpty()) {
            StringBuilder message = new StringBuilder();
            hiddenFailures.forEach((verdict, count) -> message.append(message.isEmpty() ? "" : ", ").append(count).append(' ')
                    .append(count == 1 ? "hidden test" : "hidden tests").append(' ').append(describe(verdict)));
            message.append(". Hidden tests try cases the visible ones do not show: think of edge cases (empty input, one item, "
                    + "the largest sizes, negative numbers).");
            findings.add(new Finding(null, null, Severity.WARNING, message.toString(), "tests", null));
        }
        if (passed == tests.size() && !tests.isEmpty()) {
            findings.add(new Finding(null, null, Severity.INFO, "All " + tests.size() + " tests passed.", "tests", null));
        }
        return findings;
    }

    private static Finding compileFinding(String compileOutput) {
        Matcher m = COMPILER_LINE.matcher(compileOutput);
        String first = compileOutput.strip().lines().findFirst().orElse("");
        Integer line = null;
        Integer column = null;
        while (m.find()) {
            if (m.group(0).contains("error")) {
                line = Integer.valueOf(m.group(1));
                column = m.group(2) == null ? null : Integer.valueOf(m.group(2));
                first = m.group(0).strip();
                break;
            }
        }
        return new Finding(line, column, Severity.ERROR, "The program did not compile: " + quote(first), "tests",
                Verdict.COMPILATION_ERROR.name());
    }

    private static String visibleFailure(GradedTest test, int cpuSeconds, int memoryMib) {
        String head = "Test " + test.ordinal() + " " + describe(test.verdict());
        String input = inputSize(test.stdin());
        return switch (test.verdict()) {
            case WRONG_ANSWER -> head + ": " + firstDifference(test.expectedStdout(), test.actualStdout());
            case TIME_LIMIT_EXCEEDED -> head + " (" + cpuSeconds + " s of CPU) on an input of " + input
                    + ": the program may loop forever, wait for input that never comes, or need a faster algorithm for inputs this size.";
            case MEMORY_LIMIT_EXCEEDED -> head + " (" + memoryMib + " MiB) on an input of " + input
                    + ": look for data that grows without end, or recursion deeper than the input needs.";
            case RUNTIME_ERROR -> head + " on an input of " + input
                    + ": it exited with an error or was killed. Run it with this test's input to see its error output.";
            case OUTPUT_LIMIT_EXCEEDED -> head + ": it wrote more than the task allows; a print inside a loop that does not end?";
            default -> head + ".";
        };
    }

    /**
     * Where two outputs first differ, line by line, in words: the line number and both lines quoted, or which one
     * ended first; outputs that differ only in trailing whitespace are said to.
     */
    static String firstDifference(String expected, String actual) {
        String[] want = expected.split("\n", -1);
        String[] got = actual.split("\n", -1);
        if (expected.strip().equals(actual.strip()) || stripLines(want).equals(stripLines(got))) {
            return "the output differs only in whitespace (trailing spaces, or blank lines at the end).";
        }
        int lines = Math.min(want.length, got.length);
        for (int i = 0; i < lines; i++) {
            if (!want[i].stripTrailing().equals(got[i].stripTrailing())) {
                return "line " + (i + 1) + " of the output is " + quote(got[i]) + " where " + quote(want[i]) + " was expected.";
            }
        }
        return got.length < want.length
                ? "the output ends after " + nonEmpty(got) + " lines; " + nonEmpty(want) + " were expected."
                : "the output has more lines than the " + nonEmpty(want) + " expected, starting with " + quote(got[want.length]) + ".";
    }

    private static List<String> stripLines(String[] lines) {
        List<String> stripped = new ArrayList<>();
        for (String line : lines) {
            stripped.add(line.strip());
        }
        while (!stripped.isEmpty() && stripped.get(stripped.size() - 1).isEmpty()) {
            stripped.remove(stripped.size() - 1);
        }
        return stripped;
    }

    private static int nonEmpty(String[] lines) {
        int count = lines.length;
        while (count > 0 && lines[count - 1].isEmpty()) {
            count--;
        }
        return count;
    }

    private static String inputSize(String stdin) {
        long lines = stdin.isEmpty() ? 0 : stdin.lines().count();
        return lines + (lines == 1 ? " line" : " lines") + " (" + stdin.length() + " characters)";
    }

    private static String describe(Verdict verdict) {
        return switch (verdict) {
            case WRONG_ANSWER -> "gave a wrong answer";
            case TIME_LIMIT_EXCEEDED -> "ran past the time limit";
            case MEMORY_LIMIT_EXCEEDED -> "ran out of memory";
            case RUNTIME_ERROR -> "crashed";
            case OUTPUT_LIMIT_EXCEEDED -> "wrote too much output";
            case COMPILATION_ERROR -> "did not compile";
            case INTERNAL_ERROR -> "could not be judged (a grader fault, not yours)";
            case ACCEPTED -> "passed";
        };
    }

    private static Severity severity(Verdict verdict) {
        return verdict == Verdict.INTERNAL_ERROR ? Severity.INFO : Severity.ERROR;
    }

    private static String quote(String text) {
        String line = text.length() > QUOTE_CHARS ? text.substring(0, QUOTE_CHARS) + "…" : text;
        return "\"" + line + "\"";
    }
}
