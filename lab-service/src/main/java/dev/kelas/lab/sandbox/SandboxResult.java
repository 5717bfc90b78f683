package dev.kelas.lab.sandbox;

/**
 * How a run ended.
 *
 * @param exitCode            the program's exit status; 128 + n when signal n killed it; -1 when the
 *                            sandbox killed it (wall clock or output limit)
 * @param wallTimeExceeded    killed at the wall-clock limit
 * @param cpuTimeExceeded     killed by RLIMIT_CPU (SIGXCPU or SIGKILL at the hard limit)
 * @param outputLimitExceeded killed because standard output passed the limit
 * @param stdout              standard output, at most the output limit, decoded as UTF-8
 * @param stderr              the first 64 KiB of standard error
 * @param wallMillis          wall-clock time of the run, milliseconds
 */
public record SandboxResult(int exitCode, boolean wallTimeExceeded, boolean cpuTimeExceeded, boolean outputLimitExceeded,
                            String stdout, String stderr, long wallMillis) {
}
