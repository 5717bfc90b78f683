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
    private final Process process;
    private final int port;
    private final Path store;

    private PrivateNats(Process process, int port, Path store) {
        this.process = process;
        this.port = port;
        this.store = store;
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
            Process process = new ProcessBuilder(Ports.env("KELAS_NATS_SERVER", "/usr/sbin/nats-server"), "-a", "127.0.0.1",
                    "-p", String.valueOf(port), "-js", "-sd", store.toString())
                    .redirectErrorStream(true).redirectOutput((log == null ? store.resolve("nats.log") : log).toFile()).start();
            PrivateNats nats = new PrivateNats(process, port, store);
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
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        try (var files = Files.walk(store)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory left behind is harmless
        }
    }
}
