package dev.kelas.lab.sandbox;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs untrusted programs under bubblewrap.
 *
 * <p>Each run gets: new user, PID, IPC, UTS, cgroup and network namespaces ({@code --unshare-all}:
 * the network is an isolated loopback, so the services' ports are unreachable); a read-only
 * {@code /usr} and nothing of {@code /etc}, {@code /home}, {@code /root} or the services' files;
 * a fresh private {@code /work}, writable only for a compile step, and a size-capped {@code /tmp}
 * for the program's writes, the rest of the tree read-only (so a program cannot fill the host's
 * disk); an empty environment;
 * rlimits set by {@code prlimit} (CPU seconds, address space, processes, file size, no core dumps);
 * a wall-clock kill; and standard output capped while it is read.
 *
 * <p>When the JVM runs as root, every run first drops to its own unprivileged "slot" uid with
 * {@code setpriv}, because the kernel does not enforce RLIMIT_NPROC for root: a fork bomb would
 * not be contained. Each concurrent run uses its own slot, so the process limit is per run. Not as
 * root, bubblewrap maps the service's own uid into the user namespace and the process limit counts
 * the service's processes too, so it is raised by the JVM's current thread count.
 *
 * <p>Killing the {@code bwrap} process ends the run's PID namespace ({@code --die-with-parent}), so
 * every process of the run dies with it; as root, any process still owned by the slot uid is killed
 * as well. The work directory is deleted after every run.
 */
public class Sandbox {
    private static final int STDERR_LIMIT_BYTES = 64 * 1024;
    private static final boolean ROOT = "root".equals(System.getProperty("user.name"));

    private final SandboxSettings settings;

    public Sandbox(SandboxSettings settings) {
        this.settings = settings;
    }

    /**
     * Whether the tools the sandbox needs are present.
     *
     * @return null when ready, else what is missing
     */
    public String missingPrerequisite() {
        for (String tool : ROOT ? List.of(settings.bwrapPath(), settings.prlimitPath(), settings.setprivPath(), settings.unsharePath())
                : List.of(settings.bwrapPath(), settings.prlimitPath())) {
            if (!Files.isExecutable(Path.of(tool))) {
                return tool + " is missing (Debian packages bubblewrap and util-linux)";
            }
        }
        return null;
    }

    /**
     * Runs one program in a fresh work directory and removes it afterwards. Blocking: call it on a
     * worker thread.
     *
     * @param slot which concurrent run this is, 0-based; selects the run's uid when root
     * @throws IOException if the work directory or the process cannot be set up
     */
    public SandboxResult run(SandboxRun run, int slot) throws IOException, InterruptedException {
        try (Workspace workspace = open(slot)) {
            run.files().forEach(workspace::write);
            return workspace.execute(run);
        }
    }

    /**
     * Opens a work directory for several runs in a row (compile, then each test). Closing it kills
     * whatever is left of the slot's processes and deletes the directory.
     *
     * @throws IOException if the directory cannot be created
     */
    public Workspace open(int slot) throws IOException {
        int uid = settings.slotUidBase() + slot;
        return new Workspace(createWorkDir(uid), uid);
    }

    /** A run's private work directory, shared by the steps of one submission. */
    public final class Workspace implements AutoCloseable {
        private final Path dir;
        private final int uid;

        private Workspace(Path dir, int uid) {
            this.dir = dir;
            this.uid = uid;
        }

