package dev.kelas.lab.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kelas.contracts.Verdict;
import dev.kelas.lab.grading.Judge;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.AfterAll;

/** Real bubblewrap runs of real Python programs, hostile ones included. */
class SandboxTests {
    private static final SandboxLimits LIMITS = new SandboxLimits(1, 3, 256, 64, 32, 1024, 16);
    private static final int SLOT = 7;

    static Path workRoot;
    static Sandbox sandbox;
    static SandboxSettings settings;

    @BeforeAll
    static void setUp() throws IOException {
        // Under /tmp itself: every ancestor of the work root must be traversable by the run's uid.
        workRoot = Files.createTempDirectory(Path.of("/tmp"), "kelas-sandbox-test-");
        Files.setPosixFilePermissions(workRoot, java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x--x"));
        SandboxSettings defaults = SandboxSettings.defaults();
        settings = new SandboxSettings(defaults.bwrapPath(), defaults.setprivPath(), defaults.prlimitPath(),
                workRoot.resolve("runs"), 63000);
        sandbox = new Sandbox(settings);
        assertEquals(null, sandbox.missingPrerequisite(), "bubblewrap must be installed (./kelas up installs it)");
    }

    @AfterAll
    static void removeWorkRoot() throws IOException {
        try (Stream<Path> paths = Files.walk(workRoot)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static SandboxResult python(String source, String stdin) throws Exception {
        return sandbox.run(new SandboxRun(Map.of("main.py", source), List.of("/usr/bin/python3", "main.py"), stdin, LIMITS), SLOT);
    }

    @Test
    void shouldRunProgramWithStdinAndCaptureStdout() throws Exception {
        SandboxResult result = python("import sys\nprint(sys.stdin.read().upper(), end='')\n", "hello\n");
        assertEquals(0, result.exitCode());
        assertEquals("HELLO\n", result.stdout());
        assertEquals(Verdict.ACCEPTED, Judge.judge(result, "HELLO"));
        assertLeavesNothingBehind();
    }

    @Test
    void shouldReportCrashAsRuntimeError() throws Exception {
        SandboxResult result = python("raise ValueError('boom')\n", "");
        assertNotEquals(0, result.exitCode());
        assertTrue(result.stderr().contains("ValueError"), result.stderr());
        assertEquals(Verdict.RUNTIME_ERROR, Judge.judge(result, ""));
    }

    @Test
    void shouldStopEndlessLoopAtTheCpuLimit() throws Exception {
        SandboxResult result = python("while True:\n    pass\n", "");
        assertEquals(Verdict.TIME_LIMIT_EXCEEDED, Judge.judge(result, ""));
        assertTrue(result.wallMillis() < 5000, "took " + result.wallMillis() + " ms");
    }

    @Test
    void shouldKillSleeperAtTheWallLimit() throws Exception {
        SandboxResult result = python("import time\ntime.sleep(60)\n", "");
        assertTrue(result.wallTimeExceeded());
        assertEquals(Verdict.TIME_LIMIT_EXCEEDED, Judge.judge(result, ""));
        assertTrue(result.wallMillis() < 6000, "took " + result.wallMillis() + " ms");
        assertLeavesNothingBehind();
    }

    @Test
    void shouldRefuseHugeAllocation() throws Exception {
        SandboxResult result = python("x = bytearray(2 * 1024 ** 3)\nprint(len(x))\n", "");
        assertEquals(Verdict.MEMORY_LIMIT_EXCEEDED, Judge.judge(result, "2147483648"));
    }

    @Test
    void shouldContainForkBombAndLeaveNoProcess() throws Exception {
        SandboxResult result = python("import os\nwhile True:\n    try:\n        os.fork()\n    except OSError:\n        pass\n", "");
        Verdict verdict = Judge.judge(result, "");
        assertTrue(verdict == Verdict.TIME_LIMIT_EXCEEDED || verdict == Verdict.RUNTIME_ERROR, verdict.name());
        assertLeavesNothingBehind();
    }

    @Test
    void shouldKillChildThatOutlivesItsParent() throws Exception {
        SandboxResult result = python("""
                import os, time
                if os.fork() == 0:
                    os.setsid()
                    if os.fork() == 0:
                        time.sleep(60)
                    os._exit(0)
                print("parent done")
                """, "");
        assertEquals(0, result.exitCode());
        assertEquals("parent done\n", result.stdout());
        assertLeavesNothingBehind();
    }

    @Test
    void shouldCutOffEndlessOutput() throws Exception {
        SandboxResult result = python("while True:\n    print('x' * 1000)\n", "");
        assertTrue(result.outputLimitExceeded());
        assertTrue(result.stdout().length() <= LIMITS.outputKib() * 1024);
        assertEquals(Verdict.OUTPUT_LIMIT_EXCEEDED, Judge.judge(result, ""));
        assertLeavesNothingBehind();
    }

    @Test
    void shouldHaveNoNetwork() throws Exception {
        SandboxResult result = python("""
                import socket
                for port in (5432, 4222, 8081):
                    try:
                        socket.create_connection(("127.0.0.1", port), timeout=1)
                        print("open", port)
                    except OSError:
                        print("closed", port)
                """, "");
        assertEquals("closed 5432\nclosed 4222\nclosed 8081\n", result.stdout(), result.stderr());
    }

    @Test
    void shouldSeeNoHostFilesNorEnvironment() throws Exception {
        SandboxResult result = python("""
                import os
                print(sorted(os.listdir("/")))
                print(os.path.exists("/etc/shadow"), os.path.exists("/etc/passwd"), os.path.exists("/root"))
                print(sorted(os.environ))
                try:
                    print("pid1 env has PATH only:", open("/proc/1/environ").read().split("\\0")[:-1] in ([], ["PATH=/usr/bin:/bin"]))
                except OSError:
                    print("pid1 env has PATH only: True")
                """, "");
        String[] lines = result.stdout().split("\n");
        assertEquals("['bin', 'dev', 'lib', 'lib64', 'proc', 'sbin', 'tmp', 'usr', 'work']", lines[0], result.stderr());
        assertEquals("False False False", lines[1]);
        assertEquals("['HOME', 'LANG', 'PATH', 'PWD']", lines[2]);
        assertEquals("pid1 env has PATH only: True", lines[3]);
    }

    @Test
    void shouldNotWriteOutsideItsWorkDirectory() throws Exception {
        SandboxResult result = python("""
                for path in ("/usr/owned", "/owned", "/work/ok", "/tmp/ok"):
                    try:
                        open(path, "w").write("x")
                        print("wrote", path)
                    except OSError:
                        print("refused", path)
                """, "");
        assertEquals("refused /usr/owned\nrefused /owned\nrefused /work/ok\nwrote /tmp/ok\n", result.stdout(), result.stderr());
        assertFalse(Files.exists(Path.of("/usr/owned")));
        assertLeavesNothingBehind();
    }

    @Test
    void shouldLetOnlyACompileStepWriteItsWorkDirectory() throws Exception {
        try (Sandbox.Workspace workspace = sandbox.open(SLOT)) {
            SandboxResult compile = workspace.execute(new SandboxRun(Map.of("main.py", "open('built', 'w').write('ok')\n"),
                    List.of("/usr/bin/python3", "main.py"), "", LIMITS, List.of(), true));
            assertEquals(0, compile.exitCode(), compile.stderr());
            SandboxResult run = workspace.execute(new SandboxRun(Map.of("run.py", "print(open('built').read())\n"),
                    List.of("/usr/bin/python3", "run.py"), "", LIMITS));
            assertEquals("ok\n", run.stdout(), run.stderr());
        }
        assertLeavesNothingBehind();
    }

    @Test
    void shouldNotFillTheDisk() throws Exception {
        SandboxResult result = python("""
                written = 0
                for directory in ("/work", "/tmp"):
                    try:
                        for i in range(100000):
                            with open("%s/f%d" % (directory, i), "wb") as f:
                                f.write(b"x" * 1024 * 1024)
                            written += 1
                    except OSError:
                        pass
                print(written)
                """, "");
        assertEquals(0, result.exitCode(), result.stderr());
        int mib = Integer.parseInt(result.stdout().trim());
        assertTrue(mib <= LIMITS.tmpfsMib(), "wrote " + mib + " MiB");
        assertLeavesNothingBehind();
    }

    private static void assertLeavesNothingBehind() throws IOException {
        try (Stream<Path> runs = Files.list(settings.workRoot())) {
            assertEquals(List.of(), runs.toList(), "work directories left behind");
        }
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            long survivors = procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(p -> {
                        try {
                            return Files.readAllLines(p.resolve("status")).stream()
                                    .anyMatch(l -> l.startsWith("Uid:") && l.split("\\s+")[1].equals(String.valueOf(63000 + SLOT)));
                        } catch (IOException | RuntimeException gone) {
                            return false;
                        }
                    }).count();
            assertEquals(0, survivors, "processes of the run's uid survived it");
        }
    }
}
