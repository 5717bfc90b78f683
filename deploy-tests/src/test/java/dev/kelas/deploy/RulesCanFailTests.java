package dev.kelas.deploy;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/**
 * Proof that the rules bite: each test breaks one thing in a copy of the rendered prod overlay, the
 * way a careless edit would, and expects the rule to name it. A rule that passed here would pass
 * anything.
 */
class RulesCanFailTests {

    @Test
    void shouldFlagMissingLimitsAndUnpinnedImages() {
        expect(ManifestRules::containers, "no memory limit",
                t -> Trees.map(container(t, "Deployment", "auth-service"), "resources", "limits").remove("memory"));
        expect(ManifestRules::containers, "uses the tag latest",
                t -> container(t, "Deployment", "learning-service").put("image", "kelas/learning-service:latest"));
        expect(ManifestRules::containers, "has no tag",
                t -> container(t, "StatefulSet", "nats").put("image", "nats"));
        expect(ManifestRules::containers, "cpu request 4 above its limit",
                t -> Trees.map(container(t, "Deployment", "lab-service"), "resources", "requests").put("cpu", "4"));
    }

    @Test
    void shouldFlagMissingOrWrongProbes() {
        expect(ManifestRules::containers, "no readinessProbe", t -> container(t, "Deployment", "notification-service").remove("readinessProbe"));
        expect(ManifestRules::containers, "startupProbe must GET /q/health/started",
                t -> Trees.map(container(t, "Deployment", "auth-service"), "startupProbe", "httpGet").put("path", "/q/health"));
        expect(ManifestRules::containers, "livenessProbe port 9000 is not a port",
                t -> Trees.map(container(t, "Deployment", "auth-service"), "livenessProbe", "httpGet").put("port", 9000));
        expect(ManifestRules::containers, "livenessProbe must GET /healthz",
                t -> Trees.map(container(t, "StatefulSet", "nats"), "livenessProbe", "httpGet").put("path", "/varz"));
    }

    @Test
    void shouldFlagLooseSecurityContexts() {
        expect(ManifestRules::containers, "readOnlyRootFilesystem must be true",
                t -> Trees.map(container(t, "Deployment", "lab-service"), "securityContext").put("readOnlyRootFilesystem", false));
        expect(ManifestRules::containers, "capabilities must drop ALL",
                t -> Trees.map(container(t, "Deployment", "lab-service"), "securityContext").remove("capabilities"));
        expect(ManifestRules::containers, "allowPrivilegeEscalation must be false",
                t -> Trees.map(container(t, "Deployment", "lab-grader"), "securityContext").remove("allowPrivilegeEscalation"));
        expect(ManifestRules::containers, "adds capabilities",
                t -> Trees.map(container(t, "Deployment", "lab-grader"), "securityContext", "capabilities").put("add", List.of("SYS_ADMIN")));
        expect(ManifestRules::containers, "runAsNonRoot must be true",
                t -> Trees.map(podSpec(t, "Deployment", "learning-service"), "securityContext").remove("runAsNonRoot"));
        expect(ManifestRules::containers, "seccompProfile must be RuntimeDefault",
                t -> Trees.map(podSpec(t, "Deployment", "lab-service"), "securityContext").put("seccompProfile", Map.of("type", "Unconfined")));
        expect(ManifestRules::containers, "the sandbox needs seccompProfile Unconfined or a Localhost profile",
                t -> {
                    Trees.map(podSpec(t, "Deployment", "lab-grader"), "securityContext").put("seccompProfile", Map.of("type", "RuntimeDefault"));
                    Trees.map(container(t, "Deployment", "lab-grader"), "securityContext").remove("seccompProfile");
                });
        expect(ManifestRules::containers, "procMount Unmasked is accepted only with hostUsers: false",
                t -> podSpec(t, "Deployment", "lab-grader").remove("hostUsers"));
        expect(ManifestRules::containers, "needs an emptyDir at /tmp",
                t -> Trees.list(container(t, "Deployment", "notification-service"), "volumeMounts").remove(0));
        expect(ManifestRules::containers, "automountServiceAccountToken must be false",
                t -> podSpec(t, "Deployment", "auth-service").remove("automountServiceAccountToken"));
    }

