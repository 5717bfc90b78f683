package dev.kelas.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A nats-server with JetStream of a test run's own: on a free loopback port, its store in a temporary
 * directory, never the shared server on 4222. Binary from {@code KELAS_NATS_SERVER} (default
 * {@code /usr/sbin/nats-server}).
 */
public final class PrivateNats implements AutoCloseable {
    private volatile Process process;
    private final int port;
    private final Path store;
    private final Path log;

    private PrivateNats(Process process, int port, Path store, Path log) {
        this.process = process;
        this.port = port;
        this.store = store;
        this.log = log;
    }

    /** Starts a server with its log in the store directory; returns once it listens (15 s at most). */
    public static PrivateNats start() {
        return start(null);
    }

    /**
     * Starts a server; {@code log} receives its output (null: {@code nats.log} in its store directory).
     *
     * @throws IllegalStateException when it does not listen within 15 s
     */
    public static PrivateNats start(Path log) {
        try {
            int port = Ports.freePort();
            Path store = Files.createTempDirectory("kelas-test-nats");
            Path logFile = log == null ? store.resolve("nats.log") : log;
            PrivateNats nats = new PrivateNats(launch(port, store, logFile), port, store, logFile);
            try {
                Ports.awaitPort(port, Duration.ofSeconds(15));
            } catch (RuntimeException e) {
                nats.close();
                throw e;
            }
            return nats;
        } catch (IOException e) {
            throw new UncheckedIOException("nats-server did not start", e);
        }
    }

    private static Process launch(int port, Path store, Path log) throws IOException {
        return new ProcessBuilder(Ports.env("KELAS_NATS_SERVER", "/usr/sbin/nats-server"), "-a", "127.0.0.1",
                "-p", String.valueOf(port), "-js", "-sd", store.toString())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
    }

    /**
     * Stops the server, SIGKILL when {@code kill} else SIGTERM (a clean shut-down), keeps it down for {@code down},
     * and starts it again on the same port with the same store; returns once it listens.
     *
     * @throws IllegalStateException when it does not listen again within 15 s
     */
    public synchronized void restart(boolean kill, Duration down) {
        stop(kill);
        try {
            Thread.sleep(down.toMillis());
            process = launch(port, store, log);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while restarting nats-server", e);
        } catch (IOException e) {
            throw new UncheckedIOException("nats-server did not start again", e);
        }
        Ports.awaitPort(port, Duration.ofSeconds(15));
    }

    private void stop(boolean kill) {
        if (kill) {
            process.destroyForcibly();
        } else {
            process.destroy();
        }
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** Its port. */
    public int port() {
        return port;
    }

    /** Its URL, {@code nats://127.0.0.1:<port>}. */
    public String url() {
        return "nats://127.0.0.1:" + port;
    }

    /** Stops the server (waits up to 10 s) and deletes its store. */
    @Override
    public void close() {
        stop(false);
        try (var files = Files.walk(store)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
