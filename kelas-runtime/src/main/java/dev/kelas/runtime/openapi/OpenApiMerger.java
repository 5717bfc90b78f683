package dev.kelas.runtime.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Merges the OpenAPI documents of the services into one document for the whole system (OpenAPI 3.1,
 * the version SmallRye OpenAPI writes).
 *
 * <ul>
 *   <li>{@code paths}: the union. Every operation gets {@code x-kelas-service}, the service that answers it.
 *       Two services that declare the same method on the same path are a contradiction of the edge's route
 *       table and raise {@link IllegalStateException}.</li>
 *   <li>{@code components} (schemas, responses, parameters, security schemes, ...): the union. A name that two
 *       services define alike is kept once; a name they define differently becomes {@code <service>.<name>} in
 *       each of them, and every {@code $ref} of that service's document is rewritten to match (component names
 *       may hold dots: OpenAPI 3.1 section 4.8.7.1).</li>
 *   <li>{@code tags} and top-level {@code security}: the union, first occurrence kept.</li>
 * </ul>
 */
public final class OpenApiMerger {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

    private OpenApiMerger() {
    }

    /**
     * @param info      the merged document's {@code info} object
     * @param documents each service's document by service name, in the order to merge them
     * @return the merged document
     * @throws IllegalStateException when two services declare the same operation
     */
    public static ObjectNode merge(ObjectNode info, Map<String, JsonNode> documents) {
        Map<String, JsonNode> renamed = renameClashingComponents(documents);
        ObjectNode merged = NODES.objectNode();
        merged.put("openapi", openApiVersion(documents));
        merged.set("info", info);
        ObjectNode paths = NODES.objectNode();
        ObjectNode components = NODES.objectNode();
        Map<String, JsonNode> tags = new LinkedHashMap<>();
        Set<JsonNode> security = new LinkedHashSet<>();
        for (Map.Entry<String, JsonNode> document : renamed.entrySet()) {
            String service = document.getKey();
            document.getValue().path("paths").fields().forEachRemaining(path -> {
                ObjectNode target = paths.has(path.getKey()) ? (ObjectNode) paths.get(path.getKey()) : paths.putObject(path.getKey());
                path.getValue().fields().forEachRemaining(member -> {
                    if (METHODS.contains(member.getKey())) {
                        if (target.has(member.getKey())) {
                            throw new IllegalStateException(member.getKey().toUpperCase() + " " + path.getKey() + " is declared by "
                                    + target.get(member.getKey()).path("x-kelas-service").asText() + " and " + service);
                        }
                        ObjectNode operation = ((ObjectNode) member.getValue()).deepCopy();
                        operation.put("x-kelas-service", service);
                        target.set(member.getKey(), operation);
                    } else if (!target.has(member.getKey())) {
                        target.set(member.getKey(), member.getValue());
                    }
                });
            });
            document.getValue().path("components").fields().forEachRemaining(section -> {
                ObjectNode into = components.has(section.getKey()) ? (ObjectNode) components.get(section.getKey())
                        : components.putObject(section.getKey());
                section.getValue().fields().forEachRemaining(component -> into.set(component.getKey(), component.getValue()));
            });
            document.getValue().path("tags").forEach(tag -> tags.putIfAbsent(tag.path("name").asText(), tag));
            document.getValue().path("security").forEach(security::add);
        }
        if (!tags.isEmpty()) {
            merged.putArray("tags").addAll(sortedByName(tags));
        }
        merged.set("paths", sortedFields(paths));
        if (!security.isEmpty()) {
            merged.putArray("security").addAll(security);
        }
        ObjectNode sortedComponents = NODES.objectNode();
        components.fields().forEachRemaining(section -> sortedComponents.set(section.getKey(), sortedFields((ObjectNode) section.getValue())));
        merged.set("components", sortedComponents);
        return merged;
    }

    /** The highest {@code openapi} version among the documents, {@code 3.1.0} when none says. */
    private static String openApiVersion(Map<String, JsonNode> documents) {
        return documents.values().stream().map(d -> d.path("openapi").asText("")).filter(v -> !v.isEmpty())
                .max(String::compareTo).orElse("3.1.0");
    }

    /** Each service's document with its clashing component names prefixed by the service and its $refs rewritten. */
    private static Map<String, JsonNode> renameClashingComponents(Map<String, JsonNode> documents) {
        // section/name -> the distinct definitions seen
        Map<String, List<JsonNode>> definitions = new HashMap<>();
        documents.values().forEach(document -> document.path("components").fields().forEachRemaining(section ->
                section.getValue().fields().forEachRemaining(component -> {
                    List<JsonNode> seen = definitions.computeIfAbsent(section.getKey() + "/" + component.getKey(), k -> new ArrayList<>());
                    if (!seen.contains(component.getValue())) {
                        seen.add(component.getValue());
                    }
                })));
        Map<String, JsonNode> result = new LinkedHashMap<>();
        documents.forEach((service, document) -> {
            Map<String, String> refs = new HashMap<>();
            ObjectNode copy = document.deepCopy();
            copy.path("components").fields().forEachRemaining(section -> {
                ObjectNode members = (ObjectNode) section.getValue();
                for (String name : new ArrayList<>(iterable(members.fieldNames()))) {
                    if (definitions.get(section.getKey() + "/" + name).size() > 1) {
                        String qualified = service + "." + name;
                        members.set(qualified, members.remove(name));
                        refs.put("#/components/" + section.getKey() + "/" + name, "#/components/" + section.getKey() + "/" + qualified);
                    }
                }
            });
            result.put(service, refs.isEmpty() ? copy : rewriteRefs(copy, refs));
        });
        return result;
    }

    private static JsonNode rewriteRefs(JsonNode node, Map<String, String> refs) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            for (String field : new ArrayList<>(iterable(object.fieldNames()))) {
                JsonNode value = object.get(field);
                if ("$ref".equals(field) && value.isTextual() && refs.containsKey(value.asText())) {
                    object.set(field, TextNode.valueOf(refs.get(value.asText())));
                } else {
                    object.set(field, rewriteRefs(value, refs));
                }
            }
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                ((com.fasterxml.jackson.databind.node.ArrayNode) node).set(i, rewriteRefs(node.get(i), refs));
            }
        }
        return node;
    }

    private static ObjectNode sortedFields(ObjectNode object) {
        ObjectNode sorted = NODES.objectNode();
        List<String> names = new ArrayList<>(iterable(object.fieldNames()));
        names.sort(String::compareTo);
        names.forEach(name -> sorted.set(name, object.get(name)));
        return sorted;
    }

    private static List<JsonNode> sortedByName(Map<String, JsonNode> tags) {
        List<String> names = new ArrayList<>(tags.keySet());
        names.sort(String::compareTo);
        return names.stream().map(tags::get).toList();
    }

    private static <T> List<T> iterable(java.util.Iterator<T> iterator) {
        List<T> list = new ArrayList<>();
        iterator.forEachRemaining(list::add);
        return list;
    }
}
