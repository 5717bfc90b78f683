package dev.kelas.lab.sandbox;

/**
 * Limits of one sandboxed run.
 *
 * @param cpuSeconds   CPU time (RLIMIT_CPU), seconds
 * @param wallSeconds  wall-clock time before the whole run is killed, seconds
 * @param memoryMib    address space (RLIMIT_AS), MiB
 * @param outputKib    standard output kept before the run is killed as over the limit, KiB
 * @param maxProcesses processes and threads of the run's uid at once (RLIMIT_NPROC)
 * @param fileSizeKib  largest file the program may write (RLIMIT_FSIZE), KiB
 * @param tmpfsMib     size of the run's private /tmp, MiB
 */
public record SandboxLimits(int cpuSeconds, double wallSeconds, int memoryMib, int outputKib, int maxProcesses,
                            int fileSizeKib, int tmpfsMib) {
    public SandboxLimits {
        if (cpuSeconds <= 0 || wallSeconds <= 0 || memoryMib <= 0 || outputKib <= 0 || maxProcesses <= 0
                || fileSizeKib <= 0 || tmpfsMib <= 0) {
            throw new IllegalArgumentException("Every sandbox limit must be positive: " + this);
        }
    }
}
