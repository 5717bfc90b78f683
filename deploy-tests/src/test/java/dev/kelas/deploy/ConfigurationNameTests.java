package dev.kelas.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kelas.deploy.Rendered.Workload;
import io.fabric8.kubernetes.api.model.Container;
import java.io.IOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every KELAS_/QUARKUS_ variable set in Kubernetes, compose or the Dockerfile is one the services read. */
class ConfigurationNameTests {

    @Test
    void shouldKnowTheNamesTheReadmeAndPropertiesDefine() {
        Set<String> known = KnownConfiguration.environmentNames();
        for (String name : List.of("KELAS_DB_HOST", "KELAS_DB_POOL_SIZE", "QUARKUS_DATASOURCE_PASSWORD", "KELAS_NATS_STREAM_REPLICAS",
                "KELAS_LAB_COMPILE_WALL_SECONDS", "KELAS_AUTH_JWT_PRIVATE_KEY_LOCATION", "KELAS_LAB_SANDBOX_WORK_ROOT", "KELAS_LAB_JAVA_HOME")) {
            assertTrue(known.contains(name), name + " is derived from docs/configuration.md or application.properties; known: " + known);
        }
        assertEquals(Set.of("KELAS_DB_HOTS", "QUARKUS_HTTP_PROT"),
                KnownConfiguration.unknown(List.of("KELAS_DB_HOST", "KELAS_DB_HOTS", "QUARKUS_HTTP_PROT", "JAVA_OPTS", "POD_NAME")));
    }

    @Test
    void shouldUseOnlyKnownNamesInKubernetes() {
        Map<String, Set<String>> usedBy = new TreeMap<>();
        for (Rendered r : List.of(KubernetesOverlayTests.BASE, KubernetesOverlayTests.DEV, KubernetesOverlayTests.PROD)) {
            for (Workload w : r.workloads()) {
                for (Container c : w.containers()) {
                    for (String name : ManifestRules.environment(r, c).keySet()) {
                        usedBy.computeIfAbsent(name, n -> new TreeSet<>()).add(r.name() + " " + w.id());
                    }
                }
            }
        }
        assertEquals(Set.of(), KnownConfiguration.unknown(usedBy.keySet()), "used by " + usedBy);
    }

    @Test
    void shouldUseOnlyKnownNamesInCompose() {
        Map<String, Object> services = Trees.map(Compose.load(), "services");
        Set<String> used = new TreeSet<>();
        services.keySet().forEach(s -> used.addAll(Compose.environment(Trees.map(services, s)).keySet()));
        assertEquals(Set.of(), KnownConfiguration.unknown(used));
    }

    @Test
    void shouldUseOnlyKnownNamesInTheDockerfile() throws IOException {
        Set<String> used = new TreeSet<>();
        Matcher env = Pattern.compile("(?m)^ENV\\s+((?:.*\\\\\\n)*.*)$").matcher(Files.readString(Repo.path("Dockerfile")));
        while (env.find()) {
            Matcher name = Pattern.compile("([A-Z][A-Z0-9_]*)=").matcher(env.group(1));
            while (name.find()) {
                used.add(name.group(1));
            }
        }
        assertTrue(used.contains("KELAS_LAB_JAVA_HOME"), "the Dockerfile's ENV names were read: " + used);
        assertEquals(Set.of(), KnownConfiguration.unknown(used));
    }
}
