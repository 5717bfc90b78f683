package dev.kelas.lab.sandbox;

import java.util.List;
import java.util.Map;

/**
 * One command to run in a fresh work directory: files written into it ({@code /work} inside), the
 * command line, the standard input, the limits and how the directory is mounted.
 *
 * @param readOnlyBinds host paths bound read-only at the same place (e.g. {@code /etc/java-17-openjdk})
 * @param writableWork  whether the program may write to {@code /work} (a compile step); otherwise it
 *                      is read-only and only the size-capped {@code /tmp} takes writes
 * @param openFiles     open file descriptors allowed (RLIMIT_NOFILE); 64 for programs, more for a browser
 */
public record SandboxRun(Map<String, String> files, List<String> command, String stdin, SandboxLimits limits,
                         List<String> readOnlyBinds, boolean writableWork, int openFiles) {

    /** A run allowed the programs' 64 open files. */
    public SandboxRun(Map<String, String> files, List<String> command, String stdin, SandboxLimits limits,
                      List<String> readOnlyBinds, boolean writableWork) {
        this(files, command, stdin, limits, readOnlyBinds, writableWork, 64);
    }

    /** A run with a read-only {@code /work} and no extra binds. */
    public SandboxRun(Map<String, String> files, List<String> command, String stdin, SandboxLimits limits) {
        this(files, command, stdin, limits, List.of(), false, 64);
    }
}
