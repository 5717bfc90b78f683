package dev.kelas.deploy;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Manifests as fabric8 Kubernetes model objects: typed for the kinds Kubernetes defines
 * (Deployment, Service, NetworkPolicy, ...), {@link GenericKubernetesResource} for custom resources.
 */
final class Model {
    static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    /** Custom resources Kelas uses, by "apiVersion kind"; any other unknown kind is a mistake (a typo in kind or apiVersion). */
    static final Set<String> CUSTOM_RESOURCES = Set.of(
            "keda.sh/v1alpha1 ScaledObject",
            "postgresql.cnpg.io/v1 Cluster",
            "postgresql.cnpg.io/v1 ScheduledBackup");

    private Model() {
    }

    /** The typed (or generic) object for one manifest tree. */
    static HasMetadata toObject(Map<String, Object> tree) {
        return SERIALIZATION.unmarshal(SERIALIZATION.asJson(tree), HasMetadata.class);
    }

    /** Whether Kubernetes itself defines this apiVersion and kind (as fabric8's model knows them). */
    static boolean isBuiltIn(Map<String, Object> tree) {
        return SERIALIZATION.getRegisteredKubernetesResource(String.valueOf(tree.get("apiVersion")), String.valueOf(tree.get("kind"))) != null;
    }

    /**
     * Fields of a typed object that its kind does not define: fabric8 keeps them aside instead of
     * failing, and the API server would drop or reject them ({@code readinesProbe}, {@code limit}).
     *
     * @return paths like {@code spec.template.spec.containers[0].readinesProbe}
     */
    static List<String> unknownFields(HasMetadata object) {
        List<String> found = new ArrayList<>();
        if (!(object instanceof GenericKubernetesResource)) {
            collectUnknown(object, "", found);
        }
        return found;
    }

    private static void collectUnknown(Object value, String path, List<String> found) {
        if (value == null) {
            return;
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < list.size(); i++) {
                collectUnknown(list.get(i), path + "[" + i + "]", found);
            }
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((k, v) -> collectUnknown(v, path + "." + k, found));
            return;
        }
        if (!value.getClass().getName().startsWith("io.fabric8.kubernetes.api.model")) {
            return;
        }
        for (Method getter : value.getClass().getMethods()) {
            if (getter.getParameterCount() != 0 || Modifier.isStatic(getter.getModifiers()) || getter.getDeclaringClass() == Object.class
                    || !getter.getName().startsWith("get")) {
                continue;
            }
            Object child;
            try {
                child = getter.invoke(value);
            } catch (ReflectiveOperationException | RuntimeException e) {
                continue;
            }
            String field = Character.toLowerCase(getter.getName().charAt(3)) + getter.getName().substring(4);
            if (field.equals("additionalProperties") && child instanceof Map<?, ?> extra) {
                extra.keySet().forEach(k -> found.add((path.isEmpty() ? "" : path.substring(1) + ".") + k));
            } else if (child != null && (child instanceof List || child instanceof Map
                    || child.getClass().getName().startsWith("io.fabric8.kubernetes.api.model"))) {
                collectUnknown(child, path + "." + field, found);
            }
        }
    }
}
