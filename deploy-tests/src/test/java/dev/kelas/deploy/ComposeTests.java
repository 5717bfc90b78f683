package dev.kelas.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** docker-compose.yml: health checks that test readiness, dependencies on healthy services, the grader, the connection settings. */
class ComposeTests {

    @Test
    void shouldKeepEveryComposeRule() {
        assertEquals(List.of(), Compose.violations(Compose.load()));
    }

    @Test
    void shouldFlagABrokenComposeFile() {
        expect("learning-service: must depend on auth-service with condition service_healthy",
                c -> Trees.map(Compose.service(c, "learning-service"), "depends_on", "auth-service").put("condition", "service_started"));
        expect("lab-service: must depend on nats with condition service_healthy",
                c -> Trees.map(Compose.service(c, "lab-service"), "depends_on").remove("nats"));
        expect("notification-service: no healthcheck", c -> Compose.service(c, "notification-service").remove("healthcheck"));
        expect("auth-service: healthcheck must GET http://127.0.0.1:8081/q/health/ready",
                c -> Trees.map(Compose.service(c, "auth-service"), "healthcheck").put("test", List.of("CMD", "sh", "-c", "exec 3<>/dev/tcp/127.0.0.1/8081")));
        expect("lab-grader: KELAS_LAB_API_ENABLED must be false", c -> environment(c, "lab-grader").remove("KELAS_LAB_API_ENABLED"));
        expect("lab-grader: publishes ports", c -> Compose.service(c, "lab-grader").put("ports", List.of("8085:8083")));
        expect("lab-grader: bubblewrap needs security_opt seccomp=unconfined", c -> Compose.service(c, "lab-grader").remove("security_opt"));
        expect("nats: nats:2.10 is FROM scratch", c -> Compose.service(c, "nats").put("image", "nats:2.10"));
        expect("nats: JetStream is not enabled", c -> Compose.service(c, "nats").put("command", List.of("nats-server", "-m", "8222")));
        expect("learning-service: KELAS_NATS_URL must be nats://nats:4222", c -> environment(c, "learning-service").put("KELAS_NATS_URL", "nats://localhost:4222"));
        expect("auth-service: KELAS_DB_HOST must be postgres", c -> environment(c, "auth-service").remove("KELAS_DB_HOST"));
        expect("learning-service: its files need a named volume mounted at /var/lib/kelas/learning-files",
                c -> Compose.service(c, "learning-service").remove("volumes"));
        expect("auth-service: its files need a named volume mounted at /var/lib/kelas/auth-files",
                c -> Compose.service(c, "auth-service").put("volumes", List.of("authfiles:/tmp/files")));
    }

    @Test
    void shouldReadBothEnvironmentForms() {
        assertEquals(Map.of("A", "1", "B", "x=y"), Compose.environment(Map.of("environment", List.of("A=1", "B=x=y"))));
        assertEquals(Map.of("A", "1"), Compose.environment(Map.of("environment", Map.of("A", 1))));
    }

    /** Breaks a copy (anchors are expanded per service by copying, so one edit touches one service). */
    private static void expect(String message, Consumer<Map<String, Object>> breakIt) {
        Map<String, Object> compose = Trees.copy(Compose.load());
        breakIt.accept(compose);
        List<String> violations = Compose.violations(compose);
        assertTrue(violations.stream().anyMatch(v -> v.contains(message)), "expected '" + message + "', got " + violations);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> environment(Map<String, Object> compose, String service) {
        Map<String, Object> copy = new java.util.LinkedHashMap<>((Map<String, Object>) Compose.service(compose, service).get("environment"));
        Compose.service(compose, service).put("environment", copy);
        return copy;
    }
}