    @Test
    void shouldFlagUnknownFieldsAndKinds() {
        expect(ManifestRules::kindsAndFields, "unknown field spec.template.spec.containers[0].readinesProbe",
                t -> {
                    Map<String, Object> c = container(t, "Deployment", "auth-service");
                    c.put("readinesProbe", c.remove("readinessProbe"));
                });
        expect(ManifestRules::kindsAndFields, "not a Kubernetes kind nor one of the expected custom resources",
                t -> find(t, "ScaledObject", "lab-grader").put("apiVersion", "keda.sh/v1"));
    }

    @Test
    void shouldFlagMissingCompanionsAndFightingAutoscalers() {
        expect(ManifestRules::companions, "Deployment/learning-service: no HorizontalPodAutoscaler",
                t -> t.remove(find(t, "HorizontalPodAutoscaler", "learning-service")));
        expect(ManifestRules::companions, "Deployment/auth-service: no PodDisruptionBudget",
                t -> t.remove(find(t, "PodDisruptionBudget", "auth-service")));
        expect(ManifestRules::companions, "Deployment/lab-grader: has a HorizontalPodAutoscaler",
                t -> {
                    Map<String, Object> hpa = Trees.copy(find(t, "HorizontalPodAutoscaler", "lab-service"));
                    Trees.map(hpa, "metadata").put("name", "lab-grader");
                    Trees.map(hpa, "spec", "scaleTargetRef").put("name", "lab-grader");
                    t.add(hpa);
                });
        expect(ManifestRules::companions, "sets spec.replicas although an autoscaler owns the count",
                t -> Trees.map(find(t, "Deployment", "auth-service"), "spec").put("replicas", 3));
        expect(ManifestRules::companions, "Deployment/lab-grader: no KEDA ScaledObject",
                t -> t.remove(find(t, "ScaledObject", "lab-grader")));
        expect(ManifestRules::companions, "Deployment/notification-service: no Service selects its pods",
                t -> Trees.map(find(t, "Service", "notification-service"), "spec", "selector").put("app.kubernetes.io/name", "notifications"));
    }

    @Test
    void shouldFlagSelectorsThatMatchNothing() {
        expect(ManifestRules::selectorsAndLabels, "Service/learning-service: selector {app.kubernetes.io/name=learning} matches no pod template",
                t -> Trees.map(find(t, "Service", "learning-service"), "spec", "selector").put("app.kubernetes.io/name", "learning"));
        expect(ManifestRules::selectorsAndLabels, "targetPort web is no container port",
                t -> Trees.map(find(t, "Service", "auth-service"), "spec", "ports", 0).put("targetPort", "web"));
        expect(ManifestRules::selectorsAndLabels, "needs label app.kubernetes.io/part-of=kelas",
                t -> Trees.map(find(t, "NetworkPolicy", "allow-dns"), "metadata").remove("labels"));
    }

    @Test
    void shouldFlagReferencesToMissingConfigMapsSecretsAndKeys() {
        expect(ManifestRules::references, "refers to ConfigMap kelas-confg",
                t -> Trees.map(container(t, "Deployment", "auth-service"), "envFrom", 0, "configMapRef").put("name", "kelas-confg"));
        expect(ManifestRules::references, "Secret kelas-db has no key passwd",
                t -> Trees.map(container(t, "Deployment", "lab-grader"), "env", 1, "valueFrom", "secretKeyRef").put("key", "passwd"));
        expect(ManifestRules::references, "refers to Secret kelas-jwt",
                t -> Trees.map(podSpec(t, "Deployment", "auth-service"), "volumes", 1, "secret").put("secretName", "kelas-jwt"));
    }

