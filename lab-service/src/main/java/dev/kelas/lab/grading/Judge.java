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
     *       after turning CRLF into LF, dropping white space at line ends and blank lines at the end.</li>
     * </ol>
     */
    public static Verdict judge(SandboxResult result, String expectedStdout) {
        if (result.outputLimitExceeded()) {
            return Verdict.OUTPUT_LIMIT_EXCEEDED;
        }
        if (result.wallTimeExceeded() || result.cpuTimeExceeded()) {
            return Verdict.TIME_LIMIT_EXCEEDED;
        }
        if (result.exitCode() != 0) {
            String stderr = result.stderr();
            if (stderr.contains("MemoryError") || stderr.contains("std::bad_alloc")
                    || stderr.contains("Cannot allocate memory") || stderr.contains("out of memory")) {
                return Verdict.MEMORY_LIMIT_EXCEEDED;
            }
            return Verdict.RUNTIME_ERROR;
        }
        return normalise(result.stdout()).equals(normalise(expectedStdout)) ? Verdict.ACCEPTED : Verdict.WRONG_ANSWER;
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
