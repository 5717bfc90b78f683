package dev.kelas.lab.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.kelas.lab.review.Finding.Severity;
import dev.kelas.lab.sandbox.Sandbox;
import dev.kelas.lab.sandbox.SandboxLimits;
import dev.kelas.lab.sandbox.SandboxSettings;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The offline reviewer's static analysis on a known-bad program in each language, with the tools and command lines
 * of lab-service's own {@code application.properties}, run by the real tools (pyflakes, pycodestyle, gcc, cppcheck,
 * javac, node) inside the real bubblewrap sandbox. {@code ./kelas setup} installs them.
 */
class OfflineReviewerToolsTests {
    private static final SandboxLimits LIMITS = new SandboxLimits(10, 30, 2048, 256, 64, 65536, 16);
    private static final int SLOT = 9;

    static Path workRoot;
    static StaticAnalyzer analyzer;

    @BeforeAll
    static void setUp() throws IOException {
        workRoot = Files.createTempDirectory(Path.of("/tmp"), "kelas-review-test-");
        Files.setPosixFilePermissions(workRoot, java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x--x"));
        SandboxSettings defaults = SandboxSettings.defaults();
        Sandbox sandbox = new Sandbox(new SandboxSettings(defaults.bwrapPath(), defaults.setprivPath(), defaults.prlimitPath(),
                workRoot.resolve("runs"), 63100));
        assertNull(sandbox.missingPrerequisite(), "bubblewrap must be installed (./kelas setup installs it)");
        analyzer = new StaticAnalyzer(sandbox, LIMITS, configuredTools(), 50);
    }

    @AfterAll
    static void removeWorkRoot() throws IOException {
        try (Stream<Path> paths = Files.walk(workRoot)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /** The {@code kelas.lab.review.tools.*} of application.properties, with {@code ${kelas.lab.java-home}} at its default. */
    static Map<String, ReviewConfig.Tool> configuredTools() throws IOException {
        Properties properties = new Properties();
        try (InputStream in = OfflineReviewerToolsTests.class.getResourceAsStream("/application.properties")) {
            properties.load(in);
        }
        String javaHome = properties.getProperty("kelas.lab.java-home").replaceAll("^\\$\\{[A-Z_]+:(.*)}$", "$1");
        Map<String, ReviewConfig.Tool> tools = new TreeMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (!key.startsWith("kelas.lab.review.tools.") || !key.endsWith(".language")) {
                continue;
            }
            String prefix = key.substring(0, key.length() - ".language".length());
            String language = properties.getProperty(key);
            String format = properties.getProperty(prefix + ".format");
            List<String> command = Arrays.stream(properties.getProperty(prefix + ".command").replace("${kelas.lab.java-home}", javaHome)
                    .split(",")).toList();
            String binds = properties.getProperty(prefix + ".read-only-binds");
            tools.put(prefix.substring("kelas.lab.review.tools.".length()), new ReviewConfig.Tool() {
                public String language() {
                    return language;
                }

                public String format() {
                    return format;
                }

                public List<String> command() {
                    return command;
                }

                public Optional<List<String>> readOnlyBinds() {
                    return Optional.ofNullable(binds).map(b -> List.of(b.split(",")));
                }
            });
        }
        return tools;
    }

    private static boolean has(List<Finding> findings, String tool, Severity severity, Integer line, String text) {
        return findings.stream().anyMatch(f -> f.tool().equals(tool) && f.severity() == severity
                && (line == null || line.equals(f.line())) && (f.message().contains(text) || text.equals(f.rule())));
    }

    @Test
    void pythonUndefinedNameAndUnusedImportAndStyle() throws Exception {
        StaticAnalyzer.Analysis analysis = analyzer.analyze("python", "main.py",
                "import os\n\n\ndef total(xs):\n  return sum(xs) + offset\n\n\nprint(total([1, 2]))\n", SLOT);
        assertEquals(List.of("pycodestyle", "pyflakes"), analysis.toolsRun(), analysis.toString());
        assertTrue(has(analysis.findings(), "pyflakes", Severity.ERROR, 5, "undefined name 'offset'"), analysis.toString());
        assertTrue(has(analysis.findings(), "pyflakes", Severity.WARNING, 1, "'os' imported but unused"), analysis.toString());
        assertTrue(has(analysis.findings(), "pycodestyle", Severity.INFO, 5, "E111"), analysis.toString());
    }

    @Test
    void cleanPythonHasNoFindings() throws Exception {
        StaticAnalyzer.Analysis analysis = analyzer.analyze("python", "main.py",
                "def total(xs):\n    return sum(xs)\n\n\nprint(total([1, 2]))\n", SLOT);
        assertEquals(List.of(), analysis.findings(), analysis.toString());
    }

    @Test
    void cOutOfBoundsUninitialisedAndUnused() throws Exception {
        String source = """
                #include <stdio.h>

                int main(void) {
                    int a[3];
                    int unused = 4;
                    int u;
                    a[3] = 1;
                    printf("%d %d\\n", a[0], u);
                    return 0;
                }
                """;
        StaticAnalyzer.Analysis analysis = analyzer.analyze("c", "main.c", source, SLOT);
        assertEquals(List.of("cppcheck", "gcc"), analysis.toolsRun(), analysis.toString());
        assertTrue(has(analysis.findings(), "cppcheck", Severity.ERROR, 7, "arrayIndexOutOfBounds"), analysis.toString());
        assertTrue(has(analysis.findings(), "gcc", Severity.WARNING, 5, "-Wunused-variable"), analysis.toString());
        assertTrue(analysis.findings().stream().anyMatch(f -> "uninitvar".equals(f.rule()) || f.message().contains("uninitialized")),
                analysis.toString());
    }

    @Test
    void javaRawTypesAndSyntaxError() throws Exception {
        StaticAnalyzer.Analysis lint = analyzer.analyze("java", "Main.java", """
                import java.util.ArrayList;
                import java.util.List;

                public class Main {
                    public static void main(String[] args) {
                        List names = new ArrayList();
                        names.add("x");
                        System.out.println(names);
                    }
                }
                """, SLOT);
        assertEquals(List.of("javac"), lint.toolsRun(), lint.toString());
        assertTrue(has(lint.findings(), "javac", Severity.WARNING, 6, "rawtypes"), lint.toString());
        assertTrue(has(lint.findings(), "javac", Severity.WARNING, 7, "unchecked"), lint.toString());

        StaticAnalyzer.Analysis broken = analyzer.analyze("java", "Main.java",
                "public class Main {\n    public static void main(String[] args) {\n        int x = 1\n    }\n}\n", SLOT);
        assertTrue(has(broken.findings(), "javac", Severity.ERROR, 3, "';' expected"), broken.toString());
    }

    @Test
    void javascriptSyntaxError() throws Exception {
        StaticAnalyzer.Analysis analysis = analyzer.analyze("javascript", "main.js",
                "const xs = [1, 2];\nconst total = xs.reduce((a, b) => a + b, );\nconsole.log(total +);\n", SLOT);
        assertEquals(List.of("node"), analysis.toolsRun(), analysis.toString());
        Finding finding = analysis.findings().get(0);
        assertEquals(Severity.ERROR, finding.severity(), analysis.toString());
        assertEquals(3, finding.line(), analysis.toString());
        assertEquals("SyntaxError", finding.rule(), analysis.toString());
        assertTrue(finding.column() != null && finding.column() > 1, analysis.toString());
    }

    @Test
    void aToolThatIsNotInstalledIsNamedNotRun() throws Exception {
        Map<String, ReviewConfig.Tool> tools = new TreeMap<>(configuredTools());
        ReviewConfig.Tool pyflakes = tools.get("pyflakes");
        tools.put("pylint", new ReviewConfig.Tool() {
            public String language() {
                return "python";
            }

            public String format() {
                return "pyflakes";
            }

            public List<String> command() {
                return List.of("/usr/bin/no-such-linter", "main.py");
            }

            public Optional<List<String>> readOnlyBinds() {
                return pyflakes.readOnlyBinds();
            }
        });
        StaticAnalyzer.Analysis analysis = new StaticAnalyzer(sandboxOf(), LIMITS, tools, 1).analyze("python", "main.py",
                "import os, sys, re\n", SLOT);
        assertEquals(List.of("pylint"), analysis.toolsMissing(), analysis.toString());
        // one pyflakes finding kept, the other two counted
        assertTrue(analysis.findings().stream().anyMatch(f -> f.tool().equals("pyflakes") && f.message().startsWith("2 more findings")),
                analysis.toString());
    }

    private static Sandbox sandboxOf() {
        SandboxSettings defaults = SandboxSettings.defaults();
        return new Sandbox(new SandboxSettings(defaults.bwrapPath(), defaults.setprivPath(), defaults.prlimitPath(),
                workRoot.resolve("runs"), 63100));
    }
}
