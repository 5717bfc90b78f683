package dev.kelas.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real S3-compatible server of a test run's own: Ceph's radosgw on a one-mon, one-OSD (memstore) cluster
 * on free loopback ports, started and stopped by the repository's {@code scripts/s3_server.sh} (found by
 * walking up from the working directory, or named by {@code KELAS_S3_SERVER_SCRIPT}). Needs the Debian
 * packages radosgw, ceph-mon and ceph-osd, which {@code ./kelas setup} and {@code ./kelas test} install.
 * Not a fake: the same radosgw a Ceph cluster serves S3 with.
 */
public final class S3TestServer implements AutoCloseable {
    private final Path script;
    private final Path dir;
    private final Map<String, String> env;
    private Thread hook;

    private S3TestServer(Path script, Path dir, Map<String, String> env) {
        this.script = script;
        this.dir = dir;
        this.env = env;
    }

    /**
     * Starts a server (10-30 s) with one user; no bucket yet.
     *
     * @throws IllegalStateException when the script fails or takes more than 180 s (its log is in the message)
     */
    public static S3TestServer start() {
        try {
            Path script = script();
            Path dir = Files.createTempDirectory("kelas-test-s3");
            Path log = Files.createTempFile("kelas-test-s3", ".log");
            Process process = new ProcessBuilder(script.toString(), "start", dir.toString())
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start();
            boolean done = process.waitFor(180, TimeUnit.SECONDS);
            if (!done || process.exitValue() != 0) {
                process.destroyForcibly();
                new ProcessBuilder(script.toString(), "stop", dir.toString()).inheritIO().start().waitFor(30, TimeUnit.SECONDS);
                throw new IllegalStateException("scripts/s3_server.sh start failed: " + Files.readString(log));
            }
            Files.deleteIfExists(log);
            Map<String, String> env = new HashMap<>();
            for (String line : Files.readAllLines(dir.resolve("s3.env"))) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    env.put(line.substring(0, eq), line.substring(eq + 1));
                }
            }
            S3TestServer server = new S3TestServer(script, dir, env);
            // A test JVM that ends without close() (a failed start of Quarkus, a kill) still stops the daemons.
            server.hook = new Thread(server::stop, "s3-test-server-stop");
            Runtime.getRuntime().addShutdownHook(server.hook);
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("The S3 server did not start", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted starting the S3 server", e);
        }
    }

    /** Its endpoint, {@code http://127.0.0.1:<port>}. */
    public String endpoint() {
        return env.get("S3_ENDPOINT");
    }

    /** The signing region it accepts. */
    public String region() {
        return env.get("S3_REGION");
    }

    /** The test user's access key id. */
    public String accessKey() {
        return env.get("S3_ACCESS_KEY");
    }

    /** The test user's secret key. */
    public String secretKey() {
        return env.get("S3_SECRET_KEY");
    }

    /** Stops the daemons and deletes the cluster's directory (up to 30 s). */
    @Override
    public void close() {
        if (hook != null) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException shuttingDown) {
                // the hook runs anyway
            }
        }
        stop();
    }

    private void stop() {
        try {
            new ProcessBuilder(script.toString(), "stop", dir.toString()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor(30, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Path script() {
        String named = System.getenv("KELAS_S3_SERVER_SCRIPT");
        if (named != null && !named.isBlank()) {
            return Path.of(named);
        }
        for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
            Path candidate = at.resolve("scripts/s3_server.sh");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("scripts/s3_server.sh not found above " + Path.of("").toAbsolutePath()
                + "; set KELAS_S3_SERVER_SCRIPT");
    }
}
