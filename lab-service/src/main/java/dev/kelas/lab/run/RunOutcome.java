package dev.kelas.lab.run;

import dev.kelas.contracts.Verdict;

/**
 * How one run ended, as the runner saw it.
 *
 * @param verdict    null when the program ended by itself within the limits, else the limit or failure
 *                   ({@link LabRun#verdict})
 * @param exitCode   exit status (128 + n for signal n, -1 when the sandbox killed it), or the compiler's
 * @param stdout     standard output, at most the task's output limit
 * @param stderr     standard error (the first 64 KiB), or the compiler's messages
 * @param wallMillis wall-clock time, milliseconds
 * @param memoryKib  peak resident memory, KiB, or null when it could not be measured
 */
public record RunOutcome(Verdict verdict, int exitCode, String stdout, String stderr, long wallMillis, Integer memoryKib) {
}
