package dev.kelas.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** docker-compose.yml as a tree, and the rules it must keep (each returns readable violations). */
final class Compose {
    /** The Kelas services in compose and the port each answers health checks on. */
    static final Map<String, Integer> KELAS = new LinkedHashMap<>();

    static {
        ManifestRules.API_SERVICES.forEach(KELAS::put);
        KELAS.put("lab-grader", 8083);
    }

    private Compose() {
    }

    static Map<String, Object> load() {
        return Trees.loadAll(Repo.path("docker-compose.yml")).get(0);
    }

    static Map<String, Object> service(Map<String, Object> compose, String name) {
        return Trees.map(compose, "services", name);
    }

    /** A service's environment, whether written as a mapping or as a list of NAME=value. */
    static Map<String, String> environment(Map<String, Object> service) {
        Map<String, String> env = new LinkedHashMap<>();
        Object value = Trees.at(service, "environment");
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> env.put(String.valueOf(k), v == null ? null : String.valueOf(v)));
        } else if (value instanceof List<?> list) {
            for (Object item : list) {
                String entry = String.valueOf(item);
                int eq = entry.indexOf('=');
                env.put(eq < 0 ? entry : entry.substring(0, eq), eq < 0 ? null : entry.substring(eq + 1));
            }
        }
        return env;
    }

    static List<String> violations(Map<String, Object> compose) {
        List<String> violations = new ArrayList<>();
        for (String required : List.of("postgres", "nats")) {
            if (service(compose, required) == null) {
                violations.add("no service " + required);
            }
        }
        Map<String, Object> services = Trees.map(compose, "services");
        for (String name : services.keySet()) {
            Object test = Trees.at(services, name, "healthcheck", "test");
            String command = test instanceof List<?> list ? String.join(" ", list.stream().map(String::valueOf).toList()) : String.valueOf(test);
            if (test == null || command.contains("NONE")) {
                violations.add(name + ": no healthcheck");
            } else if (command.contains("/dev/tcp") || command.contains("--help")) {
                violations.add(name + ": healthcheck '" + command + "' does not test readiness");
            }
        }
        postgres(compose, violations);
        nats(compose, violations);
        for (Map.Entry<String, Integer> kelas : KELAS.entrySet()) {
            kelasService(compose, kelas.getKey(), kelas.getValue(), violations);
        }
        Map<String, Object> grader = service(compose, "lab-grader");
        Map<String, Object> lab = service(compose, "lab-service");
        if (grader != null && lab != null) {
            if (!"false".equals(environment(grader).get("KELAS_LAB_API_ENABLED"))) {
                violations.add("lab-grader: KELAS_LAB_API_ENABLED must be false");
            }
            if (grader.containsKey("ports")) {
                violations.add("lab-grader: publishes ports, but serves no API");
            }
            if (!Objects.equals(grader.get("image"), lab.get("image")) || !"lab-service".equals(Trees.string(grader, "build", "args", "SERVICE"))) {
                violations.add("lab-grader: must run lab-service's image (same image name and build)");
            }
        }
        return violations;
    }

    private static void postgres(Map<String, Object> compose, List<String> violations) {
        Map<String, Object> postgres = service(compose, "postgres");
        if (postgres == null) {
            return;
        }
        if (!String.valueOf(postgres.get("image")).matches("postgres:15(\\.\\d+)?(-.*)?")) {
            violations.add("postgres: image must be postgres:15, is " + postgres.get("image"));
        }
        String init = Trees.list(postgres, "volumes").stream().map(String::valueOf)
                .filter(v -> v.contains("/docker-entrypoint-initdb.d/")).map(v -> v.substring(0, v.indexOf(':'))).findFirst().orElse(null);
        if (init == null) {
            violations.add("postgres: no init SQL mounted in /docker-entrypoint-initdb.d");
            return;
        }
        Path sql = Repo.path(init.replaceFirst("^\\./", ""));
        List<String> created = new ArrayList<>();
        try {
            Matcher m = Pattern.compile("(?i)create\\s+database\\s+(\\w+)").matcher(Files.readString(sql));
            while (m.find()) {
                created.add(m.group(1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("postgres init SQL " + sql, e);
        }
        if (!created.containsAll(ManifestRules.DATABASES)) {
            violations.add("postgres: " + init + " creates " + created + ", the services need " + ManifestRules.DATABASES);
        }
    }

    private static void nats(Map<String, Object> compose, List<String> violations) {
        Map<String, Object> nats = service(compose, "nats");
        if (nats == null) {
            return;
        }
        String image = String.valueOf(nats.get("image"));
        if (!image.matches("nats:2\\.10(\\.\\d+)?(-alpine)?")) {
            violations.add("nats: image must be nats:2.10, is " + image);
        }
        List<String> command = Trees.list(nats, "command").stream().map(String::valueOf).toList();
        if (!command.contains("-js") && !command.contains("--jetstream")) {
            violations.add("nats: JetStream is not enabled (-js)");
        }
        String test = String.valueOf(Trees.at(nats, "healthcheck", "test"));
        if (!test.contains("/healthz")) {
            violations.add("nats: the healthcheck must ask nats-server's /healthz");
        }
        if ((test.contains("wget") || test.contains("curl") || test.contains("CMD-SHELL")) && !image.endsWith("-alpine")) {
            violations.add("nats: " + image + " is FROM scratch and has no wget, curl or shell for its healthcheck; use the -alpine variant");
        }
    }

    private static void kelasService(Map<String, Object> compose, String name, int port, List<String> violations) {
        Map<String, Object> service = service(compose, name);
        if (service == null) {
            violations.add("no service " + name);
            return;
        }
        String test = String.valueOf(Trees.at(service, "healthcheck", "test"));
        if (!(test.contains("curl") || test.contains("wget"))
                || !(test.contains("http://127.0.0.1:" + port + "/q/health/ready") || test.contains("http://localhost:" + port + "/q/health/ready"))) {
            violations.add(name + ": healthcheck must GET http://127.0.0.1:" + port + "/q/health/ready with curl or wget");
        }
        List<String> needs = new ArrayList<>(List.of("postgres", "nats"));
        if (!name.equals("auth-service") && !name.equals("lab-grader")) {
            needs.add("auth-service"); // JWKS
        }
        for (String dependency : needs) {
            if (!"service_healthy".equals(Trees.string(service, "depends_on", dependency, "condition"))) {
                violations.add(name + ": must depend on " + dependency + " with condition service_healthy");
            }
        }
        Map<String, String> env = environment(service);
        String files = Map.of("learning-service", "/var/lib/kelas/learning-files", "auth-service", "/var/lib/kelas/auth-files").get(name);
        if (files != null && !"s3".equals(env.get("KELAS_" + (name.equals("auth-service") ? "AUTH" : "LEARNING") + "_STORAGE_KIND"))) {
            boolean mounted = Trees.list(service, "volumes").stream().map(String::valueOf)
                    .anyMatch(v -> v.matches("[A-Za-z0-9_-]+:" + Pattern.quote(files)));
            if (!mounted) {
                violations.add(name + ": its files need a named volume mounted at " + files);
            }
        }
        expect(env, "KELAS_DB_HOST", "postgres", name, violations);
        expect(env, "KELAS_NATS_URL", "nats://nats:4222", name, violations);
        expect(env, "KELAS_JWKS_URL", "http://auth-service:" + ManifestRules.API_SERVICES.get("auth-service") + "/.well-known/jwks.json", name, violations);
        String image = Trees.string(service, "image");
        if (image != null) {
            ManifestRules.imageProblem(image).ifPresent(p -> violations.add(name + ": " + p));
        }
        String built = Trees.string(service, "build", "args", "SERVICE");
        String expectedBuild = name.equals("lab-grader") ? "lab-service" : name;
        if (!expectedBuild.equals(built)) {
            violations.add(name + ": must build with SERVICE=" + expectedBuild + ", builds " + built);
        }
        if (name.startsWith("lab-")) {
            List<String> options = Trees.list(service, "security_opt").stream().map(String::valueOf).toList();
            if (!options.contains("seccomp=unconfined") && !options.contains("seccomp:unconfined")) {
                violations.add(name + ": bubblewrap needs security_opt seccomp=unconfined");
            }
        }
    }

    private static void expect(Map<String, String> env, String key, String value, String where, List<String> violations) {
        if (!value.equals(env.get(key))) {
            violations.add(where + ": " + key + " must be " + value + ", is " + env.get(key));
        }
    }
}
