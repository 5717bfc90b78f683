package dev.kelas.deploy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** JSON Patch (RFC 6902) operations add, remove, replace and test on a YAML tree, as kustomize applies them. */
final class JsonPatch {
    private JsonPatch() {
    }

    /**
     * Applies one operation in place.
     *
     * @throws IllegalArgumentException if the path does not exist where the operation needs it, or a test fails
     * @throws UnsupportedOperationException for move and copy
     */
    @SuppressWarnings("unchecked")
    static void apply(Map<String, Object> document, Map<String, Object> operation) {
        String op = Trees.string(operation, "op");
        String path = Objects.requireNonNull(Trees.string(operation, "path"), "operation without path");
        List<String> tokens = tokens(path);
        Object parent = document;
        for (String token : tokens.subList(0, tokens.size() - 1)) {
            parent = child(parent, token, path);
        }
        String last = tokens.get(tokens.size() - 1);
        Object value = Trees.copy(operation.get("value"));
        switch (String.valueOf(op)) {
            case "add" -> {
                if (parent instanceof Map<?, ?> map) {
                    ((Map<String, Object>) map).put(last, value);
                } else if (parent instanceof List<?> list) {
                    int index = last.equals("-") ? list.size() : index(last, list.size() + 1, path);
                    ((List<Object>) list).add(index, value);
                } else {
                    throw new IllegalArgumentException("add: no container at " + path);
                }
            }
            case "replace" -> {
                child(parent, last, path);
                if (parent instanceof Map<?, ?> map) {
                    ((Map<String, Object>) map).put(last, value);
                } else {
                    ((List<Object>) parent).set(index(last, ((List<?>) parent).size(), path), value);
                }
            }
            case "remove" -> {
                child(parent, last, path);
                if (parent instanceof Map<?, ?> map) {
                    map.remove(last);
                } else {
                    ((List<Object>) parent).remove(index(last, ((List<?>) parent).size(), path));
                }
            }
            case "test" -> {
                Object actual = child(parent, last, path);
                if (!Objects.equals(actual, value)) {
                    throw new IllegalArgumentException("test failed at " + path + ": " + actual + " is not " + value);
                }
            }
            default -> throw new UnsupportedOperationException("JSON patch operation '" + op + "' is not supported");
        }
    }

    private static Object child(Object parent, String token, String path) {
        if (parent instanceof Map<?, ?> map && map.containsKey(token)) {
            return map.get(token);
        }
        if (parent instanceof List<?> list) {
            return list.get(index(token, list.size(), path));
        }
        throw new IllegalArgumentException("path " + path + " does not exist (at '" + token + "')");
    }

    private static int index(String token, int bound, String path) {
        if (!token.matches("0|[1-9][0-9]*") || Integer.parseInt(token) >= bound) {
            throw new IllegalArgumentException("path " + path + ": no list element '" + token + "'");
        }
        return Integer.parseInt(token);
    }

    /** RFC 6901: "/a~1b/0" is ["a/b", "0"]. */
    static List<String> tokens(String pointer) {
        if (!pointer.startsWith("/")) {
            throw new IllegalArgumentException("A JSON pointer starts with '/': " + pointer);
        }
        List<String> tokens = new ArrayList<>();
        for (String raw : pointer.substring(1).split("/", -1)) {
            tokens.add(raw.replace("~1", "/").replace("~0", "~"));
        }
        return tokens;
    }
}
