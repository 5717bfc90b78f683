package dev.kelas.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Dockerfile: pinned bases, user 185, curl for health checks, and in lab-service's image every program the graders run. */
class DockerfileTests {
    /** Programs lab-service's configuration runs, and the Debian package that installs each. */
    static final Map<String, String> PACKAGES = Map.of(
            "/usr/bin/bwrap", "bubblewrap",
            "/usr/bin/setpriv", "util-linux",
            "/usr/bin/prlimit", "util-linux",
            "/usr/bin/python3", "python3",
            "/usr/bin/gcc", "gcc",
            "/usr/bin/node", "nodejs",
            "${kelas.lab.java-home}/bin/javac", "openjdk-17-jdk-headless",
            "${kelas.lab.java-home}/bin/java", "openjdk-17-jdk-headless");

    @Test
    void shouldKeepTheDockerfileRules() throws IOException {
        assertEquals(List.of(), violations(Files.readString(Repo.path("Dockerfile"))));
    }

    @Test
    void shouldFlagABrokenDockerfile() throws IOException {
        String dockerfile = Files.readString(Repo.path("Dockerfile"));
        assertTrue(violations(dockerfile.replace(" bubblewrap", "")).stream().anyMatch(v -> v.contains("bubblewrap")));
        assertTrue(violations(dockerfile.replace("USER 185", "USER root")).stream().anyMatch(v -> v.contains("USER 185")));
        assertTrue(violations(dockerfile.replace("FROM debian:bookworm-slim", "FROM debian:latest")).stream().anyMatch(v -> v.contains("latest")));
        assertTrue(violations(dockerfile.replace("curl ca-certificates", "ca-certificates")).stream().anyMatch(v -> v.contains("curl")));
        assertTrue(violations(dockerfile.replace(" /var/lib/kelas/auth-files", "")).stream().anyMatch(v -> v.contains("/var/lib/kelas/auth-files")));
        assertTrue(violations(dockerfile.replace(" -Djava.awt.headless=true", "")).stream().anyMatch(v -> v.contains("headless")));
    }

    static List<String> violations(String dockerfile) throws IOException {
        List<String> violations = new ArrayList<>();
        Matcher from = Pattern.compile("(?m)^FROM\\s+(\\S+)").matcher(dockerfile);
        List<String> bases = new ArrayList<>();
        while (from.find()) {
            bases.add(from.group(1));
            ManifestRules.imageProblem(from.group(1)).ifPresent(p -> violations.add("FROM: " + p));
        }
        if (bases.size() < 2 || !bases.get(bases.size() - 1).startsWith("debian:bookworm")) {
            violations.add("a multi-stage build whose runtime stage is Debian bookworm, has " + bases);
        }
        List<String> users = Pattern.compile("(?m)^USER\\s+(\\S+)").matcher(dockerfile).results().map(m -> m.group(1)).toList();
        if (users.isEmpty() || !users.get(users.size() - 1).equals("185")) {
            violations.add("the image must end with USER 185, has " + users);
        }
        // Packages every image gets, and those only lab-service gets.
        Matcher common = Pattern.compile("packages=\"([^\"$]+)\"").matcher(dockerfile);
        Matcher lab = Pattern.compile("packages=\"\\$packages ([^\"]+)\"").matcher(dockerfile);
        String all = common.find() ? common.group(1) : "";
        String labOnly = lab.find() ? lab.group(1) : "";
        for (String needed : List.of("curl", "openjdk-17-jre-headless")) {
            if (!List.of(all.split("\\s+")).contains(needed)) {
                violations.add("every image needs " + needed + " (health checks use curl)");
            }
        }
        Properties lab_ = new Properties();
        try (var reader = Files.newBufferedReader(Repo.path("lab-service/src/main/resources/application.properties"))) {
            lab_.load(reader);
        }
        for (String key : lab_.stringPropertyNames()) {
            boolean program = key.startsWith("kelas.lab.sandbox.") && key.endsWith("-path")
                    || key.startsWith("kelas.lab.languages.") && (key.endsWith(".run") || key.endsWith(".compile"));
            if (!program) {
                continue;
            }
            String executable = lab_.getProperty(key).split(",")[0];
            if (executable.startsWith("./")) {
                continue; // the submission's own compiled program
            }
            String pkg = PACKAGES.get(executable);
            if (pkg == null) {
                violations.add(key + " runs " + executable + ": add its Debian package to the lab-service image and to DockerfileTests.PACKAGES");
            } else if (!List.of(labOnly.split("\\s+")).contains(pkg)) {
                violations.add(key + " runs " + executable + ", but lab-service's image does not install " + pkg);
            }
        }
        for (String needed : List.of("libc6-dev")) {
            if (!List.of(labOnly.split("\\s+")).contains(needed)) {
                violations.add("lab-service's image needs " + needed + " (gcc needs the C library headers)");
            }
        }
        // The default file storage directories exist and belong to user 185 (a named volume mounted there inherits that).
        for (String dir : List.of("/var/lib/kelas/learning-files", "/var/lib/kelas/auth-files")) {
            if (!Pattern.compile("install -d -o 185 -g 185[^;\\n]*\\s" + Pattern.quote(dir) + "(\\s|;|$)", Pattern.MULTILINE).matcher(dockerfile).find()) {
                violations.add("the image must create " + dir + " for user 185 (install -d -o 185 -g 185 ... " + dir + ")");
            }
        }
        if (!dockerfile.contains("-Djava.awt.headless=true")) {
            violations.add("JAVA_OPTS must set -Djava.awt.headless=true (charts and avatars use AWT without a display)");
        }
        Matcher javaHome = Pattern.compile("KELAS_LAB_JAVA_HOME=(\\S+)").matcher(dockerfile);
        if (!javaHome.find() || !dockerfile.contains(" " + javaHome.group(1) + ";")) {
            violations.add("ENV KELAS_LAB_JAVA_HOME must name the JDK path the image creates (the ln -s target)");
        }
        return violations;
    }
}
