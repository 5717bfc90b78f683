package dev.kelas.lab.grading;

import dev.kelas.contracts.Verdict;
import dev.kelas.lab.grading.WebPageGrader.CheckOutcome;
import dev.kelas.lab.grading.WebPageGrader.WebCheck;
import dev.kelas.lab.grading.WebPageGrader.WebGrading;
import dev.kelas.lab.sandbox.Sandbox;
import dev.kelas.lab.sandbox.SandboxLimits;
import dev.kelas.lab.sandbox.SandboxSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real WEB grading: our harness, Debian's node and chromium, inside real bubblewrap, hostile pages included. */
class WebLabGraderTests {
    private static final SandboxLimits LIMITS = new SandboxLimits(20, 30, 256, 64, 64, 4096, 64);
    private static final int SLOT = 8;
    private static final String CHROMIUM = "/usr/lib/chromium/chromium";

    static Path workRoot;
    static WebPageGrader grader;

    @BeforeAll
    static void setUp() throws IOException {
        workRoot = Files.createTempDirectory(Path.of("/tmp"), "kelas-weblab-test-");
        Files.setPosixFilePermissions(workRoot, java.nio.file.attribute.PosixFilePermissions.fromString("rwx--x--x"));
        SandboxSettings defaults = SandboxSettings.defaults();
        Sandbox sandbox = new Sandbox(new SandboxSettings(defaults.bwrapPath(), defaults.setprivPath(), defaults.prlimitPath(),
                workRoot.resolve("runs"), 63100));
        assertNull(sandbox.missingPrerequisite());
        assertTrue(Files.isExecutable(Path.of(CHROMIUM)), "Debian chromium must be installed");
        grader = new WebPageGrader(sandbox, "/usr/bin/node", CHROMIUM);
    }

