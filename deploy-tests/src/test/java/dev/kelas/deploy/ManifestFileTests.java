package dev.kelas.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every YAML file under k8s/, one by one, before any rendering: it parses, its kinds and fields are real,
 * and values Kubernetes wants as strings are strings to a YAML 1.1 parser too (kubectl kustomize reads
 * YAML 1.2 and quotes an unquoted {@code off} in its output, so only the source file shows it).
 */
class ManifestFileTests {

    static Stream<Path> manifests() throws IOException {
        try (Stream<Path> files = Files.walk(Repo.path("k8s"))) {
            List<Path> yaml = files.filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                    .filter(f -> !f.getFileName().toString().startsWith("kustomization.")).sorted().toList();
            assertTrue(yaml.size() >= 10, "found the manifests: " + yaml);
            return yaml.stream();
        }
    }

    @ParameterizedTest
    @MethodSource("manifests")
    void shouldParseAsKubernetesResources(Path file) {
        List<String> problems = new ArrayList<>();
        List<Map<String, Object>> documents = Trees.loadAll(file);
        assertTrue(!documents.isEmpty(), file + " has documents");
        for (Map<String, Object> document : documents) {
            HasMetadata object = Model.toObject(document);
            String id = document.get("apiVersion") + " " + Trees.id(document);
            if (object.getMetadata() == null || object.getMetadata().getName() == null) {
                problems.add(id + ": no metadata.name");
            }
            boolean custom = Model.CUSTOM_RESOURCES.contains(document.get("apiVersion") + " " + document.get("kind"));
            if (custom != (object instanceof GenericKubernetesResource)) {
                problems.add(id + (custom ? ": parsed as a built-in kind" : ": not a kind fabric8 knows (typo in kind or apiVersion?)"));
            }
            Model.unknownFields(object).forEach(f -> problems.add(id + ": unknown field " + f));
        }
        assertEquals(List.of(), problems, Repo.ROOT.relativize(file).toString());
    }

    @ParameterizedTest
    @MethodSource("manifests")
    void shouldQuoteValuesKubernetesWantsAsStrings(Path file) {
        String name = Repo.ROOT.relativize(file).toString();
        assertEquals(List.of(), ManifestRules.stringValues(Rendered.of(name, Trees.loadAll(file))), name);
    }
}