    @Test
    void shouldFlagUnquotedValues() {
        expect(ManifestRules::stringValues, "annotations nginx.ingress.kubernetes.io/proxy-buffering is false (boolean), quote it",
                t -> Trees.map(find(t, "Ingress", "kelas-notifications"), "metadata", "annotations").put("nginx.ingress.kubernetes.io/proxy-buffering", false));
        expect(ManifestRules::stringValues, "env KELAS_LAB_GRADER_CONCURRENCY is 2 (integer), quote it",
                t -> Trees.map(container(t, "Deployment", "lab-grader"), "env", 4).put("value", 2));
    }

    @Test
    void shouldFlagNetworkPoliciesThatAllowTooMuchOrTooLittle() {
        expect(ManifestRules::networkPolicies, "no default-deny NetworkPolicy", t -> t.remove(find(t, "NetworkPolicy", "default-deny-all")));
        expect(ManifestRules::networkPolicies, "blocked: auth-service -> kube-dns 53/UDP", t -> t.remove(find(t, "NetworkPolicy", "allow-dns")));
        expect(ManifestRules::networkPolicies, "blocked: learning-service -> auth-service 8081/TCP",
                t -> t.remove(find(t, "NetworkPolicy", "jwks-egress-to-auth")));
        expect(ManifestRules::networkPolicies, "allowed, but must not be: lab-grader -> 203.0.113.10 443/TCP",
                t -> t.add(policy("grader-egress-anywhere", "lab-grader", "Egress", Map.of("to", List.of(Map.of("ipBlock", Map.of("cidr", "0.0.0.0/0")))))));
        expect(ManifestRules::networkPolicies, "allowed, but must not be: ingress-nginx controller -> lab-grader 8083/TCP",
                t -> t.add(policy("grader-from-ingress", "lab-grader", "Ingress",
                        Map.of("from", List.of(Map.of("namespaceSelector", Map.of("matchLabels", Map.of("kubernetes.io/metadata.name", "ingress-nginx"))))))));
        expect(ManifestRules::networkPolicies, "blocked: auth-service -> lab-service 8083/TCP",
                t -> t.remove(find(t, "NetworkPolicy", "healthz-egress-from-auth")));
        expect(ManifestRules::networkPolicies, "blocked: Prometheus -> lab-grader 8083/TCP",
                t -> Trees.map(find(t, "NetworkPolicy", "lab-grader-ingress"), "spec", "ingress", 0, "ports", 0).put("port", 9090));
    }

    @Test
    void shouldFlagBrokenIngressRoutes() {
        expect(ManifestRules::ingress, "Server-Sent Events need nginx.ingress.kubernetes.io/proxy-buffering",
                t -> Trees.map(find(t, "Ingress", "kelas-notifications"), "metadata", "annotations").remove("nginx.ingress.kubernetes.io/proxy-buffering"));
        expect(ManifestRules::ingress, "proxy-read-timeout of at least \"3600\"",
                t -> Trees.map(find(t, "Ingress", "kelas-notifications"), "metadata", "annotations").put("nginx.ingress.kubernetes.io/proxy-read-timeout", "60"));
        expect(ManifestRules::ingress, "/api/v1/lab: must go to lab-service",
                t -> Trees.map(ingressPath(t, "/api/v1/lab"), "backend", "service").put("name", "learning-service"));
        expect(ManifestRules::ingress, "no Ingress routes /.well-known",
                t -> Trees.list(find(t, "Ingress", "kelas-api"), "spec", "rules", 0, "http", "paths").remove(ingressPath(t, "/.well-known")));
        expect(ManifestRules::ingress, "has no port",
                t -> Trees.map(ingressPath(t, "/api/v1/classes"), "backend", "service", "port").put("number", 8080));
        expect(ManifestRules::ingress, "exposes / or /q",
                t -> Trees.list(find(t, "Ingress", "kelas-api"), "spec", "rules", 0, "http", "paths").add(
                        Map.of("path", "/q", "pathType", "Prefix", "backend", Map.of("service", Map.of("name", "auth-service", "port", Map.of("number", 8081))))));
    }

