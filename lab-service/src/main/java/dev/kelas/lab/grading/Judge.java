package dev.kelas.lab.grading;

import dev.kelas.contracts.Verdict;
import dev.kelas.lab.sandbox.SandboxResult;
import java.util.List;

/** Turns sandbox runs into verdicts. */
public final class Judge {
    private Judge() {
    }

    /**
     * The verdict of one test run, checked in this order:
     * <ol>
     *   <li>standard output over the limit: OUTPUT_LIMIT_EXCEEDED;</li>
     *   <li>killed at the wall-clock or CPU limit: TIME_LIMIT_EXCEEDED;</li>
     *   <li>out of memory (Python's {@code MemoryError}, {@code std::bad_alloc}, "Cannot allocate memory",
     *       "out of memory" on stderr of a failed run): MEMORY_LIMIT_EXCEEDED;</li>
     *   <li>non-zero exit or killed by a signal: RUNTIME_ERROR;</li>
     *   <li>output equal to the expected output: ACCEPTED, else WRONG_ANSWER. Compared line by line
     *       after turning CRLF into LF, dropping white space at line ends and blank lines at the end
     *       ({@link Checker#EXACT}).</li>
     * </ol>
     */
    public static Verdict judge(SandboxResult result, String expectedStdout) {
        return judge(result, expectedStdout, Checker.EXACT, 0);
    }

    /**
     * The verdict of one test run with a checker: the same order as {@link #judge(SandboxResult, String)},
     * the last step done by {@link #matches}. For {@link Checker#PROGRAM} a clean run is ACCEPTED here
     * and the checker program has the last word.
     */
    public static Verdict judge(SandboxResult result, String expectedStdout, Checker checker, double tolerance) {
        if (result.outputLimitExceeded()) {
            return Verdict.OUTPUT_LIMIT_EXCEEDED;
        }
        if (result.wallTimeExceeded() || result.cpuTimeExceeded()) {
            return Verdict.TIME_LIMIT_EXCEEDED;
        }
        if (result.exitCode() != 0) {
            String stderr = result.stderr();
            if (stderr.contains("MemoryError") || stderr.contains("std::bad_alloc") || stderr.contains("OutOfMemoryError")
                    || stderr.contains("Cannot allocate memory") || stderr.contains("out of memory")
                    || stderr.contains("Could not reserve enough space")) {
                return Verdict.MEMORY_LIMIT_EXCEEDED;
            }
            return Verdict.RUNTIME_ERROR;
        }
        if (checker == Checker.PROGRAM) {
            return Verdict.ACCEPTED;
        }
        return matches(checker, tolerance, result.stdout(), expectedStdout) ? Verdict.ACCEPTED : Verdict.WRONG_ANSWER;
    }

    /**
     * Whether the output passes a built-in checker ({@link Checker#EXACT}, {@link Checker#WHITESPACE},
     * {@link Checker#FLOAT}). FLOAT accepts two numbers a (actual) and e (expected) when
     * {@code |a - e| <= tolerance} or {@code |a - e| <= tolerance * |e|}, as Codeforces' and DOMjudge's
     * float checkers do; other tokens must be equal.
     *
     * @throws IllegalArgumentException for {@link Checker#PROGRAM}
     */
    public static boolean matches(Checker checker, double tolerance, String actual, String expected) {
        return switch (checker) {
            case EXACT -> normalise(actual).equals(normalise(expected));
            case WHITESPACE -> java.util.Arrays.equals(tokens(actual), tokens(expected));
            case FLOAT -> floatsMatch(tokens(actual), tokens(expected), tolerance);
            case PROGRAM -> throw new IllegalArgumentException("A checker program decides PROGRAM tests");
        };
    }

    private static String[] tokens(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() ? new String[0] : trimmed.split("\\s+");
    }

    private static boolean floatsMatch(String[] actual, String[] expected, double tolerance) {
        if (actual.length != expected.length) {
            return false;
        }
        for (int i = 0; i < actual.length; i++) {
            if (actual[i].equals(expected[i])) {
                continue;
            }
            try {
                double a = Double.parseDouble(actual[i]);
                double e = Double.parseDouble(expected[i]);
                double difference = Math.abs(a - e);
                if (Double.isNaN(difference) || (difference > tolerance && difference > tolerance * Math.abs(e))) {
                    return false;
                }
            } catch (NumberFormatException notNumbers) {
                return false;
            }
        }
        return true;
    }

    /**
     * The verdict of a whole submission: ACCEPTED if every test is, else the verdict of the first
     * test, in test order, that is not (the ICPC convention).
     *
     * @throws IllegalArgumentException if there are no tests
     */
    public static Verdict overall(List<Verdict> perTest) {
        if (perTest.isEmpty()) {
            throw new IllegalArgumentException("A submission is judged on at least one test");
        }
        return perTest.stream().filter(v -> v != Verdict.ACCEPTED).findFirst().orElse(Verdict.ACCEPTED);
    }

    static String normalise(String output) {
        String[] lines = output.replace("\r\n", "\n").split("\n", -1);
        StringBuilder normalised = new StringBuilder();
        for (String line : lines) {
            normalised.append(line.stripTrailing()).append('\n');
        }
        return normalised.toString().replaceAll("\\n+$", "");
    }
}
