package dev.kelas.e2e;

import dev.kelas.testing.PrivateNats;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static dev.kelas.testing.Ports.awaitPort;
import static dev.kelas.testing.Ports.env;
import static dev.kelas.testing.Ports.freePort;

/**
 * The whole of Kelas as its users meet it: a private nats-server with JetStream, fresh PostgreSQL
 * databases on the local server, and the four packaged services ({@code quarkus-run.jar}) started as
 * separate processes on free ports. Started once per test JVM and stopped when it exits.
 *
 * <p>Environment: {@code KELAS_DB_HOST}/{@code KELAS_DB_PORT}/{@code KELAS_DB_USER} (defaults
 * 127.0.0.1, 5432, postgres), {@code KELAS_NATS_SERVER} (default /usr/sbin/nats-server) and {@code KELAS_PYTHON}
 * (default /usr/bin/python3, with Debian's python3-aiosmtpd: the loopback SMTP server notification-service
 * mails to). Runs side by side on one machine keep apart: databases are named per run
 * ({@code kelas_e2e_<pid>_<service>}) and each run's sandboxes use 200 uids from {@code KELAS_E2E_SLOT_UID_BASE}
 * (default 62000 + 200 × (pid mod 40)). Every service exports traces to an in-memory OTLP collector
 * ({@link #spans}) and logs JSON lines ({@link #logLines}).
 */
public final class KelasSystem {
    /** auth-service's operator token in these tests (key rotation). */
    public static final String OPERATOR_TOKEN = "e2e-operator-" + java.util.UUID.randomUUID();
    public static final List<String> SERVICES = List.of("auth-service", "learning-service", "lab-service", "notification-service");
    private static KelasSystem instance;
    private static final com.fasterxml.jackson.databind.ObjectMapper JSON = new com.fasterxml.jackson.databind.ObjectMapper();

    private final Path repoRoot = Path.of("..").toAbsolutePath().normalize();
    private final Path workDir = repoRoot.resolve("e2e-tests/target/e2e");
    private final Map<String, Integer> ports = new LinkedHashMap<>();
    private final Map<String, Process> processes = new LinkedHashMap<>();
    private final Map<String, ProcessBuilder> builders = new LinkedHashMap<>();
    private final String dbHost = env("KELAS_DB_HOST", "127.0.0.1");
    private final String dbPort = env("KELAS_DB_PORT", "5432");
    private final String dbUser = env("KELAS_DB_USER", "postgres");
    private static final int SLOT_UID_BASE = Integer.parseInt(env("KELAS_E2E_SLOT_UID_BASE",
            String.valueOf(62000 + 200 * (ProcessHandle.current().pid() % 40))));
    private PrivateNats nats;
    private TraceCollector traces;
    private int natsPort;
    private io.nats.client.Connection publisher;
    private Process smtp;
    private AiProviderStandIn aiStandIn;
    private Process edge;
    private int edgePort;
    private int frontendPort;
    private int smtpPort;
    private final Path mailbox = workDir.resolve("mailbox.jsonl");

    private KelasSystem() {
    }

    /** The running system, started on first use. */
    public static synchronized KelasSystem get() {
        if (instance == null) {
            KelasSystem system = new KelasSystem();
            try {
                system.start();
            } catch (Exception e) {
                system.stop();
                throw new IllegalStateException("Kelas did not start: " + e.getMessage(), e);
            }
            Runtime.getRuntime().addShutdownHook(new Thread(system::stop));
            instance = system;
        }
        return instance;
    }

    /**
     * The origin of the one frontend the services allow (CORS), {@code http://127.0.0.1:<port>}: a test
     * serves its page on {@link #frontendPort()}.
     */
    public String frontendOrigin() {
        return "http://127.0.0.1:" + frontendPort;
    }

    /** The local server lab-service's AI provider chain points at (the one allowed stand-in for a paid provider). */
    public AiProviderStandIn aiStandIn() {
        return aiStandIn;
    }

    /** The port of {@link #frontendOrigin()}. */
    public int frontendPort() {
        return frontendPort;
    }

