package dev.kelas.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The test renderer itself: each supported feature, the refusals, and agreement with real kustomize where kubectl is installed. */
class KustomizeTests {
    @TempDir
    Path dir;

    @Test
    void shouldApplyNamespaceImagesReplicasAndJsonPatches() throws IOException {
        write("base/kustomization.yaml", "resources: [app.yaml]\n");
        write("base/app.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, labels: {tier: api}}
                spec:
                  template:
                    spec:
                      containers:
                        - {name: web, image: kelas/web:1.0, env: [{name: A, value: "1"}]}
                """);
        write("overlay/kustomization.yaml", """
                namespace: school
                resources: [../base]
                images:
                  - {name: kelas/web, newName: registry.example.org/kelas/web, newTag: "2.0"}
                replicas:
                  - {name: web, count: 3}
                patches:
                  - target: {kind: Deployment, labelSelector: tier=api}
                    patch: |-
                      - {op: test, path: /spec/template/spec/containers/0/env/0/name, value: A}
                      - {op: replace, path: /spec/template/spec/containers/0/env/0/value, value: "2"}
                      - {op: add, path: /spec/template/spec/containers/0/env/-, value: {name: B, value: "3"}}
                      - {op: remove, path: /metadata/labels/tier}
                """);
        Map<String, Object> web = Kustomize.render(dir.resolve("overlay")).get(0);
        assertEquals("school", Trees.string(web, "metadata", "namespace"));
        assertEquals("registry.example.org/kelas/web:2.0", Trees.string(web, "spec", "template", "spec", "containers", 0, "image"));
        assertEquals(3, Trees.at(web, "spec", "replicas"));
        assertEquals("2", Trees.string(web, "spec", "template", "spec", "containers", 0, "env", 0, "value"));
        assertEquals("B", Trees.string(web, "spec", "template", "spec", "containers", 0, "env", 1, "name"));
        assertEquals(Map.of(), Trees.map(web, "metadata", "labels"));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "patches: [{target: {kind: Deployment, name: nothing}, patch: '[{op: remove, path: /spec}]'}]",
        "patches: [{target: {kind: Deployment}, patch: '[{op: replace, path: /spec/missing, value: 1}]'}]",
        "patches: [{target: {kind: Deployment}, patch: '[{op: test, path: /metadata/name, value: other}]'}]",
        "images: [{name: kelas/other, newTag: '2'}]",
        "replicas: [{name: other, count: 2}]",
    })
    void shouldRefuseWhatMatchesNothing(String feature) throws IOException {
        writeApp();
        write("kustomization.yaml", "resources: [app.yaml]\n" + feature + "\n");
        assertThrows(IllegalArgumentException.class, () -> Kustomize.render(dir));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "commonLabels: {a: b}",
        "configMapGenerator: [{name: x, literals: [a=b]}]",
        "patches: [{target: {kind: Deployment}, patch: 'metadata: {labels: {a: b}}'}]",
    })
    void shouldRefuseFeaturesItDoesNotImplement(String feature) throws IOException {
        writeApp();
        write("kustomization.yaml", "resources: [app.yaml]\n" + feature + "\n");
        assertThrows(UnsupportedOperationException.class, () -> Kustomize.render(dir));
    }

    @Test
    void shouldRefuseAResourceDefinedTwice() throws IOException {
        writeApp();
        write("kustomization.yaml", "resources: [app.yaml, app.yaml]\n");
        assertThrows(IllegalArgumentException.class, () -> Kustomize.render(dir));
    }

    /** Real kustomize (kubectl kustomize) and this renderer agree on every overlay; skipped where kubectl is not installed. */
    @ParameterizedTest
    @ValueSource(strings = {"k8s/base", "k8s/overlays/dev", "k8s/overlays/prod"})
    void shouldRenderLikeKubectlKustomize(String overlay) throws Exception {
        Path out = dir.resolve("rendered.yaml");
        Process kubectl;
        try {
            kubectl = new ProcessBuilder("kubectl", "kustomize", Repo.path(overlay).toString())
                    .redirectOutput(out.toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        } catch (IOException notInstalled) {
            assumeTrue(false, "kubectl is not installed");
            return;
        }
        assumeTrue(kubectl.waitFor(60, TimeUnit.SECONDS), "kubectl kustomize did not finish");
        assertEquals(0, kubectl.exitValue(), "kubectl kustomize " + overlay + " failed");
        assertEquals(byId(Trees.loadAll(out)), byId(Kustomize.render(Repo.path(overlay))));
    }

    private static Map<String, Map<String, Object>> byId(List<Map<String, Object>> resources) {
        Map<String, Map<String, Object>> byId = new TreeMap<>(Comparator.naturalOrder());
        resources.forEach(r -> byId.put(r.get("apiVersion") + " " + Trees.id(r), r));
        return byId;
    }

    private void writeApp() throws IOException {
        write("app.yaml", "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec: {template: {spec: {containers: [{name: web, image: kelas/web:1.0}]}}}\n");
    }

    private void write(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
    }
}
