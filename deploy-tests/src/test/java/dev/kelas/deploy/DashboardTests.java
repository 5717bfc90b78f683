package dev.kelas.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** k8s/grafana/kelas-dashboard.json: valid JSON, Prometheus queries over the metrics the services publish. */
class DashboardTests {
    static final Path DASHBOARD = Repo.path("k8s/grafana/kelas-dashboard.json");
    static final List<String> REQUIRED_METRICS = List.of("http_server_requests_seconds_count", "http_server_requests_seconds_bucket",
            "kelas_lab_queue_depth", "kelas_lab_queue_seconds_bucket", "kelas_lab_run_seconds", "kelas_lab_verdicts_total", "jvm_memory_used_bytes");
    private static final Set<String> GRAFANA_VARIABLES = Set.of("__rate_interval", "__interval", "__range");

    @Test
    void shouldBeAValidDashboardOverTheRequiredMetrics() throws IOException {
        assertEquals(List.of(), violations(new ObjectMapper().readTree(DASHBOARD.toFile())));
    }

    @Test
    void shouldQueryOnlyLabMetricsLabServicePublishes() throws IOException {
        String source;
        try (Stream<Path> files = Files.walk(Repo.path("lab-service/src/main/java"))) {
            StringBuilder all = new StringBuilder();
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                all.append(Files.readString(file));
            }
            source = all.toString();
        }
        Matcher metric = Pattern.compile("kelas_lab_[a-z_]+").matcher(Files.readString(DASHBOARD));
        while (metric.find()) {
            String name = metric.group().replaceAll("_(bucket|sum|count|max)$", "");
            assertTrue(source.contains("\"" + name + "\""), name + " is registered in lab-service");
        }
    }

    @Test
    void shouldFlagABrokenDashboard() throws IOException {
        ObjectNode dashboard = (ObjectNode) new ObjectMapper().readTree(DASHBOARD.toFile());
        for (JsonNode panel : panels(dashboard)) {
            for (JsonNode target : panel.path("targets")) {
                ((ObjectNode) target).put("expr", target.path("expr").asText().replace("kelas_lab_verdicts_total", "kelas_lab_verdicts").replace("$namespace", "$namespce"));
            }
        }
        ((ArrayNode) dashboard.get("panels")).add(new ObjectMapper().createObjectNode().put("type", "timeseries").put("id", 1));
        List<String> violations = violations(dashboard);
        assertTrue(violations.contains("no query uses kelas_lab_verdicts_total"), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.contains("undefined variable $namespce")), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.contains("panel id 1 is used twice")), violations.toString());
        assertTrue(violations.stream().anyMatch(v -> v.contains("has no title")), violations.toString());
    }

    static List<String> violations(JsonNode dashboard) {
        List<String> violations = new ArrayList<>();
        if (!dashboard.path("title").isTextual() || !dashboard.path("uid").isTextual() || !dashboard.path("schemaVersion").isInt()) {
            violations.add("needs title, uid and schemaVersion");
        }
        Set<String> variables = new HashSet<>(GRAFANA_VARIABLES);
        dashboard.path("templating").path("list").forEach(v -> variables.add(v.path("name").asText()));
        Set<Integer> ids = new HashSet<>();
        StringBuilder queries = new StringBuilder();
        for (JsonNode panel : panels(dashboard)) {
            String title = panel.path("title").asText("");
            if (!ids.add(panel.path("id").asInt())) {
                violations.add("panel id " + panel.path("id").asInt() + " is used twice");
            }
            if (title.isBlank()) {
                violations.add("a panel has no title");
            }
            if (panel.path("type").asText().equals("row")) {
                continue;
            }
            if (!panel.path("datasource").path("type").asText().equals("prometheus")) {
                violations.add(title + ": datasource must be Prometheus");
            }
            if (panel.path("targets").isEmpty()) {
                violations.add(title + ": no queries");
            }
            for (JsonNode target : panel.path("targets")) {
                String expr = target.path("expr").asText("");
                queries.append(expr).append('\n');
                if (expr.isBlank() || !balanced(expr)) {
                    violations.add(title + ": query '" + expr + "' is empty or has unbalanced brackets");
                }
                Matcher variable = Pattern.compile("\\$([A-Za-z_]\\w*)").matcher(expr);
                while (variable.find()) {
                    if (!variables.contains(variable.group(1))) {
                        violations.add(title + ": undefined variable $" + variable.group(1));
                    }
                }
            }
        }
        for (String metric : REQUIRED_METRICS) {
            if (!Pattern.compile("\\b" + metric + "(_bucket|_sum|_count|_max)?\\b").matcher(queries).find()) {
                violations.add("no query uses " + metric);
            }
        }
        return violations;
    }

    /** Every panel, including those inside collapsed rows. */
    static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        }
        return panels;
    }

    private static boolean balanced(String expr) {
        int round = 0;
        int curly = 0;
        int square = 0;
        boolean quoted = false;
        for (char c : expr.toCharArray()) {
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                round += c == '(' ? 1 : c == ')' ? -1 : 0;
                curly += c == '{' ? 1 : c == '}' ? -1 : 0;
                square += c == '[' ? 1 : c == ']' ? -1 : 0;
                if (round < 0 || curly < 0 || square < 0) {
                    return false;
                }
            }
        }
        return round == 0 && curly == 0 && square == 0 && !quoted;
    }
}