    @Test
    void shouldFlagGradersThatServeTheApiOrLackTheirSandboxRoot() {
        expect(ManifestRules::graders, "lab-grader: KELAS_LAB_API_ENABLED must be false", t -> setEnv(t, "lab-grader", "KELAS_LAB_API_ENABLED", "true"));
        expect(ManifestRules::graders, "lab-service: KELAS_LAB_GRADER_ENABLED must be false", t -> setEnv(t, "lab-service", "KELAS_LAB_GRADER_ENABLED", "true"));
        expect(ManifestRules::graders, "the sandbox work root /sandbox needs a writable emptyDir",
                t -> Trees.list(container(t, "Deployment", "lab-grader"), "volumeMounts").remove(0));
        expect(ManifestRules::graders, "not lab-service's image",
                t -> container(t, "Deployment", "lab-grader").put("image", "registry.example.org/kelas/lab-service:0.0.9"));
    }

    @Test
    void shouldFlagAScaledObjectThatWatchesTheWrongThing() {
        expect(ManifestRules::keda, "consumer must be lab-graders",
                t -> Trees.map(find(t, "ScaledObject", "lab-grader"), "spec", "triggers", 0, "metadata").put("consumer", "lab-grader"));
        expect(ManifestRules::keda, "natsServerMonitoringEndpoint nats:8222 must be nats-headless.kelas.svc.cluster.local:8222",
                t -> Trees.map(find(t, "ScaledObject", "lab-grader"), "spec", "triggers", 0, "metadata").put("natsServerMonitoringEndpoint", "nats:8222"));
        expect(ManifestRules::keda, "needs minReplicaCount >= 1",
                t -> Trees.map(find(t, "ScaledObject", "lab-grader"), "spec").put("minReplicaCount", 0));
    }

    @Test
    void shouldFlagANatsClusterThatCannotForm() {
        expect(ManifestRules::nats, "3 replicas need a cluster block with routes to ordinals [0, 1, 2]",
                t -> Trees.map(find(t, "ConfigMap", "nats-config"), "data").compute("nats.conf",
                        (k, v) -> String.valueOf(v).replace("nats://nats-2.nats-headless:6222", "")));
        expect(ManifestRules::nats, "jetstream store_dir must be on the volume data",
                t -> Trees.map(find(t, "ConfigMap", "nats-config"), "data").compute("nats.conf",
                        (k, v) -> String.valueOf(v).replace("store_dir: /data", "store_dir: /tmp/js")));
        expect(ManifestRules::nats, "KELAS_NATS_STREAM_REPLICAS 1 does not fit 3 NATS node(s)",
                t -> Trees.map(find(t, "ConfigMap", "kelas-config"), "data").put("KELAS_NATS_STREAM_REPLICAS", "1"));
        expect(ManifestRules::nats, "JetStream needs a PersistentVolumeClaim template",
                t -> Trees.map(find(t, "StatefulSet", "nats"), "spec").remove("volumeClaimTemplates"));
    }

    @Test
    void shouldFlagMissingDatabasesAndWrongConnectionSettings() {
        expect(ManifestRules::postgres, "bootstrap creates [kelas_auth, kelas_lab, kelas_notification]",
                t -> Trees.list(find(t, "Cluster", "kelas-postgres"), "spec", "bootstrap", "initdb", "postInitSQL").remove(0));
        expect(ManifestRules::postgres, "KELAS_DB_HOST must be kelas-postgres-rw",
                t -> Trees.map(find(t, "ConfigMap", "kelas-config"), "data").put("KELAS_DB_HOST", "kelas-postgres"));
        expect(ManifestRules::postgres, "has no backup.barmanObjectStore.destinationPath",
                t -> Trees.map(find(t, "Cluster", "kelas-postgres"), "spec").remove("backup"));
        expect(ManifestRules::configurationValues, "KELAS_DB_NAME kelas_lab is not learning-service's database kelas_learning",
                t -> setEnv(t, "learning-service", "KELAS_DB_NAME", "kelas_lab"));
        expect(ManifestRules::configurationValues, "KELAS_JWKS_URL http://auth-service:8080/.well-known/jwks.json is not",
                t -> Trees.map(find(t, "ConfigMap", "kelas-config"), "data").put("KELAS_JWKS_URL", "http://auth-service:8080/.well-known/jwks.json"));
    }

