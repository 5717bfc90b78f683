package dev.kelas.deploy;

import java.nio.file.Files;
import java.nio.file.Path;

/** Files of the repository these tests check, found from the module's working directory upwards. */
final class Repo {
    static final Path ROOT = findRoot();

    private Repo() {
    }

    /** A path relative to the repository root. */
    static Path path(String relative) {
        return ROOT.resolve(relative);
    }

    private static Path findRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("k8s")) && Files.isRegularFile(dir.resolve("docker-compose.yml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("No k8s/ and docker-compose.yml above " + Path.of("").toAbsolutePath());
    }
}
