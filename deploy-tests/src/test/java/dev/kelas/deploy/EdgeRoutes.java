package dev.kelas.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.LinkedHashMap;
import java.util.Map;

/** edge/routes.tsv, the edge's route table: path prefix to the service that owns it. */
final class EdgeRoutes {
    private EdgeRoutes() {
    }

    /** Each prefix and its service, in file order. */
    static Map<String, String> services() {
        Map<String, String> routes = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(Repo.path("edge/routes.tsv"))) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    String[] columns = line.split("\t");
                    routes.put(columns[0], columns[1]);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return routes;
    }

    /** The service owning a path by the longest matching prefix (whole path segments), or null. */
    static String owner(String path) {
        String best = null;
        String owner = null;
        for (Map.Entry<String, String> route : services().entrySet()) {
            String prefix = route.getKey();
            if ((path.equals(prefix) || path.startsWith(prefix + "/")) && (best == null || prefix.length() > best.length())) {
                best = prefix;
                owner = route.getValue();
            }
        }
        return owner;
    }
}
