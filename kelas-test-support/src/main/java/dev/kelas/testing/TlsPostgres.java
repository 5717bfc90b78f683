package dev.kelas.testing;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A private PostgreSQL server of the machine's own binaries ({@code /usr/lib/postgresql/<newest>/bin}) on a free
 * loopback port that accepts only TLS connections ({@code hostssl} in pg_hba.conf; plain TCP is rejected). Its
 * server certificate is issued by a throw-away CA for {@code localhost} and {@code 127.0.0.1}, so a client
 * can verify it fully ({@link #caCertificate()}). The data directory belongs to the {@code postgres} user
 * (initdb refuses root). {@link #close()} stops the server and deletes everything.
 */
public final class TlsPostgres implements AutoCloseable {
    private final Path directory;
    private final Path bin;
    private final int port;
    private Process server;

    private TlsPostgres(Path directory, Path bin, int port) {
        this.directory = directory;
        this.bin = bin;
        this.port = port;
    }

    /**
     * Creates the CA, the server certificate and the cluster, starts the server and creates {@code database}.
     *
     * @param database the database to create (owner postgres, trust authentication over TLS)
     * @throws IllegalStateException when a step fails, with its output
     */
    public static TlsPostgres start(String database) throws IOException, InterruptedException {
        Path directory = Files.createTempDirectory("kelas-tls-postgres-");
        TlsPostgres postgres = new TlsPostgres(directory, newestBin(), Ports.freePort());
        try {
            postgres.init(database);
            return postgres;
        } catch (IOException | InterruptedException | RuntimeException e) {
            postgres.close();
            throw e;
        }
    }

    /** The server's port on 127.0.0.1. */
    public int port() {
        return port;
    }

    /** The PEM file of the CA that issued the server's certificate. */
    public Path caCertificate() {
        return directory.resolve("ca.crt");
    }

    /**
     * Runs one statement over TLS with psql and returns its unaligned output.
     *
     * @throws IllegalStateException when psql fails
     */
    public String sql(String database, String statement) throws IOException, InterruptedException {
        return run(List.of("psql", "host=127.0.0.1 port=" + port + " user=postgres dbname=" + database
                + " sslmode=verify-full sslrootcert=" + caCertificate(), "-v", "ON_ERROR_STOP=1", "-qtAc", statement)).trim();
    }

    private void init(String database) throws IOException, InterruptedException {
        run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Kelas test CA",
                "-keyout", directory.resolve("ca.key").toString(), "-out", caCertificate().toString()));
        Files.writeString(directory.resolve("san.ext"), "subjectAltName=DNS:localhost,IP:127.0.0.1\n");
        run(List.of("openssl", "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=localhost",
                "-keyout", directory.resolve("server.key").toString(), "-out", directory.resolve("server.csr").toString()));
        run(List.of("openssl", "x509", "-req", "-in", directory.resolve("server.csr").toString(), "-days", "2",
                "-CA", caCertificate().toString(), "-CAkey", directory.resolve("ca.key").toString(), "-CAcreateserial",
                "-extfile", directory.resolve("san.ext").toString(), "-out", directory.resolve("server.crt").toString()));
        Path data = directory.resolve("data");
        if ("root".equals(System.getProperty("user.name"))) {
            run(List.of("chown", "-R", "postgres", directory.toString()));
        }
        Files.setPosixFilePermissions(directory, java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x"));
        run(asPostgres(List.of(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "-A", "trust", "--no-sync")));
        run(asPostgres(List.of("chmod", "600", directory.resolve("server.key").toString())));
        run(asPostgres(List.of("sh", "-c", "printf 'local all all trust\\nhostssl all all 127.0.0.1/32 trust\\n"
                + "host all all 127.0.0.1/32 reject\\n' > " + data.resolve("pg_hba.conf"))));
        startServer();
        sql("postgres", "create database " + database);
    }

    /**
     * Stops the server (fast shutdown: open connections are cut), keeping its data, as an outage would.
     *
     * @throws IllegalStateException when pg_ctl fails
     */
    public void stop() throws IOException, InterruptedException {
        run(asPostgres(List.of(bin.resolve("pg_ctl").toString(), "stop", "-m", "fast", "-D", directory.resolve("data").toString())));
        server.waitFor(15, TimeUnit.SECONDS);
    }

    /** Starts the stopped server again on the same port and waits until it answers. */
    public void restart() throws IOException, InterruptedException {
        startServer();
    }

    private void startServer() throws IOException, InterruptedException {
        Path data = directory.resolve("data");
        server = new ProcessBuilder(asPostgres(List.of(bin.resolve("postgres").toString(), "-D", data.toString(),
                "-p", String.valueOf(port), "-k", directory.toString(), "-c", "listen_addresses=127.0.0.1",
                "-c", "ssl=on", "-c", "ssl_cert_file=" + directory.resolve("server.crt"),
                "-c", "ssl_key_file=" + directory.resolve("server.key"), "-c", "fsync=off", "-c", "max_connections=60")))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(directory.resolve("server.log").toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                sql("postgres", "select 1");
                break;
            } catch (IllegalStateException notYet) {
                if (!server.isAlive() || System.nanoTime() > deadline) {
                    throw new IllegalStateException("The TLS PostgreSQL did not start:\n"
                            + Files.readString(directory.resolve("server.log")));
                }
                Thread.sleep(200);
            }
        }
    }

    /** The command run as the postgres user when this JVM is root (initdb and postgres refuse root). */
    private static List<String> asPostgres(List<String> command) {
        if (!"root".equals(System.getProperty("user.name"))) {
            return command;
        }
        List<String> wrapped = new ArrayList<>(List.of("runuser", "-u", "postgres", "--"));
        wrapped.addAll(command);
        return wrapped;
    }

    private static Path newestBin() throws IOException {
        List<Path> versions = new ArrayList<>();
        try (DirectoryStream<Path> dirs = Files.newDirectoryStream(Path.of("/usr/lib/postgresql"))) {
            dirs.forEach(dir -> {
                if (Files.isExecutable(dir.resolve("bin/initdb"))) {
                    versions.add(dir);
                }
            });
        }
        return versions.stream().max(Comparator.comparing(dir -> Integer.parseInt(dir.getFileName().toString().replaceAll("\\D", "0"))))
                .orElseThrow(() -> new IllegalStateException("No PostgreSQL server binaries under /usr/lib/postgresql"))
                .resolve("bin");
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
        return output;
    }

    @Override
    public void close() {
        if (server != null) {
            try {
                run(asPostgres(List.of(bin.resolve("pg_ctl").toString(), "stop", "-m", "fast", "-D", directory.resolve("data").toString())));
            } catch (IOException | InterruptedException | IllegalStateException e) {
                server.destroy();
            }
            try {
                if (!server.waitFor(15, TimeUnit.SECONDS)) {
                    server.destroyForcibly();
                }
            } catch (InterruptedException e) {
                server.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
        try (var paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory: the machine cleans it eventually
        }
    }
}