        /**
         * Writes a file the programs may read (not change).
         *
         * @throws IllegalArgumentException if the name contains a path
         * @throws java.io.UncheckedIOException if it cannot be written
         */
        public void write(String name, String content) {
            Path target = dir.resolve(name).normalize();
            if (!dir.equals(target.getParent())) {
                throw new IllegalArgumentException("File name must not contain a path: " + name);
            }
            try {
                Files.writeString(target, content, StandardCharsets.UTF_8);
                Files.setPosixFilePermissions(target, PosixFilePermissions.fromString("rw-r--r--"));
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        /** Removes a file written earlier (a checker's inputs, before the next test runs). */
        public void delete(String name) throws IOException {
            Files.deleteIfExists(dir.resolve(name));
        }

        /** Runs one command here; {@code run.files()} are written first. */
        public SandboxResult execute(SandboxRun run) throws IOException, InterruptedException {
            run.files().forEach(this::write);
            try {
                return Sandbox.this.execute(run, dir, uid);
            } finally {
                if (ROOT) {
                    killAllOf(uid);
                }
            }
        }

        @Override
        public void close() throws IOException, InterruptedException {
            if (ROOT) {
                killAllOf(uid);
            }
            deleteRecursively(dir);
        }
    }

    private SandboxResult execute(SandboxRun run, Path workDir, int uid) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(BwrapCommand.of(settings, run, workDir, uid, ROOT));
        builder.environment().clear(); // nothing of the service's environment reaches bwrap or the program
        builder.environment().put("PATH", "/usr/bin:/bin");
        long started = System.nanoTime();
        Process process = builder.start();
        int outputLimit = run.limits().outputKib() * 1024;
        CappedReader stdout = new CappedReader(process.getInputStream(), outputLimit, process);
        CappedReader stderr = new CappedReader(process.getErrorStream(), STDERR_LIMIT_BYTES, null);
        Thread stdinWriter = new Thread(() -> writeQuietly(process.getOutputStream(), run.stdin()), "sandbox-stdin");
        stdinWriter.setDaemon(true);
        stdout.start();
        stderr.start();
        stdinWriter.start();
        boolean finished = process.waitFor((long) (run.limits().wallSeconds() * 1000), TimeUnit.MILLISECONDS);
        if (!finished) {
            process.destroyForcibly();
            process.waitFor(5, TimeUnit.SECONDS);
        }
        long wallMillis = (System.nanoTime() - started) / 1_000_000;
        stdout.join(2000);
        stderr.join(2000);
        boolean outputExceeded = stdout.exceeded();
        int exit = finished && !outputExceeded ? process.exitValue() : -1;
        boolean cpuExceeded = exit == 128 + 24 /* SIGXCPU */ || (exit == 128 + 9 && wallMillis >= run.limits().cpuSeconds() * 1000L);
        return new SandboxResult(exit, !finished && !outputExceeded, cpuExceeded, outputExceeded, stdout.text(), stderr.text(),
                wallMillis);
    }

    private Path createWorkDir(int uid) throws IOException {
        Files.createDirectories(settings.workRoot());
        if (ROOT) {
            Files.setPosixFilePermissions(settings.workRoot(), PosixFilePermissions.fromString("rwx--x--x"));
        }
        Path dir = Files.createTempDirectory(settings.workRoot(), "run-");
        if (ROOT) {
            Files.setAttribute(dir, "unix:uid", uid);
            Files.setAttribute(dir, "unix:gid", uid);
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        return dir;
    }

    /**
     * Kills every process whose real uid is the slot's and waits (up to 5 seconds) until they are
     * gone: nothing of a run may outlive it.
     */
    static void killAllOf(int uid) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        List<ProcessHandle> left = processesOf(uid);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            left.forEach(ProcessHandle::destroyForcibly);
            Thread.sleep(20);
            left = processesOf(uid);
        }
    }

    private static List<ProcessHandle> processesOf(int uid) {
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            return entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> uidOf(p) == uid)
                    .flatMap(p -> ProcessHandle.of(Long.parseLong(p.getFileName().toString())).stream())
                    .toList();
        } catch (IOException e) {
            return List.of(); // /proc unreadable: the PID namespace teardown is still in force
        }
    }

    private static int uidOf(Path procEntry) {
        try {
            for (String line : Files.readAllLines(procEntry.resolve("status"))) {
                if (line.startsWith("Uid:")) {
                    return Integer.parseInt(line.split("\\s+")[1]);
                }
            }
        } catch (IOException | RuntimeException gone) {
            // the process ended meanwhile
        }
        return -1;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static void writeQuietly(OutputStream stdin, String text) {
        try (stdin) {
            if (text != null) {
                stdin.write(text.getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException closedEarly) {
            // the program exited without reading all its input
        }
    }
}
