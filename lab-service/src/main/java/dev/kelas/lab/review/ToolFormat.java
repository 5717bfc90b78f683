package dev.kelas.lab.review;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelas.lab.review.Finding.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How to read one static-analysis tool's report into {@link Finding}s. Each tool writes its own format, checked
 * against the versions Debian 12 ships (pyflakes 2.5, pycodestyle 2.10, gcc 12, cppcheck 2.10, OpenJDK 17 javac,
 * Node.js 18-20); a line a parser does not recognise is skipped, never guessed at.
 */
public enum ToolFormat {
    /** pyflakes: {@code main.py:3:10: undefined name 'y'}; undefined names and syntax errors are errors. */
    PYFLAKES {
        private final Pattern line = Pattern.compile("^[^:\\n]+:(\\d+):(?:(\\d+):?)? (.+)$", Pattern.MULTILINE);

        @Override
        List<Finding> parse(String stdout, String stderr) {
            List<Finding> findings = new ArrayList<>();
            Matcher m = line.matcher(stdout + "\n" + stderr);
            while (m.find()) {
                String message = m.group(3).strip();
                boolean error = message.startsWith("undefined name") || message.contains("invalid syntax")
                        || message.startsWith("unexpected") || message.contains("SyntaxError") || message.contains("expected");
                findings.add(new Finding(Integer.parseInt(m.group(1)), integer(m.group(2)), error ? Severity.ERROR : Severity.WARNING,
                        message, "pyflakes", null));
            }
            return findings;
        }
    },
    /** pycodestyle: {@code main.py:2:1: E302 expected 2 blank lines, found 0}; E9 (syntax) are errors, W warnings. */
    PYCODESTYLE {
        private final Pattern line = Pattern.compile("^[^:\\n]+:(\\d+):(\\d+): ([EWC]\\d+) (.+)$", Pattern.MULTILINE);

        @Override
        List<Finding> parse(String stdout, String stderr) {
            List<Finding> findings = new ArrayList<>();
            Matcher m = line.matcher(stdout);
            while (m.find()) {
                String code = m.group(3);
                Severity severity = code.startsWith("E9") ? Severity.ERROR : code.startsWith("W") ? Severity.WARNING : Severity.INFO;
                findings.add(new Finding(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), severity, m.group(4).strip(),
                        "pycodestyle", code));
            }
            return findings;
        }
    },
    /** gcc with {@code -fdiagnostics-format=json}: a JSON array of diagnostics on standard error. */
    GCC_JSON {
        @Override
        List<Finding> parse(String stdout, String stderr) {
            List<Finding> findings = new ArrayList<>();
            String json = stderr.strip();
            int start = json.indexOf('[');
            if (start < 0) {
                return findings;
            }
            try {
                for (JsonNode diagnostic : JSON.readTree(json.substring(start))) {
                    String kind = diagnostic.path("kind").asText();
                    Severity severity = switch (kind) {
                        case "error", "fatal error" -> Severity.ERROR;
                        case "warning" -> Severity.WARNING;
                        default -> Severity.INFO;
                    };
                    JsonNode caret = diagnostic.path("locations").path(0).path("caret");
                    String option = diagnostic.path("option").asText(null);
                    findings.add(new Finding(caret.has("line") ? caret.get("line").asInt() : null,
                            caret.has("column") ? caret.get("column").asInt() : null, severity,
                            diagnostic.path("message").asText(), "gcc", option));
                }
            } catch (Exception e) {
                // not the JSON gcc writes (e.g. it was killed): nothing to report
            }
            return findings;
        }
    },
    /** cppcheck with {@code --template={line}:{column}:{severity}:{id}:{message}}, on standard error. */
    CPPCHECK {
        private final Pattern line = Pattern.compile("^(\\d+):(\\d+):(\\w+):(\\w+):(.+)$", Pattern.MULTILINE);

        @Override
        List<Finding> parse(String stdout, String stderr) {
            List<Finding> findings = new ArrayList<>();
            Matcher m = line.matcher(stderr + "\n" + stdout);
            while (m.find()) {
                if (m.group(4).equals("missingIncludeSystem") || m.group(4).equals("checkersReport")) {
                    continue; // about cppcheck's own set-up, not the program
                }
                Severity severity = switch (m.group(3)) {
                    case "error" -> Severity.ERROR;
                    case "warning", "portability" -> Severity.WARNING;
                    default -> Severity.INFO;
                };
                int lineNumber = Integer.parseInt(m.group(1));
                int column = Integer.parseInt(m.group(2));
                findings.add(new Finding(lineNumber == 0 ? null : lineNumber, column == 0 ? null : column, severity,
                        m.group(5).strip(), "cppcheck", m.group(4)));
            }
            return findings;
        }
    },
    /** javac {@code -Xlint:all}: {@code Main.java:1: warning: [rawtypes] found raw type: List}, on standard error. */
    JAVAC {
        private final Pattern line = Pattern.compile("^[^:\\n]+\\.java:(\\d+): (error|warning): (?:\\[([\\w-]+)\\] )?(.+)$", Pattern.MULTILINE);

        @Override
        List<Finding> parse(String stdout, String stderr) {
            List<Finding> findings = new ArrayList<>();
            Matcher m = line.matcher(stderr + "\n" + stdout);
            while (m.find()) {
                findings.add(new Finding(Integer.parseInt(m.group(1)), null,
                        m.group(2).equals("error") ? Severity.ERROR : Severity.WARNING, m.group(4).strip(), "javac", m.group(3)));
            }
            return findings;
        }
    },
    /**
     * {@code node --check}: on a syntax error, standard error starts {@code /work/main.js:LINE}, shows the line
     * and a caret, then {@code SyntaxError: message}.
     */
    NODE_CHECK {
        private final Pattern where = Pattern.compile("^[^\\n]*\\.[cm]?js:(\\d+)\\s*$", Pattern.MULTILINE);
        private final Pattern error = Pattern.compile("^(\\w*Error): (.+)$", Pattern.MULTILINE);

        @Override
        List<Finding> parse(String stdout, String stderr) {
            Matcher kind = error.matcher(stderr);
            if (!kind.find()) {
                return List.of();
            }
            Matcher at = where.matcher(stderr);
            Integer lineNumber = at.find() ? Integer.parseInt(at.group(1)) : null;
            Integer column = null;
            if (lineNumber != null) {
                String[] lines = stderr.substring(at.end()).split("\n", -1);
                // the source line, then the caret line under it
                if (lines.length > 2 && lines[2].contains("^")) {
                    column = lines[2].indexOf('^') + 1;
                }
            }
            return List.of(new Finding(lineNumber, column, Severity.ERROR, kind.group(2).strip(), "node", kind.group(1)));
        }
    };

    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * The findings in one run's output.
     *
     * @param stdout the tool's standard output
     * @param stderr its standard error
     * @return the findings, in the tool's order; empty when it found nothing (or wrote nothing it recognises)
     */
    abstract List<Finding> parse(String stdout, String stderr);

    private static Integer integer(String text) {
        return text == null ? null : Integer.valueOf(text);
    }
}