    @Test
    void shouldFlagFilesThatWouldNotSurviveAPod() {
        expect(ManifestRules::fileStorage, "filesystem storage at /var/lib/kelas/learning-files needs a PersistentVolumeClaim",
                t -> setEnv(t, "learning-service", "KELAS_LEARNING_STORAGE_KIND", "filesystem"));
        expect(ManifestRules::fileStorage, "storage kind s3 without KELAS_AUTH_STORAGE_S3_BUCKET",
                t -> Trees.list(container(t, "Deployment", "auth-service"), "env")
                        .removeIf(e -> "KELAS_AUTH_STORAGE_S3_BUCKET".equals(Trees.map(e).get("name"))));
        expect(ManifestRules::fileStorage, "KELAS_LEARNING_STORAGE_S3_SECRET_KEY must come from a Secret",
                t -> Trees.list(container(t, "Deployment", "learning-service"), "env").stream().map(Trees::map)
                        .filter(e -> "KELAS_LEARNING_STORAGE_S3_SECRET_KEY".equals(e.get("name"))).findFirst().orElseThrow()
                        .compute("valueFrom", (k, v) -> null));
    }

    // --- helpers ---

    /** Breaks a copy of prod with {@code breakIt} and expects {@code rule} to report {@code message}; prod itself reports nothing. */
    private static void expect(Function<Rendered, List<String>> rule, String message, Consumer<List<Map<String, Object>>> breakIt) {
        List<Map<String, Object>> trees = new ArrayList<>(Trees.copy(KubernetesOverlayTests.PROD.trees()));
        assertTrue(rule.apply(Rendered.of("prod", trees)).isEmpty(), "prod itself keeps the rule");
        breakIt.accept(trees);
        List<String> violations = rule.apply(Rendered.of("broken prod", trees));
        assertTrue(violations.stream().anyMatch(v -> v.contains(message)), "expected a violation containing '" + message + "', got " + violations);
    }

    static Map<String, Object> find(List<Map<String, Object>> trees, String kind, String name) {
        return trees.stream().filter(t -> kind.equals(t.get("kind")) && name.equals(Trees.string(t, "metadata", "name"))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + "/" + name));
    }

    static Map<String, Object> podSpec(List<Map<String, Object>> trees, String kind, String name) {
        return Trees.map(find(trees, kind, name), "spec", "template", "spec");
    }

    static Map<String, Object> container(List<Map<String, Object>> trees, String kind, String name) {
        return Trees.map(podSpec(trees, kind, name), "containers", 0);
    }

    private static Map<String, Object> ingressPath(List<Map<String, Object>> trees, String path) {
        return Trees.list(find(trees, "Ingress", "kelas-api"), "spec", "rules", 0, "http", "paths").stream().map(Trees::map)
                .filter(p -> path.equals(p.get("path"))).findFirst().orElseThrow();
    }

    private static void setEnv(List<Map<String, Object>> trees, String deployment, String name, String value) {
        Trees.list(container(trees, "Deployment", deployment), "env").stream().map(Trees::map)
                .filter(e -> name.equals(e.get("name"))).findFirst().orElseThrow().put("value", value);
    }

    private static Map<String, Object> policy(String name, String pod, String type, Map<String, Object> rule) {
        Map<String, Object> spec = new LinkedHashMap<>();
        spec.put("podSelector", Map.of("matchLabels", Map.of("app.kubernetes.io/name", pod)));
        spec.put("policyTypes", List.of(type));
        spec.put(type.toLowerCase(), List.of(rule));
        return new LinkedHashMap<>(Map.of("apiVersion", "networking.k8s.io/v1", "kind", "NetworkPolicy",
                "metadata", Map.of("name", name, "namespace", "kelas", "labels", Map.of("app.kubernetes.io/part-of", "kelas")), "spec", spec));
    }
}
