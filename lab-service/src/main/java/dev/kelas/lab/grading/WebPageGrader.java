package dev.kelas.lab.grading;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelas.contracts.Verdict;
import dev.kelas.lab.sandbox.Sandbox;
import dev.kelas.lab.sandbox.SandboxLimits;
import dev.kelas.lab.sandbox.SandboxResult;
import dev.kelas.lab.sandbox.SandboxRun;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Grades a WEB submission (HTML, CSS and JavaScript files): our Node harness ({@code web/harness.js},
 * standard library only) starts headless chromium over the DevTools pipe inside the bubblewrap
 * sandbox, network off, loads {@code index.html} from {@code file:///work}, runs each teacher check
 * (a JavaScript body with {@code assert(cond, message)} and {@code consoleErrors} in scope) under its
 * own timeout, and takes a PNG screenshot.
 *
 * <p>Chromium reserves terabytes of address space, so the run's RLIMIT_AS is effectively off and
 * the page's memory is capped by V8's heap limit ({@code --max-old-space-size}) instead; the CPU,
 * wall-clock, process and file limits are the coding lab's.
 */
public final class WebPageGrader {
    /** The language key of a WEB task and its submissions. */
    public static final String LANGUAGE = "web";
    /** The largest screenshot kept, bytes; a bigger one is dropped. */
    public static final int SCREENSHOT_LIMIT_BYTES = 1024 * 1024;
    /** Files a WEB submission may have at most. */
    public static final int MAX_FILES = 10;
    /** Bytes of one submitted file at most. */
    public static final int MAX_FILE_BYTES = 256 * 1024;
    private static final Pattern FILE_NAME = Pattern.compile("[A-Za-z0-9_-][A-Za-z0-9_.-]{0,63}\\.(html|css|js)");
    private static final String HARNESS = loadHarness();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Sandbox sandbox;
    private final String nodePath;
    private final String chromiumPath;

    /**
     * @param chromiumPath the chromium binary itself ({@code /usr/lib/chromium/chromium}; Debian's
     *                     {@code /usr/bin/chromium} is a shell wrapper reading {@code /etc/chromium.d})
     */
    public WebPageGrader(Sandbox sandbox, String nodePath, String chromiumPath) {
        this.sandbox = sandbox;
        this.nodePath = nodePath;
        this.chromiumPath = chromiumPath;
    }

    /** One teacher check: a name and a JavaScript function body run in the page. */
    public record WebCheck(String name, String script) {
    }

    /** The verdict of one check, with the harness's message (assertion text, error, timeout). */
    public record CheckOutcome(String name, Verdict verdict, String message, int millis) {
    }

    /** The whole result: one outcome per check, console errors, the screenshot (null if none). */
    public record WebGrading(List<CheckOutcome> checks, List<String> consoleErrors, byte[] screenshotPng, long wallMillis) {
    }

    /**
     * The problem with a WEB submission's files, or null when they are acceptable: 1 to
     * {@value #MAX_FILES} files with plain {@code .html/.css/.js} names, {@code index.html} among
     * them, each at most {@value #MAX_FILE_BYTES} bytes.
     */
    public static String invalidFiles(Map<String, String> files) {
        if (files == null || files.isEmpty() || files.size() > MAX_FILES) {
            return "files must hold 1 to " + MAX_FILES + " files";
        }
        if (!files.containsKey("index.html")) {
            return "files must contain index.html";
        }
        for (Map.Entry<String, String> file : files.entrySet()) {
            if (!FILE_NAME.matcher(file.getKey()).matches() || file.getKey().startsWith("kelas-")) {
                return "file name not allowed: " + file.getKey();
            }
            if (file.getValue() == null || file.getValue().getBytes(StandardCharsets.UTF_8).length > MAX_FILE_BYTES) {
                return "file " + file.getKey() + " must be at most " + MAX_FILE_BYTES + " bytes";
            }
        }
        return null;
    }

    /**
     * Grades the files against the checks. Blocking: call it on a worker thread.
     *
     * @param checkTimeoutMillis time each check may run
     * @param heapMib            V8 heap of the page, MiB
     * @param progress           told each check's outcome, in order, once the run has finished
     */
    public WebGrading grade(Map<String, String> files, List<WebCheck> checks, SandboxLimits limits, int checkTimeoutMillis,
                            int heapMib, int slot, Consumer<CheckOutcome> progress) throws IOException, InterruptedException {
        String problem = invalidFiles(files);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        SandboxRun run = sandboxRun(files, checks, limits, checkTimeoutMillis, heapMib);
        SandboxResult result = sandbox.run(run, slot);
        WebGrading grading = interpret(result, checks);
        grading.checks().forEach(progress);
        return grading;
    }

    /**
     * The sandbox run that grades the files: the page's files and our harness in {@code /work}, and the
     * checks on the harness's standard input, never in a file, so that the page (which may load any file of
     * {@code /work} into a frame and so into the screenshot) cannot show the teacher's hidden checks.
     * The browser may write files as large as {@code /tmp} (its profile), whatever the task's file limit.
     */
    SandboxRun sandboxRun(Map<String, String> files, List<WebCheck> checks, SandboxLimits limits,
                                 int checkTimeoutMillis, int heapMib) throws IOException {
        ObjectNode spec = JSON.createObjectNode();
        spec.put("chromium", chromiumPath);
        spec.put("timeoutMs", checkTimeoutMillis);
        spec.put("loadTimeoutMs", checkTimeoutMillis);
        spec.put("heapMib", heapMib);
        ArrayNode list = spec.putArray("checks");
        for (WebCheck check : checks) {
            list.addObject().put("name", check.name()).put("script", check.script());
        }
        Map<String, String> workFiles = new LinkedHashMap<>(files);
        workFiles.put("kelas-harness.js", HARNESS);
        int tmpfsMib = Math.max(limits.tmpfsMib(), 128);
        // RLIMIT_AS effectively off (see the class comment); room for chromium's descriptors; the
        // screenshot comes back base64 on standard output.
        SandboxLimits browserLimits = new SandboxLimits(limits.cpuSeconds(), limits.wallSeconds(), Integer.MAX_VALUE,
                Math.max(limits.outputKib(), (SCREENSHOT_LIMIT_BYTES * 4 / 3 + 256 * 1024) / 1024),
                Math.max(limits.maxProcesses(), 256), Math.max(limits.fileSizeKib(), tmpfsMib * 1024), tmpfsMib);
        return new SandboxRun(workFiles, List.of(nodePath, "kelas-harness.js"), JSON.writeValueAsString(spec), browserLimits,
                List.of("/etc/fonts"), false, 1024);
    }

    private static WebGrading interpret(SandboxResult result, List<WebCheck> checks) {
        JsonNode report = null;
        String line = result.stdout().strip();
        if (!line.isEmpty()) {
            try {
                report = JSON.readTree(line.substring(line.lastIndexOf('\n') + 1));
            } catch (IOException e) {
                report = null;
            }
        }
        Verdict whole = result.wallTimeExceeded() || result.cpuTimeExceeded() ? Verdict.TIME_LIMIT_EXCEEDED
                : result.outputLimitExceeded() ? Verdict.OUTPUT_LIMIT_EXCEEDED : Verdict.RUNTIME_ERROR;
        List<CheckOutcome> outcomes = new ArrayList<>();
        List<String> consoleErrors = new ArrayList<>();
        byte[] screenshot = null;
        Map<String, JsonNode> byName = new LinkedHashMap<>();
        if (report != null) {
            report.path("results").forEach(node -> byName.putIfAbsent(node.path("name").asText(), node));
            report.path("consoleErrors").forEach(node -> consoleErrors.add(node.asText()));
            if (report.hasNonNull("screenshot")) {
                byte[] png = Base64.getDecoder().decode(report.get("screenshot").asText());
                screenshot = png.length <= SCREENSHOT_LIMIT_BYTES ? png : null;
            }
        }
        for (WebCheck check : checks) {
            JsonNode node = byName.get(check.name());
            if (node == null) {
                outcomes.add(new CheckOutcome(check.name(), whole, "the page or the browser did not finish", 0));
                continue;
            }
            Verdict verdict = switch (node.path("status").asText()) {
                case "PASS" -> Verdict.ACCEPTED;
                case "FAIL" -> Verdict.WRONG_ANSWER;
                case "TIMEOUT" -> Verdict.TIME_LIMIT_EXCEEDED;
                default -> Verdict.RUNTIME_ERROR;
            };
            outcomes.add(new CheckOutcome(check.name(), verdict, node.path("message").asText(null), node.path("millis").asInt()));
        }
        return new WebGrading(outcomes, consoleErrors, screenshot, result.wallMillis());
    }

    private static String loadHarness() {
        try (InputStream in = WebPageGrader.class.getResourceAsStream("/web/harness.js")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
