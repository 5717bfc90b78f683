package dev.kelas.lab.sandbox;

import java.nio.file.Path;

/**
 * Where the sandbox's tools are and where runs get their private directories.
 *
 * @param workRoot    parent of the per-run work directories
 * @param slotUidBase when the JVM runs as root, run slot n runs as uid {@code slotUidBase + n}
 */
public record SandboxSettings(String bwrapPath, String setprivPath, String prlimitPath, Path workRoot, int slotUidBase) {

    /** The Debian paths, {@code /tmp/kelas-sandbox} and uids from 61000. */
    public static SandboxSettings defaults() {
        return new SandboxSettings("/usr/bin/bwrap", "/usr/bin/setpriv", "/usr/bin/prlimit", Path.of("/tmp/kelas-sandbox"), 61000);
    }

    /** util-linux's unshare, beside setpriv. */
    public String unsharePath() {
        return Path.of(setprivPath).resolveSibling("unshare").toString();
    }
}
