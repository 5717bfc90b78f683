package dev.kelas.runtime.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * {@code GET /version} on every service: which build answers. The version and git commit are written into
 * {@code META-INF/kelas-build.properties} when kelas-runtime is built (Maven resource filtering; the commit
 * from {@code git rev-parse HEAD}, {@code "unknown"} where the build had no git repository). A plain Vert.x
 * route, not a resource, so it stays out of each service's OpenAPI document (four services, one path).
 */
@Singleton
public class BuildInfo {
    /** The REST API's version: the {@code /api/v1} prefix. */
    public static final String API_VERSION = "v1";
    /** The path it answers on. */
    public static final String PATH = "/version";

    /**
     * The answer of {@code GET /version}.
     *
     * @param service    the answering service ({@code quarkus.application.name})
     * @param version    the Maven project version of the build
     * @param commit     the full git commit id of the build, or {@code unknown}
     * @param dirty      true when the build's working tree had uncommitted changes to tracked files
     * @param apiVersion the REST API version, {@value #API_VERSION}
     */
    public record Version(String service, String version, String commit, boolean dirty, String apiVersion) {
    }

    private final Version version;
    private final String body;

    BuildInfo(@ConfigProperty(name = "quarkus.application.name") String service, ObjectMapper json) {
        Properties build = new Properties();
        try (InputStream in = BuildInfo.class.getResourceAsStream("/META-INF/kelas-build.properties")) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.version = new Version(service, known(build.getProperty("version")), commit(build.getProperty("commit")),
                "true".equals(build.getProperty("dirty")), API_VERSION);
        try {
            this.body = json.writeValueAsString(version);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** This build's version record. */
    public Version version() {
        return version;
    }

    void install(@Observes Router router) {
        router.get(PATH).handler(ctx -> ctx.response().putHeader("Content-Type", "application/json")
                .putHeader("Cache-Control", "no-cache").end(body));
    }

    private static String known(String value) {
        return value == null || value.isBlank() || value.startsWith("${") ? "unknown" : value.trim();
    }

    private static String commit(String value) {
        String commit = known(value);
        return commit.matches("[0-9a-f]{40}") ? commit : "unknown";
    }
}
