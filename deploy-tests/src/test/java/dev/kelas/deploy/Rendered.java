package dev.kelas.deploy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One rendered kustomization: the manifest trees and their fabric8 objects, with lookups the rules need.
 *
 * @param name      "base", "dev" or "prod", for messages
 * @param namespace the namespace the overlay deploys to; null for the base
 */
record Rendered(String name, String namespace, List<Map<String, Object>> trees, List<HasMetadata> objects) {

    /** A pod-owning resource: its pod template and how it is selected. */
    record Workload(HasMetadata owner, String name, Map<String, String> podLabels, PodSpec pod, LabelSelector selector,
                    Integer replicas, List<PersistentVolumeClaim> claims) {
        String id() {
            return owner.getKind() + "/" + name;
        }

        List<Container> containers() {
            List<Container> all = new ArrayList<>(pod.getInitContainers());
            all.addAll(pod.getContainers());
            return all;
        }
    }

    /** Renders a kustomization directory (relative to the repository root) with kubectl kustomize ({@link Kustomize}). */
    static Rendered kustomize(String directory) {
        Path dir = Repo.path(directory);
        return of(dir.getFileName().toString(), Kustomize.render(dir));
    }

    /** Wraps trees (already rendered, perhaps mutated by a test). */
    static Rendered of(String name, List<Map<String, Object>> trees) {
        List<HasMetadata> objects = trees.stream().map(Model::toObject).toList();
        String namespace = objects.stream().map(o -> o.getMetadata().getNamespace()).filter(n -> n != null).findFirst().orElse(null);
        return new Rendered(name, namespace, trees, objects);
    }

    <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> Optional<T> find(Class<T> type, String name) {
        return all(type).stream().filter(o -> name.equals(o.getMetadata().getName())).findFirst();
    }

    /** Custom resources of a kind, e.g. custom("keda.sh", "ScaledObject"). */
    List<GenericKubernetesResource> custom(String group, String kind) {
        return all(GenericKubernetesResource.class).stream()
                .filter(r -> kind.equals(r.getKind()) && r.getApiVersion().startsWith(group + "/"))
                .toList();
    }

    Optional<ConfigMap> configMap(String name) {
        return find(ConfigMap.class, name);
    }

    /** Deployments and StatefulSets. */
    List<Workload> workloads() {
        List<Workload> workloads = new ArrayList<>();
        for (Deployment d : all(Deployment.class)) {
            workloads.add(new Workload(d, d.getMetadata().getName(), d.getSpec().getTemplate().getMetadata().getLabels(),
                    d.getSpec().getTemplate().getSpec(), d.getSpec().getSelector(), d.getSpec().getReplicas(), List.of()));
        }
        for (StatefulSet s : all(StatefulSet.class)) {
            workloads.add(new Workload(s, s.getMetadata().getName(), s.getSpec().getTemplate().getMetadata().getLabels(),
                    s.getSpec().getTemplate().getSpec(), s.getSpec().getSelector(), s.getSpec().getReplicas(), s.getSpec().getVolumeClaimTemplates()));
        }
        return workloads;
    }

    Optional<Workload> workload(String name) {
        return workloads().stream().filter(w -> w.name().equals(name)).findFirst();
    }
}
