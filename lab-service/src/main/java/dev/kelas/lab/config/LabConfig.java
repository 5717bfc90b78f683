package dev.kelas.lab.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Map;

/** lab-service settings ({@code kelas.lab.*}): graders, the sandbox and the languages it runs. */
@ConfigMapping(prefix = "kelas.lab")
public interface LabConfig {
    Grader grader();

    /** "Run": code run ungraded on the caller's own input, in its own lane of the graders. */
    Run run();

    /** Similarity checks (JPlag) across a task's submissions, in their own lane. */
    Similarity similarity();

    /** The REST API of this process. */
    Api api();

    /** The WEB lab: HTML, CSS and JavaScript pages graded by teachers' checks in headless chromium. */
    Web web();

    Sandbox sandbox();

    /** Languages by the key tasks and submissions name, e.g. {@code python}. */
    Map<String, Language> languages();

    /** The JDK the java language runs with (its {@code bin/javac} and {@code bin/java}). */
    String javaHome();

    /** Largest source file a student may submit, KiB. */
    @WithDefault("64")
    int maxSourceKib();

    /** Standard-output limit per test when a task does not set one, KiB. */
    @WithDefault("64")
    int defaultOutputKib();

    /** Process limit per run when a task does not set one. */
    @WithDefault("32")
    int defaultMaxProcesses();

    /** Limits of a compile step. */
    Compile compile();

    /** Limits of compile steps. */
    interface Compile {
        @WithDefault("10")
        int cpuSeconds();

        @WithDefault("30")
        double wallSeconds();

        /** Address space for the compiler, MiB (javac needs about 1.5 GiB of address space). */
        @WithDefault("2048")
        int memoryMib();

        @WithDefault("64")
        int maxProcesses();

        /** Largest file the compiler may write, KiB. */
        @WithDefault("65536")
        int fileSizeKib();
    }

    /** The REST API of this process. */
    interface Api {
        /**
         * Whether {@code /api/v1/lab/**} answers here. Grader-only replicas (Kubernetes) set it false and
         * answer those paths 404 NOT_FOUND; health and metrics stay up.
         */
        @WithDefault("true")
        boolean enabled();
    }

    /** Graders in this process. */
    interface Grader {
        /** Whether this process takes submissions from the shared {@code lab-graders} consumer. */
        @WithDefault("true")
        boolean enabled();

        /** Concurrent sandbox runs in this process. */
        @WithDefault("2")
        int concurrency();

        /** Attempts per submission before it ends FAILED / INTERNAL_ERROR and goes to the dead-letter subject. */
        @WithDefault("3")
        int maxDeliver();

        /**
         * How long JetStream waits for a grader's ack before handing the submission to another grader.
         * A live grader extends it every third of this; a killed one's work returns after it.
         */
        @WithDefault("PT30S")
        java.time.Duration ackWait();
    }

    /**
     * "Run" (ungraded runs on the caller's input). Runs take the same sandbox and the task's limits as
     * grading, but their own durable consumer {@code lab-runs} and their own sandbox slots, so neither
     * lane waits for the other. A process runs them when {@link Grader#enabled()} is true.
     */
    interface Run {
        /** Concurrent runs in this process, besides the grader's {@code concurrency} gradings. */
        @WithDefault("1")
        int concurrency();

        /** How long {@code POST .../runs} waits for the result before answering 202 with the run's id. */
        @io.smallrye.config.WithName("wait")
        @WithDefault("PT10S")
        java.time.Duration waitTime();

        /** Largest standard input a run may take, KiB. */
        @WithDefault("64")
        int maxStdinKib();

        /** Runs kept per user and task; older ones are deleted when a new one is asked for. */
        @WithDefault("20")
        int historySize();

        /** Attempts per run before it ends FAILED and goes to the dead-letter subject. */
        @WithDefault("2")
        int maxDeliver();

        /** How long JetStream waits for a runner's ack before handing the run to another process. */
        @WithDefault("PT30S")
        java.time.Duration ackWait();

        /**
         * GNU time, which reports the program's peak resident memory (KiB) from inside the sandbox; when it
         * is not installed, runs report no memory figure.
         */
        @WithDefault("/usr/bin/time")
        String timePath();
    }

