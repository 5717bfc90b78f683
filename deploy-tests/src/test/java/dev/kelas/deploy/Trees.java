package dev.kelas.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;

/**
 * YAML documents as plain trees ({@code Map<String, Object>}, {@code List<Object>}, scalars), the form
 * kustomize works on, plus a few accessors. SnakeYAML reads YAML 1.1 like kubectl's parser does (an
 * unquoted {@code off} is a boolean in both), and understands the {@code <<} merge keys compose files use.
 */
final class Trees {
    private Trees() {
    }

    /** Every non-empty document of a YAML file. */
    static List<Map<String, Object>> loadAll(Path file) {
        try {
            return loadAll(Files.readString(file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every non-empty document of a YAML text. */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> loadAll(String text) {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : yaml().loadAll(text)) {
            if (document == null) {
                continue;
            }
            if (!(document instanceof Map)) {
                throw new IllegalArgumentException("A YAML document is not a mapping: " + document);
            }
            documents.add((Map<String, Object>) document);
        }
        return documents;
    }

    /** One YAML value (a JSON 6902 patch is a list, a manifest a mapping). */
    static Object load(String text) {
        return yaml().load(text);
    }

    private static Yaml yaml() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false); // kubectl refuses duplicate keys too
        return new Yaml(options);
    }

    /** A deep copy of a tree, so a patch or a test's mutation never touches what it came from. */
    @SuppressWarnings("unchecked")
    static <T> T copy(T tree) {
        if (tree instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, copy(v)));
            return (T) copy;
        }
        if (tree instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(copy(v)));
            return (T) copy;
        }
        return tree;
    }

    /** The value at a path of keys and list indexes, or null where the path does not exist. */
    static Object at(Object tree, Object... path) {
        Object current = tree;
        for (Object step : path) {
            if (step instanceof String key && current instanceof Map<?, ?> map) {
                current = map.get(key);
            } else if (step instanceof Integer index && current instanceof List<?> list && index < list.size()) {
                current = list.get(index);
            } else {
                return null;
            }
        }
        return current;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object tree, Object... path) {
        Object value = at(tree, path);
        return value instanceof Map ? (Map<String, Object>) value : null;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object tree, Object... path) {
        Object value = at(tree, path);
        return value instanceof List ? (List<Object>) value : List.of();
    }

    static String string(Object tree, Object... path) {
        Object value = at(tree, path);
        return value == null ? null : String.valueOf(value);
    }

    /** "Kind/name" of a manifest, for messages. */
    static String id(Map<String, Object> manifest) {
        return manifest.get("kind") + "/" + string(manifest, "metadata", "name");
    }
}
