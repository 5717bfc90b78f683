package dev.kelas.deploy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Renders a kustomization with the real kustomize ({@code kubectl kustomize DIR}) and reads its
 * multi-document YAML output as trees; and checks a kustomization for stale entries that kustomize
 * silently accepts (see {@link #staleEntries}).
 */
final class Kustomize {
    private static final Set<String> WORKLOADS = Set.of("Deployment", "StatefulSet", "ReplicaSet", "ReplicationController");

    private Kustomize() {
    }

    /**
     * Renders the kustomization in {@code dir} with {@code kubectl kustomize}.
     *
     * @return the resources, in kustomize's output order
     * @throws IllegalArgumentException if kustomize refuses the kustomization (its error message included)
     * @throws IllegalStateException    if kubectl is not installed ({@code ./kelas setup} installs it) or hangs
     */
    static List<Map<String, Object>> render(Path dir) {
        Path out;
        Path err;
        try {
            out = Files.createTempFile("kustomize", ".yaml");
            err = Files.createTempFile("kustomize", ".err");
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        try {
            Process kubectl;
            try {
                kubectl = new ProcessBuilder("kubectl", "kustomize", dir.toString())
                        .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
            } catch (IOException notInstalled) {
                throw new IllegalStateException("kubectl is not installed (./kelas setup installs it): " + notInstalled.getMessage(), notInstalled);
            }
            if (!kubectl.waitFor(120, TimeUnit.SECONDS)) {
                kubectl.destroyForcibly();
                throw new IllegalStateException("kubectl kustomize " + dir + " did not finish in 120 s");
            }
            if (kubectl.exitValue() != 0) {
                throw new IllegalArgumentException("kubectl kustomize " + dir + " failed: " + Files.readString(err, StandardCharsets.UTF_8).strip());
            }
            return Trees.loadAll(out);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } finally {
            out.toFile().delete();
            err.toFile().delete();
        }
    }

    /**
     * The entries of {@code dir}'s kustomization.yaml that kustomize accepts although they are stale,
     * checked against the resources the kustomization starts from (its {@code resources}, rendered):
     * a patch target that matches nothing (group, version, kind, name, namespace as anchored regular
     * expressions, labelSelector as {@code k=v} terms), a JSON 6902 {@code replace} whose path does not
     * exist (kustomize adds it instead), an {@code images} entry no container uses, a {@code replicas}
     * entry naming no workload.
     */
    static List<String> staleEntries(Path dir) {
        Path file = dir.resolve("kustomization.yaml");
        Map<String, Object> kustomization = Trees.loadAll(file).get(0);
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (Object entry : Trees.list(kustomization, "resources")) {
            Path resource = dir.resolve(String.valueOf(entry)).normalize();
            inputs.addAll(Files.isDirectory(resource) ? render(resource) : Trees.loadAll(resource));
        }
        List<String> stale = new ArrayList<>();
        for (Object patch : Trees.list(kustomization, "patches")) {
            Map<String, Object> target = Trees.map(patch, "target");
            if (target == null) {
                continue;
            }
            List<Map<String, Object>> matched = inputs.stream().filter(r -> matches(target, r)).toList();
            if (matched.isEmpty()) {
                stale.add(file + ": patch target " + target + " matches no resource");
            }
            stale.addAll(missingReplacePaths(patch, matched, file));
        }
        for (Object image : Trees.list(kustomization, "images")) {
            String name = Trees.string(image, "name");
            List<String> names = new ArrayList<>();
            inputs.forEach(r -> forEachContainer(r, c -> names.add(imageName(String.valueOf(c.get("image"))))));
            if (!names.contains(name)) {
                stale.add(file + ": images entry " + name + " matches no container");
            }
        }
        for (Object replicas : Trees.list(kustomization, "replicas")) {
            String name = Trees.string(replicas, "name");
            boolean found = inputs.stream().anyMatch(r -> WORKLOADS.contains(String.valueOf(r.get("kind")))
                    && name.equals(Trees.string(r, "metadata", "name")));
            if (!found) {
                stale.add(file + ": replicas entry " + name + " matches no workload");
            }
        }
        return stale;
    }

    /** Replace operations of an inline JSON 6902 patch whose path is missing from a matched resource (and not added by an earlier operation). */
    private static List<String> missingReplacePaths(Object patch, List<Map<String, Object>> matched, Path file) {
        Object operations = Trees.string(patch, "patch") == null ? null : Trees.load(Trees.string(patch, "patch"));
        List<String> stale = new ArrayList<>();
        if (!(operations instanceof List<?> list)) {
            return stale;
        }
        for (Map<String, Object> resource : matched) {
            List<String> added = new ArrayList<>();
            for (Object operation : list) {
                String op = Trees.string(operation, "op");
                String path = Trees.string(operation, "path");
                if ("add".equals(op)) {
                    added.add(path);
                } else if ("replace".equals(op) && added.stream().noneMatch(path::startsWith) && !exists(resource, path)) {
                    stale.add(file + ": patch on " + Trees.id(resource) + " replaces " + path + ", which does not exist");
                }
            }
        }
        return stale;
    }

    /** Whether the JSON pointer (RFC 6901) points at something in the tree. */
    private static boolean exists(Object tree, String pointer) {
        Object current = tree;
        for (String raw : pointer.substring(1).split("/", -1)) {
            String token = raw.replace("~1", "/").replace("~0", "~");
            if (current instanceof Map<?, ?> map && map.containsKey(token)) {
                current = map.get(token);
            } else if (current instanceof List<?> items && token.matches("0|[1-9][0-9]*") && Integer.parseInt(token) < items.size()) {
                current = items.get(Integer.parseInt(token));
            } else {
                return false;
            }
        }
        return true;
    }

    private static boolean matches(Map<String, Object> target, Map<String, Object> resource) {
        for (Map.Entry<String, Object> criterion : target.entrySet()) {
            String wanted = String.valueOf(criterion.getValue());
            if (criterion.getKey().equals("labelSelector")) {
                if (!labelsMatch(wanted, Trees.map(resource, "metadata", "labels"))) {
                    return false;
                }
                continue;
            }
            String actual = switch (criterion.getKey()) {
                case "group" -> group(resource);
                case "version" -> version(resource);
                case "kind" -> String.valueOf(resource.get("kind"));
                case "name" -> Trees.string(resource, "metadata", "name");
                case "namespace" -> Trees.string(resource, "metadata", "namespace");
                default -> throw new UnsupportedOperationException("patch target field '" + criterion.getKey() + "' is not checked here");
            };
            if (actual == null || !actual.matches(wanted)) {
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
                throw new UnsupportedOperationException("labelSelector term '" + term + "': only k=v is checked here");
            }
            if (!parts[1].trim().equals(String.valueOf(present.get(parts[0].trim())))) {
                return false;
            }
        }
        return true;
    }

    private static String group(Map<String, Object> resource) {
        String apiVersion = String.valueOf(resource.get("apiVersion"));
        return apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
    }

    private static String version(Map<String, Object> resource) {
        String apiVersion = String.valueOf(resource.get("apiVersion"));
        return apiVersion.substring(apiVersion.indexOf('/') + 1);
    }

    /** Visits every map in a "containers" or "initContainers" list anywhere in the tree, as kustomize's image transformer does. */
    @SuppressWarnings("unchecked")
    private static void forEachContainer(Object tree, Consumer<Map<String, Object>> action) {
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
}
