package dev.kelas.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The edge's route table against each service's resources, the rendered nginx configuration and compose. */
class EdgeRouteTests {
    private static final Pattern RESOURCE_ROOT = Pattern.compile("(?m)^@Path\\(\"([^\"]+)\"\\)");

    @Test
    void shouldRouteEveryResourceOfEveryServiceToItsService() throws IOException {
        List<String> wrong = new ArrayList<>();
        for (String service : ManifestRules.API_SERVICES.keySet()) {
            try (Stream<Path> files = Files.walk(Repo.path(service + "/src/main/java"))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                    Matcher root = RESOURCE_ROOT.matcher(Files.readString(file));
                    while (root.find()) {
                        String owner = EdgeRoutes.owner(root.group(1));
                        if (!service.equals(owner)) {
                            wrong.add(root.group(1) + " of " + service + " goes to " + owner);
                        }
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
    }

    @Test
    void shouldKeepTheComposeNginxConfigurationRenderedFromTheRouteTable() throws Exception {
        Process render = new ProcessBuilder("python3", Repo.path("edge/render_nginx.py").toString(), "--listen", "8080", "--stderr-logs",
                "--upstream", "auth-service=auth-service:8081", "--upstream", "learning-service=learning-service:8082",
                "--upstream", "lab-service=lab-service:8083", "--upstream", "notification-service=notification-service:8084")
                .redirectErrorStream(true).start();
        String rendered = new String(render.getInputStream().readAllBytes());
        assertEquals(0, render.waitFor(), rendered);
        assertEquals(rendered, Files.readString(Repo.path("edge/nginx.compose.conf")),
                "edge/nginx.compose.conf is stale: render it again with edge/render_nginx.py");
        for (String prefix : EdgeRoutes.services().keySet()) {
            String service = EdgeRoutes.services().get(prefix);
            assertEquals(true, rendered.contains("location " + prefix + "/ {\n        proxy_pass http://" + service + ";"), prefix);
        }
        assertEquals(true, rendered.contains("client_max_body_size 12m;"));
    }

    @Test
    void shouldMountTheRenderedConfigurationInComposesEdge() {
        var edge = Compose.service(Compose.load(), "edge");
        assertEquals(true, Trees.list(edge, "volumes").stream().map(String::valueOf)
                .anyMatch(v -> v.startsWith("./edge/nginx.compose.conf:/etc/nginx/nginx.conf")), "compose edge mounts edge/nginx.compose.conf");
    }
}
