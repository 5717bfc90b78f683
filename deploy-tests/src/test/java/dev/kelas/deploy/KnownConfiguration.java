package dev.kelas.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The environment variable names the services read: every key of the tables in docs/configuration.md in
 * its environment form (MicroProfile Config: upper case, '.' and '-' as '_'), the variables the table
 * names, and every {@code ${KELAS_...}} reference in the services' properties files. A KELAS_ or
 * QUARKUS_ name outside this set is a typo the services would silently ignore.
 */
final class KnownConfiguration {
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::[^}]*)?}");

    private KnownConfiguration() {
    }

    static Set<String> environmentNames() {
        Set<String> names = new TreeSet<>(fromConfigurationDoc());
        for (Path file : propertiesFiles()) {
            Matcher m = REFERENCE.matcher(read(file));
            while (m.find()) {
                names.add(m.group(1));
            }
        }
        return names;
    }

    /** The names among {@code used} that start with KELAS_ or QUARKUS_ and are not known. */
    static Set<String> unknown(Collection<String> used) {
        Set<String> known = environmentNames();
        Set<String> unknown = new TreeSet<>();
        for (String name : used) {
            if ((name.startsWith("KELAS_") || name.startsWith("QUARKUS_")) && !known.contains(name)) {
                unknown.add(name);
            }
        }
        return unknown;
    }

    /** Names from the first column of docs/configuration.md's tables: `kelas.lab.compile.cpu-seconds`, `.wall-seconds`, (`KELAS_DB_HOST`). */
    static Set<String> fromConfigurationDoc() {
        Set<String> names = new TreeSet<>();
        for (String line : read(Repo.path("docs/configuration.md")).split("\n")) {
            if (!line.startsWith("| `")) {
                continue;
            }
            String firstCell = line.split("\\|")[1];
            String lastKey = null;
            Matcher m = CODE.matcher(firstCell);
            while (m.find()) {
                String token = m.group(1).trim();
                if (token.contains("<")) {
                    continue;
                }
                if (token.matches("[A-Z][A-Z0-9_]*")) {
                    names.add(token);
                } else if (token.startsWith(".") && lastKey != null) {
                    names.add(toEnvironment(lastKey.substring(0, lastKey.lastIndexOf('.')) + token));
                } else if (token.matches("[a-z][a-z0-9.-]*")) {
                    lastKey = token;
                    names.add(toEnvironment(token));
                }
            }
        }
        if (names.isEmpty()) {
            throw new IllegalStateException("docs/configuration.md has no configuration table to read names from");
        }
        return names;
    }

    /** MicroProfile Config's environment form of a property key. */
    static String toEnvironment(String key) {
        return key.replaceAll("[^A-Za-z0-9]", "_").toUpperCase(Locale.ROOT);
    }

    private static List<Path> propertiesFiles() {
        List<Path> files = new ArrayList<>();
        files.add(Repo.path("kelas-runtime/src/main/resources/META-INF/microprofile-config.properties"));
        try (Stream<Path> modules = Files.list(Repo.ROOT)) {
            modules.map(m -> m.resolve("src/main/resources/application.properties")).filter(Files::isRegularFile).forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
