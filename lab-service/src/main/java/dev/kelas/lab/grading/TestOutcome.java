package dev.kelas.lab.grading;

import dev.kelas.contracts.Verdict;
import java.math.BigDecimal;

/**
 * The result of one test run.
 *
 * @param points        the test's points if accepted, else 0
 * @param wallMillis    wall-clock time of the run, milliseconds
 * @param stdoutExcerpt the first KiB the program printed
 */
public record TestOutcome(int ordinal, Verdict verdict, BigDecimal points, int wallMillis, String stdoutExcerpt) {
}
