package dev.kelas.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Rendering with kubectl kustomize: its output read back as trees, its refusals surfacing as errors,
 * and the stale-entry check (entries kustomize silently ignores) on every Kelas kustomization.
 */
class KustomizeTests {
    @TempDir
    Path dir;

    @Test
    void shouldReadNamespaceImagesReplicasAndJsonPatchesFromKubectlOutput() throws IOException {
        write("base/kustomization.yaml", "resources: [app.yaml]\n");
        write("base/app.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, labels: {tier: api, keep: "yes"}}
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
        List<Map<String, Object>> rendered = Kustomize.render(dir.resolve("overlay"));
        assertEquals(1, rendered.size());
        Map<String, Object> web = rendered.get(0);
        assertEquals("school", Trees.string(web, "metadata", "namespace"));
        assertEquals("registry.example.org/kelas/web:2.0", Trees.string(web, "spec", "template", "spec", "containers", 0, "image"));
        assertEquals(3, Trees.at(web, "spec", "replicas"));
        assertEquals("2", Trees.at(web, "spec", "template", "spec", "containers", 0, "env", 0, "value"));
        assertEquals("B", Trees.string(web, "spec", "template", "spec", "containers", 0, "env", 1, "name"));
        assertNull(Trees.at(web, "metadata", "labels", "tier"));
        assertEquals("yes", Trees.at(web, "metadata", "labels", "keep"), "a quoted yes stays a string through kubectl's output");
        assertEquals(List.of(), Kustomize.staleEntries(dir.resolve("overlay")));
    }

    /** Every Kelas kustomization renders with kubectl kustomize, and none of its entries is stale. */
    @ParameterizedTest
    @ValueSource(strings = {"k8s/base", "k8s/overlays/dev", "k8s/overlays/prod"})
    void shouldRenderWithNoStaleEntries(String kustomization) {
        List<Map<String, Object>> rendered = Kustomize.render(Repo.path(kustomization));
        assertTrue(rendered.size() >= 10, kustomization + " renders the Kelas resources: " + rendered.size());
        assertEquals(List.of(), Kustomize.staleEntries(Repo.path(kustomization)));
    }

    /** Stale entries kustomize renders without complaint. */
    @ParameterizedTest
    @ValueSource(strings = {
        "patches: [{target: {kind: Deployment, name: nothing}, patch: '[{\"op\": \"remove\", \"path\": \"/spec\"}]'}]",
        "patches: [{target: {kind: Deployment, labelSelector: tier=none}, patch: '[{\"op\": \"remove\", \"path\": \"/spec\"}]'}]",
        "patches: [{target: {kind: Deployment}, patch: '[{\"op\": \"replace\", \"path\": \"/spec/missing\", \"value\": 1}]'}]",
        "images: [{name: kelas/other, newTag: '2'}]",
    })
    void shouldFlagEntriesThatMatchNothing(String feature) throws IOException {
        writeApp();
        write("kustomization.yaml", "resources: [app.yaml]\n" + feature + "\n");
        Kustomize.render(dir);
        List<String> stale = Kustomize.staleEntries(dir);
        assertEquals(1, stale.size(), "stale: " + stale);
    }

    /** What kustomize itself refuses fails the render with kustomize's message. */
    @ParameterizedTest
    @ValueSource(strings = {
        "patches: [{target: {kind: Deployment}, patch: '[{\"op\": \"test\", \"path\": \"/metadata/name\", \"value\": \"other\"}]'}]",
        "patches: [{target: {kind: Deployment}, patch: '[{\"op\": \"remove\", \"path\": \"/spec/gone\"}]'}]",
        "replicas: [{name: other, count: 2}]",
        "patches: [{target: {kind: Deployment}, path: missing-patch.yaml}]",
        "unknownField: 1",
    })
    void shouldFailWhereKustomizeRefuses(String feature) throws IOException {
        writeApp();
        write("kustomization.yaml", "resources: [app.yaml]\n" + feature + "\n");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Kustomize.render(dir));
        assertTrue(refused.getMessage().contains("kubectl kustomize"), refused.getMessage());
    }

    @Test
    void shouldRefuseAResourceDefinedTwice() throws IOException {
        writeApp();
        write("kustomization.yaml", "resources: [app.yaml, app.yaml]\n");
        assertThrows(IllegalArgumentException.class, () -> Kustomize.render(dir));
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
