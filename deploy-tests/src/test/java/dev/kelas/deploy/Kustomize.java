package dev.kelas.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A deliberately small kustomize: renders a kustomization directory with only the features the
 * Kelas tree uses, and refuses everything else rather than render it wrongly.
 *
 * <p>Supported: {@code resources} (files, and directories with their own kustomization),
 * {@code namespace}, {@code images} (newName, newTag, digest), {@code replicas}, and {@code patches}
 * holding JSON 6902 operations (add, remove, replace, test) with a {@code target} (group, version,
 * kind, name as anchored regular expressions, labelSelector as {@code k=v} terms).
 *
 * <p>Stricter than kustomize on purpose, so a stale overlay fails here: a patch target, an
 * {@code images} entry or a {@code replicas} entry that matches nothing is an error, as are two
 * resources with the same kind and name. Strategic-merge patches, generators, name prefixes and
 * common labels are refused ({@link UnsupportedOperationException}).
 */
final class Kustomize {
    private static final Set<String> KEYS = Set.of("apiVersion", "kind", "resources", "namespace", "images", "replicas", "patches");
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "CustomResourceDefinition", "PersistentVolume", "StorageClass", "PriorityClass", "IngressClass",
            "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration");

    private Kustomize() {
    }

    /**
     * Renders the kustomization in {@code dir}.
     *
     * @return the resources, in the order kustomize accumulates them (before its own sorting)
     * @throws UnsupportedOperationException for a feature this renderer does not implement
     * @throws IllegalArgumentException      for a kustomization that kustomize would reject or that is stale
     */
    static List<Map<String, Object>> render(Path dir) {
        Path file = dir.resolve("kustomization.yaml");
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("No kustomization.yaml in " + dir);
        }
        Map<String, Object> kustomization = Trees.loadAll(file).get(0);
        for (String key : kustomization.keySet()) {
            if (!KEYS.contains(key)) {
                throw new UnsupportedOperationException(file + ": '" + key + "' is not supported by the test renderer");
            }
        }
        List<Map<String, Object>> resources = new ArrayList<>();
        for (Object entry : Trees.list(kustomization, "resources")) {
            Path resource = dir.resolve(String.valueOf(entry)).normalize();
            if (Files.isDirectory(resource)) {
                resources.addAll(render(resource));
            } else if (Files.isRegularFile(resource)) {
                resources.addAll(Trees.loadAll(resource));
            } else {
                throw new IllegalArgumentException(file + ": resource " + entry + " does not exist");
            }
        }
        requireUnique(resources, file);
        String namespace = Trees.string(kustomization, "namespace");
        if (namespace != null) {
            setNamespace(resources, namespace);
        }
        for (Object patch : Trees.list(kustomization, "patches")) {
            applyPatch(resources, Trees.map(patch), dir, file);
        }
        for (Object image : Trees.list(kustomization, "images")) {
            setImage(resources, Trees.map(image), file);
        }
        for (Object replicas : Trees.list(kustomization, "replicas")) {
            setReplicas(resources, Trees.map(replicas), file);
        }
        return resources;
    }

    private static void requireUnique(List<Map<String, Object>> resources, Path file) {
        Set<String> seen = new HashSet<>();
        for (Map<String, Object> resource : resources) {
            String key = group(resource) + "/" + resource.get("kind") + "/" + Trees.string(resource, "metadata", "namespace")
                    + "/" + Trees.string(resource, "metadata", "name");
            if (!seen.add(key)) {
                throw new IllegalArgumentException(file + ": " + Trees.id(resource) + " is defined twice");
            }
        }
    }

    private static void setNamespace(List<Map<String, Object>> resources, String namespace) {
        for (Map<String, Object> resource : resources) {
            String kind = String.valueOf(resource.get("kind"));
            if (kind.endsWith("RoleBinding")) {
                throw new UnsupportedOperationException("namespace: subjects of " + Trees.id(resource) + " are not rewritten here");
            }
            if (!CLUSTER_SCOPED.contains(kind)) {
                Trees.map(resource, "metadata").put("namespace", namespace);
            }
        }
    }

    // --- patches -----------------------------------------------------------------------------------

    private static void applyPatch(List<Map<String, Object>> resources, Map<String, Object> patch, Path dir, Path file) {
        for (String key : patch.keySet()) {
            if (!Set.of("patch", "path", "target").contains(key)) {
                throw new UnsupportedOperationException(file + ": patch field '" + key + "' is not supported");
            }
        }
        String text;
        try {
            text = patch.containsKey("path") ? Files.readString(dir.resolve(String.valueOf(patch.get("path")))) : String.valueOf(patch.get("patch"));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException(file + ": cannot read patch " + patch.get("path"), e);
        }
        Object operations = Trees.load(text);
        if (!(operations instanceof List<?> list)) {
            throw new UnsupportedOperationException(file + ": only JSON 6902 patches (a list of operations) are supported");
        }
        Map<String, Object> target = Trees.map(patch, "target");
        if (target == null) {
            throw new IllegalArgumentException(file + ": a JSON 6902 patch needs a target");
        }
        List<Map<String, Object>> matched = resources.stream().filter(r -> matches(target, r)).toList();
        if (matched.isEmpty()) {
            throw new IllegalArgumentException(file + ": patch target " + target + " matches no resource");
        }
        for (Map<String, Object> resource : matched) {
            for (Object operation : list) {
                try {
                    JsonPatch.apply(resource, Trees.map(operation));
                } catch (IllegalArgumentException e) {
                    throw new IllegalArgumentException(file + ": patch on " + Trees.id(resource) + ": " + e.getMessage(), e);
                }
            }
        }
    }

    private static boolean matches(Map<String, Object> target, Map<String, Object> resource) {
        for (Map.Entry<String, Object> criterion : target.entrySet()) {
            String wanted = String.valueOf(criterion.getValue());
            String actual = switch (criterion.getKey()) {
                case "group" -> group(resource);
                case "version" -> version(resource);
                case "kind" -> String.valueOf(resource.get("kind"));
                case "name" -> Trees.string(resource, "metadata", "name");
                case "namespace" -> Trees.string(resource, "metadata", "namespace");
                case "labelSelector" -> null;
                default -> throw new UnsupportedOperationException("patch target field '" + criterion.getKey() + "' is not supported");
            };
            if (criterion.getKey().equals("labelSelector")) {
                if (!labelsMatch(wanted, Trees.map(resource, "metadata", "labels"))) {
                    return false;
                }
            } else if (actual == null || !actual.matches(wanted)) {
                return false;
            }
        }
        return true;
    }

    private static boolean labelsMatch(String selector, Map<String, Object> labels) {
        Map<String, Object> present = labels == null ? Map.of() : labels;
        for (String term : selector.split(",")) {
            String[] parts = term.trim().split("==?", 2);
            if (parts.length != 2 || term.contains("!")) {
                throw new UnsupportedOperationException("labelSelector term '" + term + "': only k=v is supported");
            }
            if (!parts[1].trim().equals(String.valueOf(present.get(parts[0].trim())))) {
                return false;
            }
        }
        return true;
    }

    static String group(Map<String, Object> resource) {
        String apiVersion = String.valueOf(resource.get("apiVersion"));
        return apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    }

    private static String version(Map<String, Object> resource) {
        String apiVersion = String.valueOf(resource.get("apiVersion"));
        return apiVersion.substring(apiVersion.indexOf('/') + 1);
    }

    // --- images and replicas -------------------------------------------------------------------------

    private static void setImage(List<Map<String, Object>> resources, Map<String, Object> image, Path file) {
        String name = Objects.requireNonNull(Trees.string(image, "name"), "images entry without name");
        int[] changed = {0};
        for (Map<String, Object> resource : resources) {
            forEachContainer(resource, container -> {
                Object value = container.get("image");
                if (value instanceof String reference && imageName(reference).equals(name)) {
                    container.put("image", newImage(reference, image));
                    changed[0]++;
                }
            });
        }
        if (changed[0] == 0) {
            throw new IllegalArgumentException(file + ": images entry " + name + " matches no container");
        }
    }

    /** Visits every map in a "containers" or "initContainers" list anywhere in the tree, as kustomize's image transformer does. */
    @SuppressWarnings("unchecked")
    private static void forEachContainer(Object tree, java.util.function.Consumer<Map<String, Object>> action) {
        if (tree instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if ((entry.getKey().equals("containers") || entry.getKey().equals("initContainers")) && entry.getValue() instanceof List<?> list) {
                    list.stream().filter(Map.class::isInstance).forEach(item -> action.accept((Map<String, Object>) item));
                } else {
                    forEachContainer(entry.getValue(), action);
                }
            }
        } else if (tree instanceof List<?> list) {
            list.forEach(item -> forEachContainer(item, action));
        }
    }

    /** The image reference without tag or digest: {@code registry/kelas/lab-service:0.1.0} gives {@code registry/kelas/lab-service}. */
    static String imageName(String reference) {
        String withoutDigest = reference.contains("@") ? reference.substring(0, reference.indexOf('@')) : reference;
        int colon = withoutDigest.lastIndexOf(':');
        return colon > withoutDigest.lastIndexOf('/') ? withoutDigest.substring(0, colon) : withoutDigest;
    }

    private static String newImage(String reference, Map<String, Object> image) {
        String name = Trees.string(image, "newName") != null ? Trees.string(image, "newName") : imageName(reference);
        if (Trees.string(image, "digest") != null) {
            return name + "@" + Trees.string(image, "digest");
        }
        if (Trees.string(image, "newTag") != null) {
            return name + ":" + Trees.string(image, "newTag");
        }
        return name + reference.substring(imageName(reference).length());
    }

    private static void setReplicas(List<Map<String, Object>> resources, Map<String, Object> replicas, Path file) {
        String name = Trees.string(replicas, "name");
        Object count = replicas.get("count");
        if (!(count instanceof Integer)) {
            throw new IllegalArgumentException(file + ": replicas count of " + name + " is not a number");
        }
        List<Map<String, Object>> matched = resources.stream()
                .filter(r -> Set.of("Deployment", "StatefulSet", "ReplicaSet", "ReplicationController").contains(String.valueOf(r.get("kind"))))
                .filter(r -> name.equals(Trees.string(r, "metadata", "name")))
                .toList();
        if (matched.isEmpty()) {
            throw new IllegalArgumentException(file + ": replicas entry " + name + " matches no workload");
        }
        matched.forEach(r -> Trees.map(r, "spec").put("replicas", count));
    }
}
