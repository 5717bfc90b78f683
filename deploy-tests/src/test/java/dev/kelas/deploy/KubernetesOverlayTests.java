package dev.kelas.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kelas.deploy.Rendered.Workload;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Renders k8s/base and both overlays and holds each to every rule in {@link ManifestRules}, then
 * checks what distinguishes dev from prod.
 */
class KubernetesOverlayTests {
    static final Rendered BASE = Rendered.kustomize("k8s/base");
    static final Rendered DEV = Rendered.kustomize("k8s/overlays/dev");
    static final Rendered PROD = Rendered.kustomize("k8s/overlays/prod");

    @TestFactory
    Stream<DynamicTest> everyRuleHoldsForBaseDevAndProd() {
        return Stream.of(BASE, DEV, PROD).flatMap(rendered -> ManifestRules.ALL.entrySet().stream()
                .map(rule -> DynamicTest.dynamicTest(rendered.name() + ": " + rule.getKey(),
                        () -> assertEquals(List.of(), rule.getValue().apply(rendered), rule.getKey() + " in " + rendered.name()))));
    }

    @Test
    void shouldDeployEachOverlayIntoItsOwnNamespace() {
        for (Rendered overlay : List.of(DEV, PROD)) {
            assertNotNull(overlay.namespace(), overlay.name() + " sets a namespace");
            assertTrue(overlay.objects().stream().filter(o -> !(o instanceof Namespace))
                    .allMatch(o -> overlay.namespace().equals(o.getMetadata().getNamespace())), overlay.name() + ": everything in " + overlay.namespace());
            assertEquals(List.of(overlay.namespace()), overlay.all(Namespace.class).stream().map(n -> n.getMetadata().getName()).toList(),
                    overlay.name() + " creates its namespace");
        }
        assertEquals(null, BASE.namespace(), "the base leaves the namespace to the overlays");
    }

    @Test
    void shouldRunProductionHighlyAvailable() {
        assertEquals(3, ManifestRules.natsStatefulSet(PROD).orElseThrow().getSpec().getReplicas(), "NATS nodes");
        assertEquals("3", PROD.configMap("kelas-config").orElseThrow().getData().get("KELAS_NATS_STREAM_REPLICAS"));
        assertEquals(3, Trees.at(cluster(PROD), "spec", "instances"), "PostgreSQL instances");
        for (HorizontalPodAutoscaler hpa : PROD.all(HorizontalPodAutoscaler.class)) {
            assertTrue(hpa.getSpec().getMinReplicas() >= 3, hpa.getMetadata().getName() + " keeps at least 3 replicas in prod");
        }
        assertTrue((Integer) Trees.at(scaledObject(PROD), "spec", "minReplicaCount") >= 2, "at least two graders in prod");
    }

    @Test
    void shouldBackUpProductionPostgresOnASchedule() {
        assertNotNull(Trees.string(cluster(PROD), "spec", "backup", "barmanObjectStore", "destinationPath"));
        assertEquals(1, PROD.custom("postgresql.cnpg.io", "ScheduledBackup").size());
        assertEquals(0, DEV.custom("postgresql.cnpg.io", "ScheduledBackup").size(), "dev keeps no backups");
    }

    @Test
    void shouldPullProductionImagesFromARegistryAtAPinnedVersion() {
        for (Workload w : PROD.workloads()) {
            if (ManifestRules.isKelas(w)) {
                String image = w.pod().getContainers().get(0).getImage();
                assertTrue(image.matches("[a-z0-9.-]+\\.[a-z]+(:\\d+)?/kelas/[a-z-]+:\\d+\\.\\d+\\.\\d+"), w.id() + " image " + image);
            }
        }
        for (Workload w : DEV.workloads()) {
            if (ManifestRules.isKelas(w)) {
                assertTrue(w.pod().getContainers().get(0).getImage().matches("kelas/[a-z-]+:0\\.1\\.0"), w.id());
            }
        }
    }

    @Test
    void shouldShrinkDevToOneOfEverything() {
        assertEquals(1, ManifestRules.natsStatefulSet(DEV).orElseThrow().getSpec().getReplicas(), "NATS nodes");
        assertEquals("1", DEV.configMap("kelas-config").orElseThrow().getData().get("KELAS_NATS_STREAM_REPLICAS"));
        assertEquals(1, Trees.at(cluster(DEV), "spec", "instances"), "PostgreSQL instances");
        for (HorizontalPodAutoscaler hpa : DEV.all(HorizontalPodAutoscaler.class)) {
            assertEquals(1, hpa.getSpec().getMinReplicas(), hpa.getMetadata().getName());
        }
        assertEquals(1, Trees.at(scaledObject(DEV), "spec", "minReplicaCount"));
    }

    @Test
    void shouldGiveProductionMoreResourcesThanDev() {
        for (Workload dev : DEV.workloads()) {
            Workload prod = PROD.workload(dev.name()).orElseThrow();
            for (String resource : List.of("cpu", "memory")) {
                Container d = dev.pod().getContainers().get(0);
                Container p = prod.pod().getContainers().get(0);
                assertTrue(amount(d.getResources().getRequests().get(resource)) < amount(p.getResources().getRequests().get(resource)),
                        dev.id() + " " + resource + " request: dev below prod");
                assertTrue(amount(d.getResources().getLimits().get(resource)) <= amount(p.getResources().getLimits().get(resource)),
                        dev.id() + " " + resource + " limit: dev not above prod");
            }
        }
    }

    @Test
    void shouldKeepEveryBaseFileInTheBaseKustomization() throws Exception {
        List<String> listed = Trees.list(Trees.loadAll(Repo.path("k8s/base/kustomization.yaml")).get(0), "resources").stream()
                .map(String::valueOf).toList();
        try (Stream<java.nio.file.Path> files = java.nio.file.Files.list(Repo.path("k8s/base"))) {
            List<String> yaml = files.map(f -> f.getFileName().toString())
                    .filter(f -> f.endsWith(".yaml") && !f.equals("kustomization.yaml")).sorted().toList();
            assertEquals(yaml, listed.stream().sorted().toList(), "every manifest in k8s/base is deployed, and only those");
        }
    }

    static Map<String, Object> cluster(Rendered r) {
        GenericKubernetesResource cluster = r.custom("postgresql.cnpg.io", "Cluster").get(0);
        return cluster.getAdditionalProperties();
    }

    static Map<String, Object> scaledObject(Rendered r) {
        return r.custom("keda.sh", "ScaledObject").get(0).getAdditionalProperties();
    }

    private static double amount(Quantity quantity) {
        return Quantity.getAmountInBytes(quantity).doubleValue();
    }

}
