package dev.kelas.deploy;

import dev.kelas.deploy.NetworkModel.Endpoint;
import dev.kelas.deploy.Rendered.Workload;
import io.fabric8.kubernetes.api.model.Capabilities;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.EnvFromSource;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PodSecurityContext;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SeccompProfile;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecurityContext;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.networking.v1.IngressRule;
import io.fabric8.kubernetes.api.model.networking.v1.IngressServiceBackend;
import io.fabric8.kubernetes.api.model.networking.v1.IngressTLS;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules a rendered Kelas deployment must keep. Each rule returns its violations as readable
 * sentences ("Deployment/auth-service container auth-service: no memory limit"); an empty list
 * means the rule holds. Rules name what they check in {@link #ALL}.
 */
final class ManifestRules {
    /** The API services and their HTTP ports (docs/architecture.md). */
    static final Map<String, Integer> API_SERVICES = ordered(
            "auth-service", 8081, "learning-service", 8082, "lab-service", 8083, "notification-service", 8084);
    static final String GRADER = "lab-grader";
    /** The services that keep files (hand-ins, avatars) in the object store: HTTPS out is theirs alone. */
    static final Set<String> FILE_KEEPERS = Set.of("auth-service", "learning-service");
    static final List<String> DATABASES = List.of("kelas_auth", "kelas_learning", "kelas_lab", "kelas_notification");
    /** Secrets created by hand before the first deploy (docs/operations.md, Deploy), with the keys they hold. */
    static final Map<String, Set<String>> EXTERNAL_SECRETS = Map.of(
            "kelas-db", Set.of("username", "password"),
            "kelas-jwt-key", Set.of("private.pem"),
            "kelas-jwt-kek", Set.of("keys"),
            // Created by CloudNativePG for Cluster kelas-postgres: the CA of its server certificates.
            "kelas-postgres-ca", Set.of("ca.crt"),
            "kelas-backup-s3", Set.of("ACCESS_KEY_ID", "ACCESS_SECRET_KEY"),
            // The object store of hand-ins and avatars (docs/operations.md, Files); region is optional.
            "kelas-files-s3", Set.of("endpoint", "bucket", "region", "access-key", "secret-key"),
            "kelas-tls", Set.of("tls.crt", "tls.key"));
    /** Public path prefixes and the service each belongs to. */
    static final Map<String, String> ROUTES = EdgeRoutes.services();
    static final String STREAMING_ROUTE = "/api/v1/notifications";
    static final String HEALTH_STARTED = "/q/health/started";
    static final String HEALTH_LIVE = "/q/health/live";
    static final String HEALTH_READY = "/q/health/ready";

    /** Every rule by name. */
    static final Map<String, Function<Rendered, List<String>>> ALL = new LinkedHashMap<>();

    static {
        ALL.put("resource kinds and fields", ManifestRules::kindsAndFields);
        ALL.put("containers: images, resources, security, probes, mounts", ManifestRules::containers);
        ALL.put("each Deployment's Service, PodDisruptionBudget and autoscaler", ManifestRules::companions);
        ALL.put("selectors and labels", ManifestRules::selectorsAndLabels);
        ALL.put("ConfigMap and Secret references", ManifestRules::references);
        ALL.put("string values where Kubernetes wants strings", ManifestRules::stringValues);
        ALL.put("network policies", ManifestRules::networkPolicies);
        ALL.put("ingress routes", ManifestRules::ingress);
        ALL.put("graders", ManifestRules::graders);
        ALL.put("KEDA scaling of the graders", ManifestRules::keda);
        ALL.put("NATS JetStream cluster", ManifestRules::nats);
        ALL.put("PostgreSQL cluster", ManifestRules::postgres);
        ALL.put("service configuration values", ManifestRules::configurationValues);
        ALL.put("file storage", ManifestRules::fileStorage);
    }

    private ManifestRules() {
    }

    static boolean isKelas(Workload workload) {
        return API_SERVICES.containsKey(workload.name()) || GRADER.equals(workload.name());
    }

    // --- kinds --------------------------------------------------------------------------------------

    /** Kinds are Kubernetes' own or the custom resources Kelas expects; typed kinds have no unknown fields. */
    static List<String> kindsAndFields(Rendered r) {
        List<String> violations = new ArrayList<>();
        for (int i = 0; i < r.trees().size(); i++) {
            Map<String, Object> tree = r.trees().get(i);
            String id = tree.get("apiVersion") + " " + Trees.id(tree);
            if (!Model.isBuiltIn(tree) && !Model.CUSTOM_RESOURCES.contains(tree.get("apiVersion") + " " + tree.get("kind"))) {
                violations.add(id + ": not a Kubernetes kind nor one of the expected custom resources " + Model.CUSTOM_RESOURCES);
            }
            for (String field : Model.unknownFields(r.objects().get(i))) {
                violations.add(id + ": unknown field " + field);
            }
        }
        return violations;
    }

    // --- containers ---------------------------------------------------------------------------------

    static List<String> containers(Rendered r) {
        List<String> violations = new ArrayList<>();
        for (Workload w : r.workloads()) {
            if (!Boolean.FALSE.equals(w.pod().getAutomountServiceAccountToken())) {
                violations.add(w.id() + ": automountServiceAccountToken must be false (nothing here calls the Kubernetes API)");
            }
            for (Container c : w.containers()) {
                String where = w.id() + " container " + c.getName();
                imageProblem(c.getImage()).ifPresent(p -> violations.add(where + ": " + p));
                resources(c, where, violations);
                security(w, c, where, violations);
                mounts(w, c, where, violations);
            }
            for (Container c : w.pod().getContainers()) {
                probes(w, c, w.id() + " container " + c.getName(), violations);
            }
        }
        return violations;
    }

    /** Empty when the image names a tag other than latest, or a digest. */
    static Optional<String> imageProblem(String image) {
        if (image == null || image.isBlank()) {
            return Optional.of("no image");
        }
        if (image.contains("@sha256:")) {
            return Optional.empty();
        }
        String name = Kustomize.imageName(image);
        if (name.equals(image)) {
            return Optional.of("image " + image + " has no tag (pin a version)");
        }
        if (image.substring(name.length() + 1).equals("latest")) {
            return Optional.of("image " + image + " uses the tag latest (pin a version)");
        }
        return Optional.empty();
    }

    private static void resources(Container c, String where, List<String> violations) {
        Map<String, Quantity> requests = c.getResources() == null ? null : c.getResources().getRequests();
        Map<String, Quantity> limits = c.getResources() == null ? null : c.getResources().getLimits();
        for (String resource : List.of("cpu", "memory")) {
            Quantity request = requests == null ? null : requests.get(resource);
            Quantity limit = limits == null ? null : limits.get(resource);
            if (request == null) {
                violations.add(where + ": no " + resource + " request");
            }
            if (limit == null) {
                violations.add(where + ": no " + resource + " limit");
            }
            if (request != null && limit != null
                    && Quantity.getAmountInBytes(request).compareTo(Quantity.getAmountInBytes(limit)) > 0) {
                violations.add(where + ": " + resource + " request " + request + " above its limit " + limit);
            }
        }
    }

    private static void security(Workload w, Container c, String where, List<String> violations) {
        PodSecurityContext pod = w.pod().getSecurityContext();
        SecurityContext sc = c.getSecurityContext();
        if (sc == null) {
            violations.add(where + ": no securityContext");
            return;
        }
        if (!Boolean.FALSE.equals(sc.getAllowPrivilegeEscalation())) {
            violations.add(where + ": allowPrivilegeEscalation must be false");
        }
        if (!Boolean.TRUE.equals(sc.getReadOnlyRootFilesystem())) {
            violations.add(where + ": readOnlyRootFilesystem must be true");
        }
        if (Boolean.TRUE.equals(sc.getPrivileged())) {
            violations.add(where + ": privileged");
        }
        Capabilities capabilities = sc.getCapabilities();
        if (capabilities == null || !capabilities.getDrop().contains("ALL")) {
            violations.add(where + ": capabilities must drop ALL");
        }
        if (capabilities != null && !capabilities.getAdd().isEmpty()) {
            violations.add(where + ": adds capabilities " + capabilities.getAdd());
        }
        Boolean nonRoot = sc.getRunAsNonRoot() != null ? sc.getRunAsNonRoot() : pod == null ? null : pod.getRunAsNonRoot();
        if (!Boolean.TRUE.equals(nonRoot)) {
            violations.add(where + ": runAsNonRoot must be true");
        }
        Long user = sc.getRunAsUser() != null ? sc.getRunAsUser() : pod == null ? null : pod.getRunAsUser();
        if (user == null || user == 0) {
            violations.add(where + ": needs an explicit non-zero runAsUser");
        } else if (isKelas(w) && user != 185) {
            violations.add(where + ": Kelas images run as uid 185, not " + user);
        }
        SeccompProfile seccomp = sc.getSeccompProfile() != null ? sc.getSeccompProfile() : pod == null ? null : pod.getSeccompProfile();
        String type = seccomp == null ? null : seccomp.getType();
        if (GRADER.equals(w.name())) {
            boolean localhost = "Localhost".equals(type) && seccomp.getLocalhostProfile() != null && !seccomp.getLocalhostProfile().isBlank();
            if (!"Unconfined".equals(type) && !localhost) {
                violations.add(where + ": the sandbox needs seccompProfile Unconfined or a Localhost profile that allows user namespaces, not " + type);
            }
        } else if (!"RuntimeDefault".equals(type) && !"Localhost".equals(type)) {
            violations.add(where + ": seccompProfile must be RuntimeDefault, not " + type);
        }
        if ("Unmasked".equals(sc.getProcMount())) {
            if (!GRADER.equals(w.name())) {
                violations.add(where + ": only the graders' sandbox needs procMount Unmasked");
            }
            if (!Boolean.FALSE.equals(w.pod().getHostUsers())) {
                violations.add(where + ": procMount Unmasked is accepted only with hostUsers: false");
            }
        }
        if (sc.getAppArmorProfile() != null && "Unconfined".equals(sc.getAppArmorProfile().getType()) && !GRADER.equals(w.name())) {
            violations.add(where + ": only the graders' sandbox needs AppArmor Unconfined");
        }
    }

    private static void probes(Workload w, Container c, String where, List<String> violations) {
        if (isKelas(w)) {
            expectHttpProbe(c, "startupProbe", c.getStartupProbe(), HEALTH_STARTED, where, violations);
            expectHttpProbe(c, "livenessProbe", c.getLivenessProbe(), HEALTH_LIVE, where, violations);
            expectHttpProbe(c, "readinessProbe", c.getReadinessProbe(), HEALTH_READY, where, violations);
            return;
        }
        boolean nats = c.getImage() != null && c.getImage().startsWith("nats:");
        Map<String, Probe> required = new LinkedHashMap<>();
        required.put("livenessProbe", c.getLivenessProbe());
        required.put("readinessProbe", c.getReadinessProbe());
        for (Map.Entry<String, Probe> probe : required.entrySet()) {
            if (probe.getValue() == null) {
                violations.add(where + ": no " + probe.getKey());
            } else if (nats) {
                expectHttpProbe(c, probe.getKey(), probe.getValue(), "/healthz", where, violations);
            }
        }
    }

    private static void expectHttpProbe(Container c, String kind, Probe probe, String path, String where, List<String> violations) {
        if (probe == null) {
            violations.add(where + ": no " + kind);
            return;
        }
        if (probe.getHttpGet() == null || probe.getHttpGet().getPath() == null
                || !(probe.getHttpGet().getPath().equals(path) || probe.getHttpGet().getPath().startsWith(path + "?"))) {
            violations.add(where + ": " + kind + " must GET " + path);
            return;
        }
        if (!hasPort(c, probe.getHttpGet().getPort())) {
            violations.add(where + ": " + kind + " port " + probe.getHttpGet().getPort().getValue() + " is not a port of the container");
        }
    }

    private static boolean hasPort(Container c, IntOrString port) {
        if (port == null) {
            return false;
        }
        for (ContainerPort declared : c.getPorts()) {
            if (port.getStrVal() != null ? port.getStrVal().equals(declared.getName()) : port.getIntVal().equals(declared.getContainerPort())) {
                return true;
            }
        }
        return false;
    }

    private static void mounts(Workload w, Container c, String where, List<String> violations) {
        Map<String, Volume> volumes = new HashMap<>();
        w.pod().getVolumes().forEach(v -> volumes.put(v.getName(), v));
        Set<String> claims = new TreeSet<>();
        w.claims().forEach(claim -> claims.add(claim.getMetadata().getName()));
        for (VolumeMount mount : c.getVolumeMounts()) {
            if (!volumes.containsKey(mount.getName()) && !claims.contains(mount.getName())) {
                violations.add(where + ": mounts " + mount.getName() + ", which is no volume of the pod");
            }
        }
        if (isKelas(w)) {
            boolean tmp = c.getVolumeMounts().stream().anyMatch(m -> m.getMountPath().equals("/tmp")
                    && volumes.containsKey(m.getName()) && volumes.get(m.getName()).getEmptyDir() != null);
            if (!tmp) {
                violations.add(where + ": needs an emptyDir at /tmp (the root filesystem is read-only)");
            }
        }
    }

    // --- companions ---------------------------------------------------------------------------------

    static List<String> companions(Rendered r) {
        List<String> violations = new ArrayList<>();
        for (Deployment d : r.all(Deployment.class)) {
            Workload w = r.workload(d.getMetadata().getName()).orElseThrow();
            List<Service> services = r.all(Service.class).stream().filter(s -> selects(s, w)).toList();
            List<PodDisruptionBudget> budgets = r.all(PodDisruptionBudget.class).stream()
                    .filter(p -> NetworkModel.matches(p.getSpec().getSelector(), w.podLabels())).toList();
            List<HorizontalPodAutoscaler> autoscalers = r.all(HorizontalPodAutoscaler.class).stream()
                    .filter(h -> "Deployment".equals(h.getSpec().getScaleTargetRef().getKind())
                            && w.name().equals(h.getSpec().getScaleTargetRef().getName())).toList();
            List<GenericKubernetesResource> scaledObjects = r.custom("keda.sh", "ScaledObject").stream()
                    .filter(s -> w.name().equals(Trees.string(s.getAdditionalProperties(), "spec", "scaleTargetRef", "name"))).toList();
            if (GRADER.equals(w.name())) {
                if (scaledObjects.isEmpty()) {
                    violations.add(w.id() + ": no KEDA ScaledObject scales the graders");
                }
                if (!autoscalers.isEmpty()) {
                    violations.add(w.id() + ": has a HorizontalPodAutoscaler; KEDA creates its own and the two would fight");
                }
                if (!services.isEmpty()) {
                    violations.add(w.id() + ": Service " + services.get(0).getMetadata().getName() + " selects the graders, which serve no API");
                }
            } else {
                if (services.isEmpty()) {
                    violations.add(w.id() + ": no Service selects its pods");
                }
                if (budgets.isEmpty()) {
                    violations.add(w.id() + ": no PodDisruptionBudget");
                }
                if (autoscalers.isEmpty()) {
                    violations.add(w.id() + ": no HorizontalPodAutoscaler (autoscaling/v2)");
                }
            }
            if ((!autoscalers.isEmpty() || !scaledObjects.isEmpty()) && d.getSpec().getReplicas() != null) {
                violations.add(w.id() + ": sets spec.replicas although an autoscaler owns the count (every apply would reset it)");
            }
        }
        for (StatefulSet s : r.all(StatefulSet.class)) {
            Workload w = r.workload(s.getMetadata().getName()).orElseThrow();
            Optional<Service> headless = r.find(Service.class, String.valueOf(s.getSpec().getServiceName()));
            if (headless.isEmpty() || !"None".equals(headless.get().getSpec().getClusterIP()) || !selects(headless.get(), w)) {
                violations.add(w.id() + ": serviceName " + s.getSpec().getServiceName() + " is not a headless Service selecting its pods");
            }
            if (r.all(PodDisruptionBudget.class).stream().noneMatch(p -> NetworkModel.matches(p.getSpec().getSelector(), w.podLabels()))) {
                violations.add(w.id() + ": no PodDisruptionBudget");
            }
        }
        for (HasMetadata object : r.objects()) {
            if (object.getKind().equals("HorizontalPodAutoscaler") && !(object instanceof HorizontalPodAutoscaler)) {
                violations.add("HorizontalPodAutoscaler/" + object.getMetadata().getName() + ": use autoscaling/v2, not " + object.getApiVersion());
            }
        }
        for (HorizontalPodAutoscaler h : r.all(HorizontalPodAutoscaler.class)) {
            String id = "HorizontalPodAutoscaler/" + h.getMetadata().getName();
            if (r.find(Deployment.class, h.getSpec().getScaleTargetRef().getName()).isEmpty()) {
                violations.add(id + ": scales " + h.getSpec().getScaleTargetRef().getName() + ", which is no Deployment here");
            }
            Integer min = h.getSpec().getMinReplicas();
            if (min == null || min < 1 || min > h.getSpec().getMaxReplicas()) {
                violations.add(id + ": minReplicas " + min + " must be between 1 and maxReplicas " + h.getSpec().getMaxReplicas());
            }
            if (h.getSpec().getMetrics().isEmpty()) {
                violations.add(id + ": no metrics");
            }
        }
        for (PodDisruptionBudget p : r.all(PodDisruptionBudget.class)) {
            if (r.workloads().stream().noneMatch(w -> NetworkModel.matches(p.getSpec().getSelector(), w.podLabels()))) {
                violations.add("PodDisruptionBudget/" + p.getMetadata().getName() + ": selects no pods");
            }
        }
        return violations;
    }

    private static boolean selects(Service service, Workload workload) {
        Map<String, String> selector = service.getSpec().getSelector();
        return selector != null && !selector.isEmpty() && workload.podLabels() != null
                && workload.podLabels().entrySet().containsAll(selector.entrySet());
    }

    // --- selectors and labels -----------------------------------------------------------------------

    static List<String> selectorsAndLabels(Rendered r) {
        List<String> violations = new ArrayList<>();
        for (Service s : r.all(Service.class)) {
            String id = "Service/" + s.getMetadata().getName();
            List<Workload> selected = r.workloads().stream().filter(w -> selects(s, w)).toList();
            if (selected.isEmpty()) {
                violations.add(id + ": selector " + s.getSpec().getSelector() + " matches no pod template");
            }
            for (ServicePort port : s.getSpec().getPorts()) {
                IntOrString target = port.getTargetPort() != null ? port.getTargetPort() : new IntOrString(port.getPort());
                for (Workload w : selected) {
                    if (w.pod().getContainers().stream().noneMatch(c -> hasPort(c, target))) {
                        violations.add(id + ": targetPort " + target.getValue() + " is no container port of " + w.id());
                    }
                }
            }
        }
        for (Workload w : r.workloads()) {
            if (!NetworkModel.matches(w.selector(), w.podLabels())) {
                violations.add(w.id() + ": its selector does not match its own pod template");
            }
            if (w.podLabels() == null || !w.name().equals(w.podLabels().get("app.kubernetes.io/name"))
                    || !"kelas".equals(w.podLabels().get("app.kubernetes.io/part-of"))) {
                violations.add(w.id() + ": pod template needs labels app.kubernetes.io/name=" + w.name() + " and app.kubernetes.io/part-of=kelas");
            }
            if (!w.name().equals(w.owner().getMetadata().getLabels().get("app.kubernetes.io/name"))) {
                violations.add(w.id() + ": needs label app.kubernetes.io/name=" + w.name());
            }
        }
        for (HasMetadata object : r.objects()) {
            Map<String, String> labels = object.getMetadata().getLabels();
            if (labels == null || !"kelas".equals(labels.get("app.kubernetes.io/part-of"))) {
                violations.add(object.getKind() + "/" + object.getMetadata().getName() + ": needs label app.kubernetes.io/part-of=kelas");
            }
        }
        return violations;
    }

    // --- references ---------------------------------------------------------------------------------

    static List<String> references(Rendered r) {
        List<String> violations = new ArrayList<>();
        Map<String, Set<String>> configMaps = new HashMap<>();
        r.all(ConfigMap.class).forEach(c -> configMaps.put(c.getMetadata().getName(), keys(c.getData())));
        Map<String, Set<String>> secrets = new HashMap<>(EXTERNAL_SECRETS);
        for (Secret s : r.all(Secret.class)) {
            Set<String> keys = new TreeSet<>(keys(s.getData()));
            keys.addAll(keys(s.getStringData()));
            secrets.put(s.getMetadata().getName(), keys);
        }
        for (Workload w : r.workloads()) {
            for (Container c : w.containers()) {
                String where = w.id() + " container " + c.getName();
                for (EnvFromSource from : c.getEnvFrom()) {
                    if (from.getConfigMapRef() != null) {
                        reference(configMaps, "ConfigMap", from.getConfigMapRef().getName(), null, where, violations);
                    }
                    if (from.getSecretRef() != null) {
                        reference(secrets, "Secret", from.getSecretRef().getName(), null, where, violations);
                    }
                }
                for (EnvVar env : c.getEnv()) {
                    if (env.getValueFrom() != null && env.getValueFrom().getConfigMapKeyRef() != null) {
                        reference(configMaps, "ConfigMap", env.getValueFrom().getConfigMapKeyRef().getName(),
                                env.getValueFrom().getConfigMapKeyRef().getKey(), where, violations);
                    }
                    if (env.getValueFrom() != null && env.getValueFrom().getSecretKeyRef() != null) {
                        reference(secrets, "Secret", env.getValueFrom().getSecretKeyRef().getName(),
                                env.getValueFrom().getSecretKeyRef().getKey(), where, violations);
                    }
                }
            }
            for (Volume v : w.pod().getVolumes()) {
                String where = w.id() + " volume " + v.getName();
                if (v.getConfigMap() != null) {
                    reference(configMaps, "ConfigMap", v.getConfigMap().getName(), null, where, violations);
                    for (KeyToPath item : v.getConfigMap().getItems()) {
                        reference(configMaps, "ConfigMap", v.getConfigMap().getName(), item.getKey(), where, violations);
                    }
                }
                if (v.getSecret() != null) {
                    reference(secrets, "Secret", v.getSecret().getSecretName(), null, where, violations);
                    for (KeyToPath item : v.getSecret().getItems()) {
                        reference(secrets, "Secret", v.getSecret().getSecretName(), item.getKey(), where, violations);
                    }
                }
            }
        }
        for (Ingress ingress : r.all(Ingress.class)) {
            for (IngressTLS tls : ingress.getSpec().getTls()) {
                reference(secrets, "Secret", tls.getSecretName(), "tls.crt", "Ingress/" + ingress.getMetadata().getName(), violations);
            }
        }
        for (GenericKubernetesResource cluster : r.custom("postgresql.cnpg.io", "Cluster")) {
            Map<String, Object> spec = Trees.map(cluster.getAdditionalProperties(), "spec");
            String where = "Cluster/" + cluster.getMetadata().getName();
            String owner = Trees.string(spec, "bootstrap", "initdb", "secret", "name");
            if (owner != null) {
                reference(secrets, "Secret", owner, "username", where, violations);
                reference(secrets, "Secret", owner, "password", where, violations);
            }
            for (String credential : List.of("accessKeyId", "secretAccessKey")) {
                Map<String, Object> ref = Trees.map(spec, "backup", "barmanObjectStore", "s3Credentials", credential);
                if (ref != null) {
                    reference(secrets, "Secret", Trees.string(ref, "name"), Trees.string(ref, "key"), where, violations);
                }
            }
        }
        return violations;
    }

    private static Set<String> keys(Map<String, String> data) {
        return data == null ? Set.of() : data.keySet();
    }

    private static void reference(Map<String, Set<String>> known, String kind, String name, String key, String where,
                                  List<String> violations) {
        if (!known.containsKey(name)) {
            violations.add(where + ": refers to " + kind + " " + name + ", which is neither in the manifests nor an expected external Secret "
                    + EXTERNAL_SECRETS.keySet());
        } else if (key != null && !known.get(name).contains(key)) {
            violations.add(where + ": " + kind + " " + name + " has no key " + key);
        }
    }

    // --- values Kubernetes wants as strings ---------------------------------------------------------

    /**
     * Labels, annotations, env values and ConfigMap data must be strings. An unquoted {@code true} or
     * {@code 3600} is a boolean or number to every YAML parser, which the API server refuses there; an
     * unquoted {@code off} is a boolean to YAML 1.1 parsers (kubectl apply -f, SnakeYAML) but a string to
     * kustomize's YAML 1.2 parser, so its meaning depends on the tool. Quoted, all agree.
     */
    static List<String> stringValues(Rendered r) {
        List<String> violations = new ArrayList<>();
        for (Map<String, Object> tree : r.trees()) {
            String id = Trees.id(tree);
            for (String field : List.of("labels", "annotations")) {
                Map<String, Object> values = Trees.map(tree, "metadata", field);
                if (values != null) {
                    values.forEach((k, v) -> {
                        if (!(v instanceof String)) {
                            violations.add(id + ": " + field + " " + k + " is " + v + " (" + typeOf(v) + "), quote it");
                        }
                    });
                }
            }
            if ("ConfigMap".equals(tree.get("kind")) && Trees.map(tree, "data") != null) {
                Trees.map(tree, "data").forEach((k, v) -> {
                    if (!(v instanceof String)) {
                        violations.add(id + ": data " + k + " is " + v + " (" + typeOf(v) + "), quote it");
                    }
                });
            }
            envValues(tree, id, violations);
        }
        return violations;
    }

    private static void envValues(Object tree, String id, List<String> violations) {
        if (tree instanceof Map<?, ?> map) {
            map.forEach((k, v) -> {
                if ("env".equals(k) && v instanceof List<?> list) {
                    list.forEach(item -> {
                        Object value = Trees.at(item, "value");
                        if (value != null && !(value instanceof String)) {
                            violations.add(id + ": env " + Trees.string(item, "name") + " is " + value + " (" + typeOf(value) + "), quote it");
                        }
                    });
                } else {
                    envValues(v, id, violations);
                }
            });
        } else if (tree instanceof List<?> list) {
            list.forEach(item -> envValues(item, id, violations));
        }
    }

    private static String typeOf(Object value) {
        return value == null ? "null" : value.getClass().getSimpleName().toLowerCase();
    }

    // --- file storage -------------------------------------------------------------------------------

    /** The services that keep files, their configuration prefix (KELAS_<prefix>_STORAGE_*) and default root. */
    static final Map<String, String> STORAGE_PREFIX = Map.of("auth-service", "AUTH", "learning-service", "LEARNING");

    /**
     * Hand-ins and avatars survive a pod: a service that keeps files either uses S3 (kind {@code s3} with its
     * endpoint, bucket and both keys set) or keeps them on a PersistentVolumeClaim mounted at its storage root; never
     * in the container (read-only) or an emptyDir (gone with the pod).
     */
    static List<String> fileStorage(Rendered r) {
        List<String> violations = new ArrayList<>();
        for (Workload w : r.workloads()) {
            String prefix = STORAGE_PREFIX.get(w.name());
            if (prefix == null || w.pod().getContainers().isEmpty()) {
                continue;
            }
            Container c = w.pod().getContainers().get(0);
            Map<String, EnvVar> env = new HashMap<>();
            c.getEnv().forEach(e -> env.put(e.getName(), e));
            String var = "KELAS_" + prefix + "_STORAGE_";
            String kind = Optional.ofNullable(env.get(var + "KIND")).map(EnvVar::getValue).orElse("filesystem");
            if ("s3".equals(kind)) {
                for (String key : List.of("S3_ENDPOINT", "S3_BUCKET", "S3_ACCESS_KEY", "S3_SECRET_KEY")) {
                    if (!env.containsKey(var + key)) {
                        violations.add(w.id() + ": storage kind s3 without " + var + key);
                    }
                }
                for (String secret : List.of("S3_ACCESS_KEY", "S3_SECRET_KEY")) {
                    EnvVar e = env.get(var + secret);
                    if (e != null && (e.getValueFrom() == null || e.getValueFrom().getSecretKeyRef() == null)) {
                        violations.add(w.id() + ": " + var + secret + " must come from a Secret");
                    }
                }
            } else if ("filesystem".equals(kind)) {
                String root = Optional.ofNullable(env.get(var + "ROOT")).map(EnvVar::getValue)
                        .orElse("/var/lib/kelas/" + prefix.toLowerCase() + "-files");
                Optional<VolumeMount> mount = c.getVolumeMounts().stream().filter(m -> m.getMountPath().equals(root)).findFirst();
                boolean claimed = mount.isPresent() && w.pod().getVolumes().stream().anyMatch(v -> v.getName().equals(mount.get().getName())
                        && v.getPersistentVolumeClaim() != null);
                if (!claimed) {
                    violations.add(w.id() + ": filesystem storage at " + root + " needs a PersistentVolumeClaim mounted there");
                } else if (Boolean.TRUE.equals(mount.get().getReadOnly())) {
                    violations.add(w.id() + ": the file storage volume at " + root + " is mounted read-only");
                }
            } else {
                violations.add(w.id() + ": " + var + "KIND must be s3 or filesystem, not " + kind);
            }
        }
        return violations;
    }

    // --- network policies ---------------------------------------------------------------------------

    static List<String> networkPolicies(Rendered r) {
        List<String> violations = new ArrayList<>();
        List<NetworkPolicy> policies = r.all(NetworkPolicy.class);
        boolean defaultDeny = policies.stream().anyMatch(p -> isEmpty(p.getSpec().getPodSelector())
                && p.getSpec().getPolicyTypes().containsAll(List.of("Ingress", "Egress"))
                && p.getSpec().getIngress().isEmpty() && p.getSpec().getEgress().isEmpty());
        if (!defaultDeny) {
            violations.add("no default-deny NetworkPolicy (empty podSelector, policyTypes Ingress and Egress, no rules)");
        }
        String namespace = r.namespace() != null ? r.namespace() : "kelas";
        NetworkModel model = new NetworkModel(policies, namespace);
        Map<String, Endpoint> pods = new LinkedHashMap<>();
        int host = 10;
        for (Workload w : r.workloads()) {
            Map<String, Integer> ports = new HashMap<>();
            w.pod().getContainers().forEach(c -> c.getPorts().forEach(p -> {
                if (p.getName() != null) {
                    ports.put(p.getName(), p.getContainerPort());
                }
            }));
            pods.put(w.name(), Endpoint.pod(w.name(), namespace, w.podLabels(), ports, "10.244.0." + host++));
        }
        String postgres = null;
        for (GenericKubernetesResource cluster : r.custom("postgresql.cnpg.io", "Cluster")) {
            postgres = cluster.getMetadata().getName();
            pods.put(postgres, Endpoint.pod(postgres, namespace, Map.of("cnpg.io/cluster", postgres, "cnpg.io/instanceRole", "primary"),
                    Map.of("postgresql", 5432, "metrics", 9187, "status", 8000), "10.244.0." + host++));
        }
        String nats = natsStatefulSet(r).map(s -> s.getMetadata().getName()).orElse(null);
        Endpoint ingressController = Endpoint.pod("ingress-nginx controller", "ingress-nginx",
                Map.of("app.kubernetes.io/name", "ingress-nginx"), Map.of(), "10.244.1.1");
        Endpoint prometheus = Endpoint.pod("Prometheus", "monitoring", Map.of("app.kubernetes.io/name", "prometheus"), Map.of(), "10.244.1.2");
        Endpoint dns = Endpoint.pod("kube-dns", "kube-system", Map.of("k8s-app", "kube-dns"), Map.of(), "10.244.1.3");
        Endpoint keda = Endpoint.pod("KEDA operator", "keda", Map.of("app", "keda-operator"), Map.of(), "10.244.1.4");
        Endpoint cnpgOperator = Endpoint.pod("CloudNativePG operator", "cnpg-system", Map.of("app.kubernetes.io/name", "cloudnative-pg"), Map.of(), "10.244.1.5");
        Endpoint stranger = Endpoint.pod("a pod in namespace default", "default", Map.of("app", "stranger"), Map.of(), "10.244.1.6");
        Endpoint internet = Endpoint.address("203.0.113.10");

        List<Flow> flows = new ArrayList<>();
        for (Map.Entry<String, Integer> api : API_SERVICES.entrySet()) {
            Endpoint service = pods.get(api.getKey());
            if (service != null) {
                flows.add(new Flow(ingressController, service, api.getValue(), "TCP", true));
                flows.add(new Flow(stranger, service, api.getValue(), "TCP", false));
                flows.add(new Flow(internet, service, api.getValue(), "TCP", false));
            }
        }
        for (String name : pods.keySet()) {
            Endpoint kelas = pods.get(name);
            if (!API_SERVICES.containsKey(name) && !GRADER.equals(name)) {
                continue;
            }
            flows.add(new Flow(prometheus, kelas, API_SERVICES.getOrDefault(name, 8083), "TCP", true));
            flows.add(new Flow(kelas, dns, 53, "UDP", true));
            flows.add(new Flow(kelas, dns, 53, "TCP", true));
            // Files go to an S3-compatible object store outside the pod network (files-egress-to-object-store).
            flows.add(new Flow(kelas, internet, 443, "TCP", FILE_KEEPERS.contains(name)));
            if (postgres != null) {
                flows.add(new Flow(kelas, pods.get(postgres), 5432, "TCP", true));
            }
            if (nats != null) {
                flows.add(new Flow(kelas, pods.get(nats), 4222, "TCP", true));
            }
        }
        Endpoint auth = pods.get("auth-service");
        for (String verifier : List.of("learning-service", "lab-service", "notification-service")) {
            if (pods.containsKey(verifier) && auth != null) {
                flows.add(new Flow(pods.get(verifier), auth, 8081, "TCP", true));
            }
        }
        Endpoint grader = pods.get(GRADER);
        if (grader != null) {
            flows.add(new Flow(ingressController, grader, 8083, "TCP", false));
            flows.add(new Flow(stranger, grader, 8083, "TCP", false));
            if (auth != null) {
                flows.add(new Flow(grader, auth, 8081, "TCP", false));
            }
            if (pods.containsKey("learning-service")) {
                flows.add(new Flow(grader, pods.get("learning-service"), 8082, "TCP", false));
            }
        }
        // GET /healthz: auth-service asks the other API services for /q/health/ready (dev.kelas.runtime.web.EdgeHealth).
        for (String peer : List.of("learning-service", "lab-service", "notification-service")) {
            if (auth != null && pods.containsKey(peer)) {
                flows.add(new Flow(auth, pods.get(peer), API_SERVICES.get(peer), "TCP", true));
            }
        }
        if (nats != null) {
            Endpoint node = pods.get(nats);
            flows.add(new Flow(node, node, 6222, "TCP", true));
            flows.add(new Flow(node, dns, 53, "UDP", true));
            flows.add(new Flow(keda, node, 8222, "TCP", true));
            flows.add(new Flow(ingressController, node, 4222, "TCP", false));
            flows.add(new Flow(stranger, node, 4222, "TCP", false));
            flows.add(new Flow(node, internet, 443, "TCP", false));
        }
        if (postgres != null) {
            Endpoint database = pods.get(postgres);
            flows.add(new Flow(database, database, 5432, "TCP", true));
            flows.add(new Flow(cnpgOperator, database, 8000, "TCP", true));
            flows.add(new Flow(prometheus, database, 9187, "TCP", true));
            flows.add(new Flow(ingressController, database, 5432, "TCP", false));
            flows.add(new Flow(stranger, database, 5432, "TCP", false));
        }
        for (Flow flow : flows) {
            if (model.allows(flow.from(), flow.to(), flow.port(), flow.protocol()) != flow.allowed()) {
                violations.add((flow.allowed() ? "blocked: " : "allowed, but must not be: ") + flow.from().name() + " -> "
                        + flow.to().name() + " " + flow.port() + "/" + flow.protocol());
            }
        }
        return violations;
    }

    private record Flow(Endpoint from, Endpoint to, int port, String protocol, boolean allowed) {
    }

    private static boolean isEmpty(io.fabric8.kubernetes.api.model.LabelSelector selector) {
        return selector == null || ((selector.getMatchLabels() == null || selector.getMatchLabels().isEmpty())
                && selector.getMatchExpressions().isEmpty());
    }

    // --- ingress ------------------------------------------------------------------------------------

    static List<String> ingress(Rendered r) {
        List<String> violations = new ArrayList<>();
        List<Ingress> ingresses = r.all(Ingress.class);
        for (Map.Entry<String, String> route : ROUTES.entrySet()) {
            List<Map.Entry<Ingress, HTTPIngressPath>> matches = new ArrayList<>();
            for (Ingress ingress : ingresses) {
                for (IngressRule rule : ingress.getSpec().getRules()) {
                    if (rule.getHttp() != null) {
                        rule.getHttp().getPaths().stream().filter(p -> route.getKey().equals(p.getPath()))
                                .forEach(p -> matches.add(Map.entry(ingress, p)));
                    }
                }
            }
            if (matches.isEmpty()) {
                violations.add("no Ingress routes " + route.getKey());
            }
            for (Map.Entry<Ingress, HTTPIngressPath> match : matches) {
                String where = "Ingress/" + match.getKey().getMetadata().getName() + " " + route.getKey();
                HTTPIngressPath path = match.getValue();
                if (!"Prefix".equals(path.getPathType())) {
                    violations.add(where + ": pathType must be Prefix, not " + path.getPathType());
                }
                IngressServiceBackend backend = path.getBackend() == null ? null : path.getBackend().getService();
                if (backend == null || !route.getValue().equals(backend.getName())) {
                    violations.add(where + ": must go to " + route.getValue());
                    continue;
                }
                Optional<Service> service = r.find(Service.class, backend.getName());
                if (service.isEmpty()) {
                    violations.add(where + ": Service " + backend.getName() + " does not exist");
                    continue;
                }
                boolean portExists = service.get().getSpec().getPorts().stream().anyMatch(p -> backend.getPort() != null
                        && (Objects.equals(backend.getPort().getNumber(), p.getPort()) || Objects.equals(backend.getPort().getName(), p.getName())));
                if (!portExists) {
                    violations.add(where + ": Service " + backend.getName() + " has no port " + backend.getPort());
                }
                if (r.workload(route.getValue()).filter(w -> selects(service.get(), w)).isEmpty()) {
                    violations.add(where + ": Service " + backend.getName() + " does not select the pods of " + route.getValue());
                }
                if (route.getKey().equals(STREAMING_ROUTE)) {
                    Map<String, String> annotations = Optional.ofNullable(match.getKey().getMetadata().getAnnotations()).orElse(Map.of());
                    if (!"off".equals(annotations.get("nginx.ingress.kubernetes.io/proxy-buffering"))) {
                        violations.add(where + ": Server-Sent Events need nginx.ingress.kubernetes.io/proxy-buffering: \"off\"");
                    }
                    for (String timeout : List.of("proxy-read-timeout", "proxy-send-timeout")) {
                        String value = annotations.get("nginx.ingress.kubernetes.io/" + timeout);
                        if (value == null || !value.matches("\\d+") || Integer.parseInt(value) < 3600) {
                            violations.add(where + ": long-lived streams need nginx.ingress.kubernetes.io/" + timeout + " of at least \"3600\"");
                        }
                    }
                }
            }
        }
        for (Ingress ingress : ingresses) {
            if (!"nginx".equals(ingress.getSpec().getIngressClassName())) {
                violations.add("Ingress/" + ingress.getMetadata().getName() + ": ingressClassName must be nginx (its annotations are ingress-nginx's)");
            }
            for (IngressRule rule : ingress.getSpec().getRules()) {
                if (rule.getHttp() != null && rule.getHttp().getPaths().stream().anyMatch(p -> p.getPath() == null || p.getPath().equals("/") || p.getPath().startsWith("/q"))) {
                    violations.add("Ingress/" + ingress.getMetadata().getName() + ": exposes / or /q (health, metrics, OpenAPI stay internal)");
                }
            }
        }
        return violations;
    }

    // --- graders --------------------------------------------------------------------------------------

    static List<String> graders(Rendered r) {
        List<String> violations = new ArrayList<>();
        Optional<Workload> grader = r.workload(GRADER);
        Optional<Workload> lab = r.workload("lab-service");
        if (grader.isEmpty() || lab.isEmpty()) {
            return List.of("no Deployment " + GRADER + " or lab-service");
        }
        Container c = grader.get().pod().getContainers().get(0);
        Map<String, String> env = environment(r, c);
        expect(env, "KELAS_LAB_API_ENABLED", "false", GRADER, violations);
        expect(env, "KELAS_LAB_GRADER_ENABLED", "true", GRADER, violations);
        expect(environment(r, lab.get().pod().getContainers().get(0)), "KELAS_LAB_GRADER_ENABLED", "false", "lab-service", violations);
        String image = lab.get().pod().getContainers().get(0).getImage();
        if (!Objects.equals(image, c.getImage())) {
            violations.add(GRADER + ": runs " + c.getImage() + ", not lab-service's image " + image);
        }
        String workRoot = env.get("KELAS_LAB_SANDBOX_WORK_ROOT");
        if (workRoot == null) {
            violations.add(GRADER + ": KELAS_LAB_SANDBOX_WORK_ROOT is not set (the default under /tmp shares the JVM's small /tmp)");
        } else {
            Optional<VolumeMount> mount = c.getVolumeMounts().stream().filter(m -> m.getMountPath().equals(workRoot)).findFirst();
            boolean writableEmptyDir = mount.isPresent() && !Boolean.TRUE.equals(mount.get().getReadOnly())
                    && grader.get().pod().getVolumes().stream().anyMatch(v -> v.getName().equals(mount.get().getName()) && v.getEmptyDir() != null);
            if (!writableEmptyDir) {
                violations.add(GRADER + ": the sandbox work root " + workRoot + " needs a writable emptyDir mounted there");
            }
        }
        return violations;
    }

    private static void expect(Map<String, String> env, String name, String value, String where, List<String> violations) {
        if (!value.equals(env.get(name))) {
            violations.add(where + ": " + name + " must be " + value + ", is " + env.get(name));
        }
    }

    /** A container's environment as the kubelet builds it: envFrom ConfigMaps, then env (secrets and fields as "<valueFrom>"). */
    static Map<String, String> environment(Rendered r, Container c) {
        Map<String, String> env = new LinkedHashMap<>();
        for (EnvFromSource from : c.getEnvFrom()) {
            if (from.getConfigMapRef() != null) {
                r.configMap(from.getConfigMapRef().getName()).ifPresent(m -> env.putAll(m.getData()));
            }
        }
        for (EnvVar var : c.getEnv()) {
            env.put(var.getName(), var.getValueFrom() != null ? "<valueFrom>" : var.getValue());
        }
        return env;
    }

    // --- KEDA -----------------------------------------------------------------------------------------

    static List<String> keda(Rendered r) {
        List<String> violations = new ArrayList<>();
        List<GenericKubernetesResource> scaledObjects = r.custom("keda.sh", "ScaledObject");
        if (scaledObjects.isEmpty()) {
            return List.of("no KEDA ScaledObject");
        }
        Optional<StatefulSet> nats = natsStatefulSet(r);
        for (GenericKubernetesResource scaled : scaledObjects) {
            String id = "ScaledObject/" + scaled.getMetadata().getName();
            Map<String, Object> spec = Trees.map(scaled.getAdditionalProperties(), "spec");
            if (!"keda.sh/v1alpha1".equals(scaled.getApiVersion())) {
                violations.add(id + ": apiVersion must be keda.sh/v1alpha1");
            }
            String target = Trees.string(spec, "scaleTargetRef", "name");
            if (r.find(Deployment.class, String.valueOf(target)).isEmpty()) {
                violations.add(id + ": scales " + target + ", which is no Deployment here");
            }
            Object min = Trees.at(spec, "minReplicaCount");
            Object max = Trees.at(spec, "maxReplicaCount");
            if (!(min instanceof Integer lo) || !(max instanceof Integer hi) || lo < 1 || lo > hi) {
                violations.add(id + ": needs minReplicaCount >= 1 (a grader always ready) and maxReplicaCount >= it, has " + min + ".." + max);
            }
            List<Object> triggers = Trees.list(spec, "triggers");
            Map<String, Object> trigger = triggers.stream().map(Trees::map).filter(t -> "nats-jetstream".equals(Trees.string(t, "type")))
                    .findFirst().orElse(null);
            if (trigger == null) {
                violations.add(id + ": no nats-jetstream trigger");
                continue;
            }
            Map<String, Object> metadata = Trees.map(trigger, "metadata");
            expectValue(metadata, "account", "$G", id, violations);
            expectValue(metadata, "stream", "KELAS_LAB", id, violations);
            expectValue(metadata, "consumer", graderConsumer(), id, violations);
            String lag = Trees.string(metadata, "lagThreshold");
            if (lag == null || !lag.matches("[1-9][0-9]*")) {
                violations.add(id + ": lagThreshold must be a positive whole number, is " + lag);
            }
            String endpoint = Trees.string(metadata, "natsServerMonitoringEndpoint");
            String headless = nats.map(s -> s.getSpec().getServiceName()).orElse("<no NATS StatefulSet>");
            String namespace = r.namespace() != null ? Pattern.quote(r.namespace()) : "[a-z0-9-]+";
            if (endpoint == null || !endpoint.matches(Pattern.quote(headless) + "\\." + namespace + "\\.svc\\.cluster\\.local:8222")) {
                violations.add(id + ": natsServerMonitoringEndpoint " + endpoint + " must be " + headless + "."
                        + (r.namespace() != null ? r.namespace() : "<namespace>") + ".svc.cluster.local:8222: the NATS headless Service,"
                        + " because KEDA reaches the consumer leader as <server_name>.<that host> in a cluster");
            }
        }
        return violations;
    }

    private static void expectValue(Map<String, Object> map, String key, String value, String where, List<String> violations) {
        if (!value.equals(Trees.string(map, key))) {
            violations.add(where + ": " + key + " must be " + value + ", is " + Trees.string(map, key));
        }
    }

    /** The durable consumer name the graders use, read from lab-service's source so the two cannot drift apart. */
    static String graderConsumer() {
        try {
            String source = Files.readString(Repo.path("lab-service/src/main/java/dev/kelas/lab/grading/GraderEventListener.java"));
            Matcher m = Pattern.compile("CONSUMER\\s*=\\s*\"([^\"]+)\"").matcher(source);
            return m.find() ? m.group(1) : "<not found in GraderEventListener.java>";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // --- NATS -----------------------------------------------------------------------------------------

    static Optional<StatefulSet> natsStatefulSet(Rendered r) {
        return r.all(StatefulSet.class).stream().filter(s -> s.getSpec().getTemplate().getSpec().getContainers().stream()
                .anyMatch(c -> c.getImage() != null && c.getImage().startsWith("nats:"))).findFirst();
    }

    static List<String> nats(Rendered r) {
        List<String> violations = new ArrayList<>();
        Optional<StatefulSet> found = natsStatefulSet(r);
        if (found.isEmpty()) {
            return List.of("no NATS StatefulSet (image nats:...)");
        }
        StatefulSet nats = found.get();
        String id = "StatefulSet/" + nats.getMetadata().getName();
        Container c = nats.getSpec().getTemplate().getSpec().getContainers().get(0);
        if (!c.getImage().matches("nats:2\\.10\\.\\d+(-alpine)?")) {
            violations.add(id + ": image must be nats:2.10.<patch>, is " + c.getImage());
        }
        Map<Integer, String> ports = new HashMap<>();
        c.getPorts().forEach(p -> ports.put(p.getContainerPort(), p.getName()));
        for (int port : List.of(4222, 6222, 8222)) {
            if (!ports.containsKey(port)) {
                violations.add(id + ": no container port " + port);
            }
        }
        r.find(Service.class, nats.getSpec().getServiceName()).ifPresent(headless -> {
            for (int port : List.of(4222, 6222, 8222)) {
                if (headless.getSpec().getPorts().stream().noneMatch(p -> p.getPort() == port)) {
                    violations.add("Service/" + headless.getMetadata().getName() + ": headless NATS Service lacks port " + port);
                }
            }
        });
        if (nats.getSpec().getVolumeClaimTemplates().isEmpty()) {
            violations.add(id + ": JetStream needs a PersistentVolumeClaim template");
            return violations;
        }
        String claim = nats.getSpec().getVolumeClaimTemplates().get(0).getMetadata().getName();
        Optional<String> dataPath = c.getVolumeMounts().stream().filter(m -> m.getName().equals(claim)).map(VolumeMount::getMountPath).findFirst();
        Optional<String> config = nats.getSpec().getTemplate().getSpec().getVolumes().stream().filter(v -> v.getConfigMap() != null)
                .map(v -> v.getConfigMap().getName()).findFirst()
                .flatMap(r::configMap).map(m -> m.getData().get("nats.conf"));
        if (config.isEmpty()) {
            violations.add(id + ": no ConfigMap with nats.conf mounted");
            return violations;
        }
        String conf = config.get();
        Matcher storeDir = Pattern.compile("store_dir:\\s*(\\S+)").matcher(conf);
        if (!conf.contains("jetstream") || !storeDir.find() || dataPath.isEmpty()
                || !(storeDir.group(1).equals(dataPath.get()) || storeDir.group(1).startsWith(dataPath.get() + "/"))) {
            violations.add(id + ": nats.conf's jetstream store_dir must be on the volume " + claim + " (mounted at " + dataPath.orElse("nowhere") + ")");
        }
        if (!conf.contains("server_name: $POD_NAME") || c.getEnv().stream().noneMatch(e -> "POD_NAME".equals(e.getName())
                && e.getValueFrom() != null && e.getValueFrom().getFieldRef() != null && "metadata.name".equals(e.getValueFrom().getFieldRef().getFieldPath()))) {
            violations.add(id + ": server_name must be the pod name ($POD_NAME from metadata.name): cluster routes and KEDA rely on it");
        }
        int replicas = nats.getSpec().getReplicas() == null ? 1 : nats.getSpec().getReplicas();
        Set<Integer> routed = new TreeSet<>();
        Matcher route = Pattern.compile("nats://" + Pattern.quote(nats.getMetadata().getName()) + "-(\\d+)\\."
                + Pattern.quote(nats.getSpec().getServiceName()) + ":6222").matcher(conf);
        while (route.find()) {
            routed.add(Integer.parseInt(route.group(1)));
        }
        boolean clustered = Pattern.compile("(?m)^\\s*cluster\\s*\\{").matcher(conf).find();
        if (replicas > 1) {
            Set<Integer> expected = new TreeSet<>();
            for (int i = 0; i < replicas; i++) {
                expected.add(i);
            }
            if (!clustered || !routed.equals(expected)) {
                violations.add(id + ": " + replicas + " replicas need a cluster block with routes to ordinals " + expected + " via "
                        + nats.getSpec().getServiceName() + ", has " + routed);
            }
        } else if (clustered) {
            violations.add(id + ": one replica with a cluster block: JetStream would wait for peers that never come");
        }
        String streamReplicas = r.configMap("kelas-config").map(m -> m.getData().get("KELAS_NATS_STREAM_REPLICAS")).orElse("1");
        int streams = Integer.parseInt(streamReplicas);
        if (streams < 1 || streams > replicas || (replicas >= 3 && streams != 3)) {
            violations.add("kelas-config: KELAS_NATS_STREAM_REPLICAS " + streams + " does not fit " + replicas + " NATS node(s) (3 on a cluster of 3 or more)");
        }
        return violations;
    }

    // --- PostgreSQL -----------------------------------------------------------------------------------

    static List<String> postgres(Rendered r) {
        List<String> violations = new ArrayList<>();
        List<GenericKubernetesResource> clusters = r.custom("postgresql.cnpg.io", "Cluster");
        if (clusters.size() != 1) {
            return List.of("expected one CloudNativePG Cluster, found " + clusters.size());
        }
        GenericKubernetesResource cluster = clusters.get(0);
        String name = cluster.getMetadata().getName();
        Map<String, Object> spec = Trees.map(cluster.getAdditionalProperties(), "spec");
        Object instances = Trees.at(spec, "instances");
        if (!(instances instanceof Integer count) || count < 1) {
            violations.add("Cluster/" + name + ": instances must be a positive number, is " + instances);
        }
        Map<String, Object> initdb = Trees.map(spec, "bootstrap", "initdb");
        if (initdb == null) {
            return List.of("Cluster/" + name + ": no bootstrap.initdb");
        }
        String owner = Trees.string(initdb, "owner");
        Set<String> created = new TreeSet<>();
        created.add(Trees.string(initdb, "database"));
        Pattern create = Pattern.compile("(?i)CREATE\\s+DATABASE\\s+(\\w+)(?:\\s+OWNER\\s+(\\w+))?");
        for (String section : List.of("postInitSQL", "postInitApplicationSQL")) {
            for (Object statement : Trees.list(initdb, section)) {
                Matcher m = create.matcher(String.valueOf(statement));
                while (m.find()) {
                    created.add(m.group(1));
                    if (!Objects.equals(owner, m.group(2))) {
                        violations.add("Cluster/" + name + ": database " + m.group(1) + " must be owned by " + owner + ", not " + m.group(2));
                    }
                }
            }
        }
        if (!created.equals(new TreeSet<>(DATABASES))) {
            violations.add("Cluster/" + name + ": bootstrap creates " + created + ", the services need " + DATABASES);
        }
        Map<String, String> config = r.configMap("kelas-config").map(ConfigMap::getData).orElse(Map.of());
        if (!Objects.equals(owner, config.get("KELAS_DB_USER"))) {
            violations.add("kelas-config: KELAS_DB_USER " + config.get("KELAS_DB_USER") + " is not the databases' owner " + owner);
        }
        if (!Objects.equals(name + "-rw", config.get("KELAS_DB_HOST"))) {
            violations.add("kelas-config: KELAS_DB_HOST must be " + name + "-rw (the primary's Service), is " + config.get("KELAS_DB_HOST"));
        }
        String secret = Trees.string(initdb, "secret", "name");
        for (Workload w : r.workloads()) {
            if (!isKelas(w)) {
                continue;
            }
            Optional<EnvVar> password = w.pod().getContainers().get(0).getEnv().stream()
                    .filter(e -> e.getName().equals("QUARKUS_DATASOURCE_PASSWORD")).findFirst();
            boolean fromOwnerSecret = password.isPresent() && password.get().getValueFrom() != null
                    && password.get().getValueFrom().getSecretKeyRef() != null
                    && Objects.equals(secret, password.get().getValueFrom().getSecretKeyRef().getName())
                    && "password".equals(password.get().getValueFrom().getSecretKeyRef().getKey());
            if (!fromOwnerSecret) {
                violations.add(w.id() + ": QUARKUS_DATASOURCE_PASSWORD must come from Secret " + secret + " key password");
            }
        }
        for (GenericKubernetesResource backup : r.custom("postgresql.cnpg.io", "ScheduledBackup")) {
            Map<String, Object> backupSpec = Trees.map(backup.getAdditionalProperties(), "spec");
            if (!name.equals(Trees.string(backupSpec, "cluster", "name"))) {
                violations.add("ScheduledBackup/" + backup.getMetadata().getName() + ": backs up " + Trees.string(backupSpec, "cluster", "name") + ", not " + name);
            }
            if (Trees.map(spec, "backup", "barmanObjectStore") == null
                    || Trees.string(spec, "backup", "barmanObjectStore", "destinationPath") == null) {
                violations.add("ScheduledBackup/" + backup.getMetadata().getName() + ": Cluster " + name + " has no backup.barmanObjectStore.destinationPath");
            }
        }
        return violations;
    }

    // --- configuration values -------------------------------------------------------------------------

    /** Values in the services' environments that must agree with other manifests and with the services' own properties. */
    static List<String> configurationValues(Rendered r) {
        List<String> violations = new ArrayList<>();
        for (Workload w : r.workloads()) {
            if (!isKelas(w)) {
                continue;
            }
            String service = GRADER.equals(w.name()) ? "lab-service" : w.name();
            Map<String, String> env = environment(r, w.pod().getContainers().get(0));
            String database = serviceProperty(service, "kelas.db.name");
            if (!Objects.equals(database, env.get("KELAS_DB_NAME"))) {
                violations.add(w.id() + ": KELAS_DB_NAME " + env.get("KELAS_DB_NAME") + " is not " + service + "'s database " + database);
            }
            String nats = env.get("KELAS_NATS_URL");
            Optional<Service> natsService = r.all(Service.class).stream()
                    .filter(s -> nats != null && nats.equals("nats://" + s.getMetadata().getName() + ":4222")).findFirst();
            if (natsService.isEmpty() || natsStatefulSet(r).flatMap(s -> r.workload(s.getMetadata().getName()))
                    .filter(n -> selects(natsService.get(), n)).isEmpty()) {
                violations.add(w.id() + ": KELAS_NATS_URL " + nats + " is not nats://<the NATS client Service>:4222");
            }
            String jwks = env.get("KELAS_JWKS_URL");
            boolean jwksOk = r.find(Service.class, "auth-service").map(s -> s.getSpec().getPorts().stream()
                    .anyMatch(p -> ("http://auth-service:" + p.getPort() + "/.well-known/jwks.json").equals(jwks))).orElse(false);
            if (!jwksOk) {
                violations.add(w.id() + ": KELAS_JWKS_URL " + jwks + " is not http://auth-service:<its port>/.well-known/jwks.json");
            }
        }
        return violations;
    }

    /** A key from a service's application.properties. */
    static String serviceProperty(String service, String key) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(Repo.path(service + "/src/main/resources/application.properties"))) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty(key);
    }

    @SuppressWarnings("unchecked")
    private static <K, V> Map<K, V> ordered(Object... keysAndValues) {
        Map<K, V> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((K) keysAndValues[i], (V) keysAndValues[i + 1]);
        }
        return map;
    }
}
