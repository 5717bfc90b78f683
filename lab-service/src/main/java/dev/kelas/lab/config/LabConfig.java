package dev.kelas.lab.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.List;
import java.util.Map;

/** lab-service settings ({@code kelas.lab.*}): graders, the sandbox and the languages it runs. */
@ConfigMapping(prefix = "kelas.lab")
public interface LabConfig {
    Grader grader();

    Sandbox sandbox();

    /** Languages by the key tasks and submissions name, e.g. {@code python}. */
    Map<String, Language> languages();

    /** Largest source file a student may submit, KiB. */
    @WithDefault("64")
    int maxSourceKib();

    /** Standard-output limit per test when a task does not set one, KiB. */
    @WithDefault("64")
    int defaultOutputKib();

    /** Process limit per run when a task does not set one. */
    @WithDefault("32")
    int defaultMaxProcesses();

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

    /** How to run one language. */
    interface Language {
        /** Name the source is written to in the work directory, e.g. {@code main.py}. */
        String sourceFile();

        /** The command line, run in the work directory inside the sandbox. */
        List<String> run();
    }
}