    @AfterAll
    static void removeWorkRoot() throws IOException {
        try (Stream<Path> paths = Files.walk(workRoot)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static WebGrading grade(Map<String, String> files, WebCheck... checks) throws Exception {
        List<CheckOutcome> progress = new ArrayList<>();
        WebGrading grading = grader.grade(files, List.of(checks), LIMITS, 2000, 128, SLOT, progress::add);
        assertEquals(grading.checks(), progress, "every check is reported as progress, in order");
        return grading;
    }

    private static Verdict verdict(WebGrading grading, String name) {
        return grading.checks().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow().verdict();
    }

    private static final Map<String, String> PAGE = Map.of(
            "index.html", "<!doctype html><html><head><link rel=stylesheet href=style.css></head>"
                    + "<body><h1 id=title>Hello</h1><button id=b>0</button><script src=script.js></script></body></html>",
            "style.css", "#title { color: rgb(255, 0, 0); width: 300px; }",
            "script.js", "document.getElementById('b').addEventListener('click', e => e.target.textContent = '1');"
                    + "console.error('deliberate');");

    @Test
    void shouldPassAndFailChecksOnDomStylesLayoutEventsAndConsole() throws Exception {
        WebGrading grading = grade(PAGE,
                new WebCheck("dom", "assert(document.getElementById('title').textContent === 'Hello')"),
                new WebCheck("style", "assert(getComputedStyle(document.getElementById('title')).color === 'rgb(255, 0, 0)')"),
                new WebCheck("layout", "assert(document.getElementById('title').getBoundingClientRect().width === 300)"),
                new WebCheck("event", "const b = document.getElementById('b'); b.dispatchEvent(new MouseEvent('click', {bubbles: true}));"
                        + "assert(b.textContent === '1', 'button says ' + b.textContent)"),
                new WebCheck("console", "assert(consoleErrors.length === 1 && consoleErrors[0] === 'deliberate', JSON.stringify(consoleErrors))"),
                new WebCheck("wrong", "assert(getComputedStyle(document.getElementById('title')).color === 'rgb(0, 0, 255)', 'title is not blue')"),
                new WebCheck("throws", "null.x"),
                new WebCheck("endless", "while (true) {}"));
        assertEquals(Verdict.ACCEPTED, verdict(grading, "dom"));
        assertEquals(Verdict.ACCEPTED, verdict(grading, "style"));
        assertEquals(Verdict.ACCEPTED, verdict(grading, "layout"));
        assertEquals(Verdict.ACCEPTED, verdict(grading, "event"));
        assertEquals(Verdict.ACCEPTED, verdict(grading, "console"));
        assertEquals(Verdict.WRONG_ANSWER, verdict(grading, "wrong"));
        assertEquals("title is not blue", grading.checks().get(5).message());
        assertEquals(Verdict.RUNTIME_ERROR, verdict(grading, "throws"));
        assertEquals(Verdict.TIME_LIMIT_EXCEEDED, verdict(grading, "endless"));
        assertNotNull(grading.screenshotPng(), "a screenshot is taken");
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'}, Arrays.copyOf(grading.screenshotPng(), 4));
    }

    @Test
    void shouldGiveTimeLimitForEndlessPageScriptAndStayHealthy() throws Exception {
        WebGrading grading = grade(Map.of("index.html", "<script>while(true){}</script>"),
                new WebCheck("any", "assert(true)"));
        assertEquals(Verdict.TIME_LIMIT_EXCEEDED, verdict(grading, "any"));
        shouldStillGradeANormalPage();
    }

    @Test
    void shouldContainHugeAllocation() throws Exception {
        WebGrading grading = grade(Map.of("index.html", "<body>x</body>"),
                new WebCheck("alloc", "const a = []; while (true) { a.push(new Array(1e6).fill(1)); }"));
        Verdict verdict = verdict(grading, "alloc");
        assertTrue(verdict == Verdict.RUNTIME_ERROR || verdict == Verdict.TIME_LIMIT_EXCEEDED
                || verdict == Verdict.MEMORY_LIMIT_EXCEEDED, "allocation ends cleanly, got " + verdict);
        shouldStillGradeANormalPage();
    }

    @Test
    void shouldKeepNetworkOffForFetchXhrAndImages() throws Exception {
        WebGrading grading = grade(Map.of("index.html", "<body>net</body>"),
                new WebCheck("loopback", "let ok = false; try { await fetch('http://127.0.0.1:8080/q/health'); ok = true; } catch (e) {} assert(!ok, 'fetch reached loopback')"),
                new WebCheck("internet", "let ok = false; try { await fetch('https://example.com/'); ok = true; } catch (e) {} assert(!ok, 'fetch reached the internet')"),
                new WebCheck("xhr", "const ok = await new Promise(r => { const x = new XMLHttpRequest(); x.open('GET', 'http://1.1.1.1/');"
                        + "x.onload = () => r(true); x.onerror = () => r(false); x.send(); }); assert(!ok, 'xhr worked')"),
                new WebCheck("image", "const ok = await new Promise(r => { const i = new Image(); i.onload = () => r(true); i.onerror = () => r(false);"
                        + "i.src = 'http://93.184.216.34/x.png'; }); assert(!ok, 'image loaded')"));
        grading.checks().forEach(c -> assertEquals(Verdict.ACCEPTED, c.verdict(), c.name() + ": " + c.message()));
    }

    @Test
    void shouldContainWindowOpenLoop() throws Exception {
        WebGrading grading = grade(Map.of("index.html", "<script>for (let i = 0; i < 100000; i++) window.open('index.html');</script><p id=p>ok</p>"),
                new WebCheck("page", "assert(document.getElementById('p').textContent === 'ok')"));
        assertEquals(Verdict.ACCEPTED, verdict(grading, "page"));
        shouldStillGradeANormalPage();
    }

    @Test
    void shouldNotLetThePageFakeAPassByReplacingGlobals() throws Exception {
        WebGrading grading = grade(Map.of("index.html", "<p id=p style='color: rgb(0, 0, 255)'>no</p><script>"
                        + "document.getElementById = () => ({textContent: 'yes'});"
                        + "window.getComputedStyle = () => ({color: 'rgb(255, 0, 0)'});</script>"),
                new WebCheck("text", "assert(document.getElementById('p').textContent === 'yes')"),
                new WebCheck("color", "assert(getComputedStyle(document.getElementById('p')).color === 'rgb(255, 0, 0)')"));
        assertEquals(Verdict.WRONG_ANSWER, verdict(grading, "text"));
        assertEquals(Verdict.WRONG_ANSWER, verdict(grading, "color"));
    }

    @Test
    void shouldNotLetThePageLoadTheChecks() throws Exception {
        String secret = "assert(document.title === 'hidden-check-7f3a')";
        var run = grader.sandboxRun(PAGE, List.of(new WebCheck("hidden", secret)), LIMITS, 2000, 128);
        run.files().forEach((name, content) -> assertTrue(!content.contains("hidden-check-7f3a"),
                name + " in /work holds a check, which the page could load into a frame and the screenshot"));
        assertTrue(run.stdin().contains("hidden-check-7f3a"), "the checks go to the harness on standard input");
        WebGrading grading = grade(Map.of("index.html", "<title>hidden-check-7f3a</title><iframe src=kelas-checks.json></iframe>"),
                new WebCheck("hidden", secret));
        assertEquals(Verdict.ACCEPTED, verdict(grading, "hidden"), "the checks arrive on standard input and run");
    }

    @Test
    void shouldRejectBadFiles() {
        assertNotNull(WebPageGrader.invalidFiles(Map.of("style.css", "")));
        assertNotNull(WebPageGrader.invalidFiles(Map.of("index.html", "", "../x.js", "")));
        assertNotNull(WebPageGrader.invalidFiles(Map.of("index.html", "x".repeat(WebPageGrader.MAX_FILE_BYTES + 1))));
        assertNull(WebPageGrader.invalidFiles(PAGE));
    }

    private static void shouldStillGradeANormalPage() throws Exception {
        WebGrading grading = grade(PAGE, new WebCheck("dom", "assert(document.getElementById('title').textContent === 'Hello')"));
        assertEquals(Verdict.ACCEPTED, verdict(grading, "dom"));
    }
}
