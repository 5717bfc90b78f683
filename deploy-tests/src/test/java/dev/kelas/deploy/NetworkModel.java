package dev.kelas.deploy;

import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import io.fabric8.kubernetes.api.model.networking.v1.IPBlock;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPeer;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyPort;
import java.util.List;
import java.util.Map;

/**
 * Evaluates Kubernetes NetworkPolicy (networking.k8s.io/v1) for one connection, following the API's
 * semantics: a pod selected by any policy of a type is isolated for that direction and then only what
 * some rule allows gets through; a connection needs both the source's egress and the destination's
 * ingress to allow it. ipBlock peers are matched against every endpoint's address, pods included,
 * which is what most CNIs do (the worst case for a "must be denied" check).
 */
final class NetworkModel {
    /**
     * Something that opens or accepts connections.
     *
     * @param namespace null for a plain address outside the cluster
     * @param ports     the pod's named container ports
     */
    record Endpoint(String name, String namespace, Map<String, String> labels, Map<String, Integer> ports, String ip) {
        static Endpoint pod(String name, String namespace, Map<String, String> labels, Map<String, Integer> ports, String ip) {
            return new Endpoint(name, namespace, labels == null ? Map.of() : labels, ports, ip);
        }

        static Endpoint address(String ip) {
            return new Endpoint(ip, null, Map.of(), Map.of(), ip);
        }

        Map<String, String> namespaceLabels() {
            return namespace == null ? Map.of() : Map.of("kubernetes.io/metadata.name", namespace);
        }
    }

    private final List<NetworkPolicy> policies;
    private final String namespace;

    /** @param namespace where the policies (and the pods they select) live */
    NetworkModel(List<NetworkPolicy> policies, String namespace) {
        this.policies = policies;
        this.namespace = namespace;
    }

    /** Whether a TCP or UDP connection from {@code source} to {@code destination}'s port is allowed. */
    boolean allows(Endpoint source, Endpoint destination, int port, String protocol) {
        return egressAllows(source, destination, port, protocol) && ingressAllows(source, destination, port, protocol);
    }

    private boolean egressAllows(Endpoint source, Endpoint destination, int port, String protocol) {
        List<NetworkPolicy> isolating = selecting(source, "Egress");
        if (isolating.isEmpty()) {
            return true;
        }
        return isolating.stream().flatMap(p -> p.getSpec().getEgress().stream())
                .anyMatch(rule -> portsMatch(rule.getPorts(), destination, port, protocol) && peersMatch(rule.getTo(), destination));
    }

    private boolean ingressAllows(Endpoint source, Endpoint destination, int port, String protocol) {
        List<NetworkPolicy> isolating = selecting(destination, "Ingress");
        if (isolating.isEmpty()) {
            return true;
        }
        return isolating.stream().flatMap(p -> p.getSpec().getIngress().stream())
                .anyMatch(rule -> portsMatch(rule.getPorts(), destination, port, protocol) && peersMatch(rule.getFrom(), source));
    }

    /** Policies of this namespace that select the pod and isolate it for the direction. */
    private List<NetworkPolicy> selecting(Endpoint pod, String direction) {
        if (pod.namespace() == null || !pod.namespace().equals(namespace)) {
            return List.of();
        }
        return policies.stream()
                .filter(p -> matches(p.getSpec().getPodSelector(), pod.labels()))
                .filter(p -> policyTypes(p).contains(direction))
                .toList();
    }

    /** Without policyTypes, a policy is Ingress, plus Egress if it has egress rules (API default). */
    private static List<String> policyTypes(NetworkPolicy policy) {
        List<String> types = policy.getSpec().getPolicyTypes();
        if (types != null && !types.isEmpty()) {
            return types;
        }
        return policy.getSpec().getEgress().isEmpty() ? List.of("Ingress") : List.of("Ingress", "Egress");
    }

    private boolean peersMatch(List<NetworkPolicyPeer> peers, Endpoint other) {
        if (peers == null || peers.isEmpty()) {
            return true;
        }
        return peers.stream().anyMatch(peer -> peerMatches(peer, other));
    }

    private boolean peerMatches(NetworkPolicyPeer peer, Endpoint other) {
        if (peer.getIpBlock() != null) {
            return inBlock(peer.getIpBlock(), other.ip());
        }
        if (other.namespace() == null) {
            return false; // not a pod: only an ipBlock can match it
        }
        boolean namespaceMatches = peer.getNamespaceSelector() == null
                ? other.namespace().equals(namespace)
                : matches(peer.getNamespaceSelector(), other.namespaceLabels());
        return namespaceMatches && (peer.getPodSelector() == null || matches(peer.getPodSelector(), other.labels()));
    }

    private static boolean portsMatch(List<NetworkPolicyPort> ports, Endpoint destination, int port, String protocol) {
        if (ports == null || ports.isEmpty()) {
            return true;
        }
        for (NetworkPolicyPort allowed : ports) {
            String allowedProtocol = allowed.getProtocol() == null ? "TCP" : allowed.getProtocol();
            if (!allowedProtocol.equals(protocol)) {
                continue;
            }
            IntOrString value = allowed.getPort();
            if (value == null) {
                return true;
            }
            Integer number = value.getIntVal() != null ? value.getIntVal() : destination.ports().get(value.getStrVal());
            if (number == null) {
                continue;
            }
            int end = allowed.getEndPort() != null ? allowed.getEndPort() : number;
            if (port >= number && port <= end) {
                return true;
            }
        }
        return false;
    }

    /** Label selector semantics: matchLabels and matchExpressions all hold; an empty selector matches everything. */
    static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return true;
        }
        Map<String, String> present = labels == null ? Map.of() : labels;
        if (selector.getMatchLabels() != null) {
            for (Map.Entry<String, String> wanted : selector.getMatchLabels().entrySet()) {
                if (!wanted.getValue().equals(present.get(wanted.getKey()))) {
                    return false;
                }
            }
        }
        for (LabelSelectorRequirement requirement : selector.getMatchExpressions()) {
            String value = present.get(requirement.getKey());
            boolean holds = switch (requirement.getOperator()) {
                case "In" -> value != null && requirement.getValues().contains(value);
                case "NotIn" -> value == null || !requirement.getValues().contains(value);
                case "Exists" -> value != null;
                case "DoesNotExist" -> value == null;
                default -> throw new IllegalArgumentException("Unknown selector operator " + requirement.getOperator());
            };
            if (!holds) {
                return false;
            }
        }
        return true;
    }

    private static boolean inBlock(IPBlock block, String ip) {
        if (!contains(block.getCidr(), ip)) {
            return false;
        }
        return block.getExcept().stream().noneMatch(except -> contains(except, ip));
    }

    /** IPv4 CIDR membership. */
    static boolean contains(String cidr, String ip) {
        String[] parts = cidr.split("/");
        int bits = Integer.parseInt(parts[1]);
        long mask = bits == 0 ? 0 : (0xFFFFFFFFL << (32 - bits)) & 0xFFFFFFFFL;
        return (toLong(parts[0]) & mask) == (toLong(ip) & mask);
    }

    private static long toLong(String ip) {
        long value = 0;
        for (String octet : ip.split("\\.")) {
            value = (value << 8) | Integer.parseInt(octet);
        }
        return value;
    }
}