    /**
     * The edge's base URL: nginx (env {@code KELAS_NGINX}, default {@code nginx} on the PATH) in front of the
     * four services, configured by edge/render_nginx.py from edge/routes.tsv exactly as {@code ./kelas up}
     * does, started on first use.
     */
    public synchronized String edgeUrl() throws Exception {
        if (edge == null) {
            Path dir = workDir.resolve("edge");
            Files.createDirectories(dir.resolve("logs"));
            Files.createDirectories(dir.resolve("tmp/body"));
            Files.createDirectories(dir.resolve("tmp/proxy"));
            edgePort = freePort();
            List<String> render = new ArrayList<>(List.of(env("KELAS_PYTHON", "/usr/bin/python3"),
                    repoRoot.resolve("edge/render_nginx.py").toString(), "--listen", "127.0.0.1:" + edgePort,
                    "--prefix", dir.toString(), "--out", dir.resolve("nginx.conf").toString()));
            for (String service : SERVICES) {
                render.addAll(List.of("--upstream", service + "=127.0.0.1:" + ports.get(service)));
            }
            run(render);
            if ("root".equals(System.getProperty("user.name"))) {
                run(List.of("chown", "-R", "nobody:nogroup", dir.resolve("tmp").toString())); // nginx's workers
            }
            edge = new ProcessBuilder(env("KELAS_NGINX", "nginx"), "-c", dir.resolve("nginx.conf").toString(),
                    "-p", dir.toString(), "-g", "daemon off;").redirectErrorStream(true)
                    .redirectOutput(workDir.resolve("edge.log").toFile()).start();
            awaitPort(edgePort, Duration.ofSeconds(15));
        }
        return "http://127.0.0.1:" + edgePort;
    }