    /**
     * Similarity checks: JPlag compares the latest submission of each student of a task, on the durable
     * consumer {@code lab-similarity-checks} (its own worker threads, no sandbox slot), apart from grading and
     * "Run". A check's memory grows with its submissions' tokens and time with the square of their number, so
     * {@link #maxSubmissions()} caps what one check compares.
     */
    interface Similarity {
        /** Whether this process runs checks from {@code lab-similarity-checks} (whether or not it grades). */
        @WithDefault("true")
        boolean enabled();

        /** Checks run at once in this process. */
        @WithDefault("1")
        int concurrency();

        /** Threshold (0..1, JPlag's average similarity) of a check that names none. */
        @WithDefault("0.5")
        double defaultThreshold();

        /**
         * Most submissions one check compares (the latest of each student); beyond it the students with the
         * most recent submissions are compared and the rest counted as omitted.
         */
        @WithDefault("200")
        int maxSubmissions();

        /** Most pairs one check keeps, the most similar first. */
        @WithDefault("500")
        int maxPairs();

        /** Attempts per check before it ends FAILED and goes to the dead-letter subject. */
        @WithDefault("2")
        int maxDeliver();

        /** How long JetStream waits for a checker's ack; a live checker extends it every third of this. */
        @WithDefault("PT60S")
        java.time.Duration ackWait();

        /** Directory under which each check writes its submissions for JPlag, deleted after the check. */
        @WithDefault("/tmp/kelas-similarity")
        String workRoot();
    }

    /**
     * The WEB lab ({@code language = "web"}): a submission's files load in Debian's headless chromium inside
     * the sandbox, network off, and each test of the task is a JavaScript check run against the page.
     * A WEB grading takes the task's limits per check, plus {@link #browserCpuSeconds()} and
     * {@link #browserWallSeconds()} once for starting the browser.
     */
    interface Web {
        /** Whether teachers may create WEB tasks and this process's graders grade them. */
        @WithDefault("true")
        boolean enabled();

        /**
         * The chromium binary itself. Debian's {@code /usr/bin/chromium} is a shell wrapper that reads
         * {@code /etc/chromium.d}, which the sandbox does not have, so the default is the binary it starts.
         */
        @WithDefault("/usr/lib/chromium/chromium")
        String chromiumPath();

        /** The Node.js binary that runs our harness ({@code web/harness.js}) and drives chromium over its DevTools pipe. */
        @WithDefault("/usr/bin/node")
        String nodePath();

        /** CPU seconds the browser gets once per grading on top of the checks' (chromium's start takes about 1 s). */
        @WithDefault("10")
        int browserCpuSeconds();

        /** Wall-clock seconds the browser gets once per grading on top of the checks'. */
        @WithDefault("15")
        int browserWallSeconds();
    }

    /** Where and how bubblewrap runs. */
    interface Sandbox {
        String bwrapPath();

        String setprivPath();

        String prlimitPath();

        /** Directory under which each run gets a fresh private work directory. */
        String workRoot();

        /** First of the uids runs use when the service runs as root: slot n runs as base + n. */
        int slotUidBase();

        /** Largest file a program may write, KiB. */
        @WithDefault("1024")
        int fileSizeKib();

        /** Size of the private /tmp of a run, MiB. */
        @WithDefault("16")
        int tmpfsMib();
    }

    /** How to build and run one language; commands may use {@code {memoryMib}}. */
    interface Language {
        /** Name the source is written to in the work directory, e.g. {@code main.py}. */
        String sourceFile();

        /** The compile command, run once per submission with a writable work directory; absent: none. */
        java.util.Optional<List<String>> compile();

        /** The run command, run per test in the work directory inside the sandbox. */
        List<String> run();

        /** Host paths the runtime needs, bound read-only (e.g. {@code /etc/java-17-openjdk}). */
        java.util.Optional<List<String>> readOnlyBinds();

        /** Extra address space for runtimes that reserve more than they use (JVM, V8), MiB. */
        @WithDefault("0")
        int memoryOverheadMib();

        /** Extra processes for the runtime's own threads. */
        @WithDefault("0")
        int processOverhead();
    }
}
