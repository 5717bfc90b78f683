package dev.kelas.lab.sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Builds the bubblewrap command line a {@link Sandbox} run starts (namespaces, mounts, rlimits). */
final class BwrapCommand {
    private BwrapCommand() {
    }

    /**
     * The command line of one run: {@code setpriv} (parent-death signal), as root {@code unshare} and the
     * slot uid, then {@code bwrap} with its mounts and environment, then {@code prlimit} with the run's limits.
     *
     * @param root whether the JVM runs as root (then the run drops to the slot uid)
     */
    static List<String> of(SandboxSettings settings, SandboxRun run, Path workDir, int uid, boolean root) {
        SandboxLimits limits = run.limits();
        List<String> command = new ArrayList<>();
        int processes = limits.maxProcesses();
        // If the JVM dies (a grader killed mid-run), the kernel kills the run too: parent-death signal.
        command.addAll(List.of(settings.setprivPath(), "--pdeathsig", "KILL", "--"));
        if (root) {
            // unshare makes the outer bwrap the init of a PID namespace of its own: when it exits, the
            // kernel kills and reaps every process below it, so no zombie of the slot uid is left for a
            // host init that does not reap (a container's PID 1 often does not). --kill-child ends the
            // run when the JVM kills unshare at the wall-clock limit.
            command.addAll(List.of(settings.unsharePath(), "--fork", "--pid", "--kill-child", "--",
                    settings.setprivPath(), "--reuid=" + uid, "--regid=" + uid, "--clear-groups"));
        } else {
            processes += ownThreadCount();
        }
        command.addAll(List.of(settings.bwrapPath(),
                "--unshare-all", "--die-with-parent", "--new-session",
                "--hostname", "sandbox",
                "--ro-bind", "/usr", "/usr",
                "--symlink", "usr/lib", "/lib",
                "--symlink", "usr/lib64", "/lib64",
                "--symlink", "usr/bin", "/bin",
                "--symlink", "usr/sbin", "/sbin",
                "--proc", "/proc",
                "--dev", "/dev"));
        for (String path : run.readOnlyBinds()) {
            command.addAll(List.of("--ro-bind-try", path, path));
        }
        command.addAll(List.of(
                "--size", String.valueOf(limits.tmpfsMib() * 1024L * 1024L), "--tmpfs", "/tmp",
                run.writableWork() ? "--bind" : "--ro-bind", workDir.toString(), "/work",
                "--remount-ro", "/",
                "--chdir", "/work",
                "--clearenv",
                "--setenv", "PATH", "/usr/bin:/bin",
                "--setenv", "HOME", "/work",
                "--setenv", "LANG", "C.UTF-8",
                "--",
                settings.prlimitPath(),
                "--cpu=" + limits.cpuSeconds() + ":" + (limits.cpuSeconds() + 1),
                "--as=" + (long) limits.memoryMib() * 1024 * 1024,
                "--nproc=" + processes,
                "--fsize=" + (long) limits.fileSizeKib() * 1024,
                "--nofile=" + run.openFiles(),
                "--core=0",
                "--"));
        command.addAll(run.command());
        return command;
    }

    private static int ownThreadCount() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Threads:")) {
                    return Integer.parseInt(line.split("\\s+")[1]) + 16;
                }
            }
        } catch (IOException | RuntimeException e) {
            // fall through
        }
        return 256;
    }
}