    private static void run(List<String> command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    /** Base URL of a service, e.g. {@code http://127.0.0.1:41234}. */
    public String url(String service) {
        return "http://127.0.0.1:" + ports.get(service);
    }

    /** The port of the private NATS server. */
    public int natsPort() {
        return natsPort;
    }

    /**
     * Restarts the private nats-server on its port with its store: SIGKILL when {@code kill} else SIGTERM, down for
     * {@code down}; returns once it listens again (the services reconnect by themselves).
     */
    public void restartNats(boolean kill, Duration down) {
        nats.restart(kill, down);
    }

    /** The HTTP status of an instance's readiness check now (0 when it does not answer within 2 s). */
    public int readiness(String instance) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url(instance) + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** Whether a service process is still alive. */
    public boolean alive(String service) {
        return processes.get(service).isAlive();
    }

    /** The last lines of a service's log, for failure messages. */
    public String logTail(String service) {
        try {
            List<String> lines = Files.readAllLines(workDir.resolve(service + ".log"));
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    private void start() throws Exception {
        Files.createDirectories(workDir);
        try (java.util.stream.Stream<Path> old = Files.list(workDir)) {
            for (Path log : old.filter(p -> p.toString().endsWith(".log") || p.toString().endsWith(".jsonl")).toList()) {
                Files.delete(log); // this run's logs and mail only (SignalsTests reads the logs)
            }
        }
        traces = TraceCollector.start();
        nats = PrivateNats.start(workDir.resolve("nats.log"));
        natsPort = nats.port();
        smtpPort = freePort();
        Path sink = repoRoot.resolve("e2e-tests/src/test/resources/smtp_sink.py");
        smtp = new ProcessBuilder(env("KELAS_PYTHON", "/usr/bin/python3"), sink.toString(), String.valueOf(smtpPort),
                mailbox.toString()).redirectErrorStream(true).redirectOutput(workDir.resolve("smtp.log").toFile()).start();
        awaitPort(smtpPort, Duration.ofSeconds(15));
        // The one stand-in allowed: a local server speaking a paid AI provider's wire format, lab-service's only
        // provider; only tasks whose feedback mode is AI ask it.
        aiStandIn = AiProviderStandIn.start();
        dropDatabasesOfDeadRuns();
        for (String service : SERVICES) {
            recreateDatabase(database(service));
            ports.put(service, freePort());
        }
        frontendPort = freePort();
        for (String service : SERVICES) {
            launch(service, service, ports.get(service), SLOT_UID_BASE, Map.of());
        }
        for (String service : SERVICES) {
            awaitReady(service, Duration.ofSeconds(120));
        }
    }

    /**
     * Starts one more lab-service process on a free port, sharing the database and NATS: a grader-only
     * replica ({@code KELAS_LAB_API_ENABLED=false}), as Kubernetes runs them. Its sandbox uids start at 62100.
     *
     * @return its name, for {@link #url}, {@link #kill} and {@link #alive}
     */
    public synchronized String startSecondGrader() throws Exception {
        String name = "lab-service-2";
        if (!processes.containsKey(name)) {
            ports.put(name, freePort());
            launch(name, "lab-service", ports.get(name), SLOT_UID_BASE + 100, Map.of("KELAS_LAB_API_ENABLED", "false"));
            awaitReady(name, Duration.ofSeconds(120));
        }
        return name;
    }

    /**
     * Starts a second notification-service replica on a free port, sharing the database and NATS. It consumes
     * no events ({@code KELAS_NOTIFICATION_CONSUMERS_ENABLED=false}), so whatever its clients get was handled by
     * the first replica and crossed over core NATS. Its connections are cut off past {@value #SECOND_REPLICA_MAX_PENDING}
     * frames in flight.
     *
     * @return its name, for {@link #url}
     */
    public synchronized String startSecondNotificationReplica() throws Exception {
        String name = "notification-service-2";
        if (!processes.containsKey(name)) {
            ports.put(name, freePort());
            launch(name, "notification-service", ports.get(name), 0, Map.of("KELAS_NOTIFICATION_CONSUMERS_ENABLED", "false",
                    "KELAS_NOTIFICATION_MAX_PENDING_PER_CONNECTION", String.valueOf(SECOND_REPLICA_MAX_PENDING)));
            awaitReady(name, Duration.ofSeconds(120));
        }
        return name;
    }

    /** Frames in flight after which the second notification replica drops a stalled connection. */
    public static final int SECOND_REPLICA_MAX_PENDING = 16;

    /** Every mail the loopback SMTP server accepted so far: {@code from}, {@code to}, {@code subject}, {@code text}. */
    public List<Map<String, Object>> mails() {
        try {
            List<Map<String, Object>> mails = new ArrayList<>();
            for (String line : Files.readAllLines(mailbox)) {
                if (!line.isBlank()) {
                    mails.add(JSON.readValue(line, new com.fasterxml.jackson.core.type.TypeReference<Map<String, Object>>() {
                    }));
                }
            }
            return mails;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot read the mailbox", e);
        }
    }

    /**
     * Publishes a CloudEvents event to JetStream as a producing service would (its outbox relay), with
     * {@code Nats-Msg-Id} = event id; for events no service produces yet, and for volume.
     *
     * @return the event id
     */
    public java.util.UUID publishEvent(String subject, String tenantId, Object data) throws Exception {
        java.util.UUID id = java.util.UUID.randomUUID();
        Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("specversion", "1.0");
        envelope.put("id", id.toString());
        envelope.put("source", "/kelas/e2e-tests");
        envelope.put("type", subject);
        envelope.put("subject", id.toString());
        envelope.put("time", Instant.now().toString());
        envelope.put("tenantid", tenantId);
        envelope.put("datacontenttype", "application/json");
        envelope.put("data", data);
        synchronized (this) {
            if (publisher == null) {
                publisher = io.nats.client.Nats.connect("nats://127.0.0.1:" + natsPort);
            }
        }
        publisher.jetStream().publish(io.nats.client.impl.NatsMessage.builder().subject(subject)
                .headers(new io.nats.client.impl.Headers().put("Nats-Msg-Id", id.toString()))
                .data(JSON.writeValueAsBytes(envelope)).build());
        return id;
    }

    /** Runs SQL on a service's database (to age rows a test cannot wait months for). */
    public void sql(String service, String statement) throws Exception {
        psql(database(service), statement);
    }

    /** The single value a query on a service's database returns (for a test to wait for a projection). */
    public String sqlValue(String service, String query) throws Exception {
        return psql(database(service), query).trim();
    }

    /** The first sandbox uid of an instance: the main lab-service's runs use the base and up, the second's base + 100. */
    public int slotUidBase(String instance) {
        return instance.equals("lab-service") ? SLOT_UID_BASE : SLOT_UID_BASE + 100;
    }

    /** Whether an instance has a sandboxed process running now, by the uid range of its runs (as root). */
    public boolean hasSandboxProcess(String instance) throws IOException {
        int uidBase = slotUidBase(instance);
        try (java.util.stream.Stream<Path> procs = Files.list(Path.of("/proc"))) {
            return procs.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).anyMatch(p -> {
                try {
                    for (String line : Files.readAllLines(p.resolve("status"))) {
                        if (line.startsWith("Uid:")) {
                            int uid = Integer.parseInt(line.split("\\s+")[1]);
                            return uid >= uidBase && uid < uidBase + 16;
                        }
                    }
                } catch (Exception gone) {
                    // the process ended
                }
                return false;
            });
        }
    }

    /** The spans the services exported so far. */
    public List<TraceCollector.ReceivedSpan> spans() {
        return traces.spans();
    }

    /** Every line an instance has logged so far (its stdout and stderr). */
    public List<String> logLines(String instance) throws IOException {
        return Files.readAllLines(workDir.resolve(instance + ".log"));
    }

    /** Stops an instance the way Kubernetes does (SIGTERM) and waits up to {@code timeout} for it to exit. */
    public boolean terminate(String instance, Duration timeout) throws InterruptedException {
        Process process = processes.get(instance);
        process.destroy();
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Kills an instance at once (SIGKILL), as a crash would. */
    public void kill(String instance) throws InterruptedException {
        Process process = processes.get(instance);
        process.destroyForcibly();
        process.waitFor(10, TimeUnit.SECONDS);
    }

    /** Starts a killed instance again on its port and waits until it is ready. */
    public void restart(String instance) throws Exception {
        processes.put(instance, builders.get(instance).start());
        awaitReady(instance, Duration.ofSeconds(120));
    }

    private void launch(String instance, String module, int port, int slotUidBase, Map<String, String> extraEnvironment)
            throws IOException {
        Path jar = repoRoot.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
        if (!Files.exists(jar)) {
            throw new IllegalStateException(jar + " is missing: run the tests through Maven's verify phase");
        }
        List<String> command = new ArrayList<>(List.of(javaBin(), "-Xms32m", "-Xmx256m", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1"));
        if (module.equals("lab-service")) {
            // A language whose runtime no grader has: its submissions fail internally until they are dead-lettered.
            command.addAll(List.of("-Dkelas.lab.languages.broken.source-file=main.broken",
                    "-Dkelas.lab.languages.broken.run=/usr/bin/kelas-no-such-runtime,main.broken"));
            aiStandIn.providerProperties().forEach((key, value) -> command.add("-D" + key + "=" + value));
        }
        command.addAll(List.of("-jar", jar.toString()));
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(workDir.resolve(instance + ".log").toFile()));
        Map<String, String> environment = builder.environment();
        environment.put("QUARKUS_HTTP_PORT", String.valueOf(port));
        environment.put("QUARKUS_HTTP_HOST", "127.0.0.1");
        environment.put("KELAS_DB_NAME", database(module));
        environment.put("KELAS_DB_HOST", dbHost);
        environment.put("KELAS_DB_PORT", dbPort);
        environment.put("KELAS_DB_USER", dbUser);
        environment.put("KELAS_NATS_URL", "nats://127.0.0.1:" + natsPort);
        environment.put("KELAS_JWKS_URL", "http://127.0.0.1:" + ports.get("auth-service") + "/.well-known/jwks.json");
        environment.put("KELAS_LAB_SANDBOX_WORK_ROOT", workDir.resolve("sandbox-" + instance).toString());
        // Uploaded files (hand-ins, avatars) of this run, not the machine's /var/lib/kelas.
        environment.put("KELAS_LEARNING_STORAGE_ROOT", workDir.resolve("files/learning").toString());
        environment.put("KELAS_AUTH_STORAGE_ROOT", workDir.resolve("files/auth").toString());
        environment.put("KELAS_LAB_SANDBOX_SLOT_UID_BASE", String.valueOf(slotUidBase));
        environment.put("KELAS_LAB_GRADER_ACK_WAIT", "PT5S");
        environment.put("KELAS_AUTH_OPERATOR_TOKEN", OPERATOR_TOKEN);
        // One frontend origin may call every service and the edge ({@link #frontendOrigin}); no other.
        environment.put("QUARKUS_HTTP_CORS_ORIGINS", frontendOrigin());
        StringBuilder healthz = new StringBuilder();
        for (String service : SERVICES) {
            healthz.append(healthz.isEmpty() ? "" : ",").append(service).append("=").append(url(service));
        }
        environment.put("KELAS_HEALTHZ_SERVICES", healthz.toString());
        // Rate limits stay on (every answer carries the RateLimit fields), with quotas raised for a suite that
        // drives hundreds of users from one loopback address; auth-service's RateLimitTests reach the real ones.
        environment.put("KELAS_RATE_LIMIT_GROUPS_LOGIN_PER_ADDRESS", "100000");
        environment.put("KELAS_RATE_LIMIT_GROUPS_WRITES_PER_USER", "100000");
        environment.put("KELAS_RATE_LIMIT_GROUPS_WRITES_PER_ADDRESS", "1000000");
        environment.put("KELAS_RATE_LIMIT_GROUPS_READS_PER_USER", "100000");
        environment.put("KELAS_RATE_LIMIT_GROUPS_READS_PER_ADDRESS", "1000000");
        environment.put("KELAS_RATE_LIMIT_GROUPS_REFRESH_PER_ADDRESS", "100000");
        environment.put("KELAS_RATE_LIMIT_GROUPS_RUN_PER_USER", "100000");
        environment.put("KELAS_RATE_LIMIT_GROUPS_PASSWORD_RESET_PER_ADDRESS", "100000");
        environment.put("KELAS_AUTH_JWT_ACTIVATION_DELAY", "PT2S"); // a rotated key signs 2 s after it is published
        // Every service exports its spans to the tests' in-memory OTLP collector, in small quick batches.
        environment.put("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_ENDPOINT", traces.endpoint());
        environment.put("QUARKUS_OTEL_EXPORTER_OTLP_TRACES_PROTOCOL", "http/protobuf");
        environment.put("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "PT0.2S");
        environment.put("KELAS_LOG_JSON", "true"); // as on Kubernetes; SignalsTests reads these lines
        // The mail channel talks to the loopback SMTP server; the jobs run every second or two, not daily.
        environment.put("QUARKUS_MAILER_HOST", "127.0.0.1");
        environment.put("QUARKUS_MAILER_PORT", String.valueOf(smtpPort));
        environment.put("QUARKUS_MAILER_START_TLS", "DISABLED");
        environment.put("KELAS_NOTIFICATION_DIGEST_CRON", "*/2 * * * * ?");
        environment.put("KELAS_NOTIFICATION_DUE_SOON_INTERVAL", "PT1S");
        environment.put("KELAS_NOTIFICATION_RETENTION_INTERVAL", "PT1S");
        environment.put("KELAS_NOTIFICATION_MAIL_POLL_INTERVAL", "PT1S");
        environment.put("KELAS_NOTIFICATION_HEARTBEAT", "PT2S");
        environment.putAll(extraEnvironment);
        builders.put(instance, builder);
        processes.put(instance, builder.start());
    }

    private void stop() {
        processes.values().forEach(Process::destroy);
        for (Process process : processes.values()) {
            try {
                if (!process.waitFor(15, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                }
            } catch (InterruptedException e) {
                process.destroyForcibly();
            }
        }
        if (nats != null) {
            nats.close();
        }
        if (smtp != null) {
            smtp.destroy();
        }
        if (aiStandIn != null) {
            aiStandIn.close();
        }
        if (edge != null) {
            edge.destroy();
        }
        if (traces != null) {
            traces.close();
        }
        for (String service : SERVICES) {
            try {
                psql("postgres", "drop database if exists " + database(service) + " with (force)");
            } catch (Exception e) {
                System.err.println("Could not drop " + database(service) + ": " + e.getMessage());
            }
        }
        if (publisher != null) {
            try {
                publisher.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void awaitReady(String service, Duration timeout) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!processes.get(service).isAlive()) {
                throw new IllegalStateException(service + " exited:\n" + logTail(service));
            }
            try {
                HttpResponse<String> response = client.send(HttpRequest.newBuilder(URI.create(url(service) + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(service + " not ready after " + timeout + ":\n" + logTail(service));
    }

    private void recreateDatabase(String name) throws Exception {
        psql("postgres", "drop database if exists " + name + " with (force)");
        psql("postgres", "create database " + name);
    }

    private String psql(String database, String sql) throws Exception {
        List<String> command = new ArrayList<>(List.of("psql", "-h", dbHost, "-p", dbPort, "-U", dbUser, "-d", database,
                "-v", "ON_ERROR_STOP=1", "-qtAc", sql));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException("psql failed: " + sql + "\n" + output);
        }
        return output;
    }

    /**
     * This run's database of a service: {@code kelas_e2e_<pid>_<service>}, so test runs side by side (two
     * checkouts, CI beside a developer) never drop each other's databases.
     */
    private static String database(String service) {
        return "kelas_e2e_" + ProcessHandle.current().pid() + "_" + service.replace("-service", "");
    }

    /** Drops the databases of earlier runs whose JVM is gone (killed runs cannot clean up after themselves). */
    private void dropDatabasesOfDeadRuns() throws Exception {
        String names = psql("postgres", "select datname from pg_database where datname like 'kelas\\_e2e\\_%'");
        for (String name : names.split("\\s+")) {
            java.util.regex.Matcher run = java.util.regex.Pattern.compile("kelas_e2e_(\\d+)_[a-z]+").matcher(name);
            if (run.matches() && ProcessHandle.of(Long.parseLong(run.group(1))).isEmpty()) {
                psql("postgres", "drop database if exists " + name + " with (force)");
            }
        }
    }



    private static String javaBin() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

}
