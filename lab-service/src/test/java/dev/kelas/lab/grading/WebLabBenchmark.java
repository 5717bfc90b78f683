package dev.kelas.lab.grading;

import dev.kelas.lab.grading.WebPageGrader.WebCheck;
import dev.kelas.lab.sandbox.Sandbox;
import dev.kelas.lab.sandbox.SandboxLimits;
import dev.kelas.lab.sandbox.SandboxSettings;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * WEB grading time ({@link WebPageGrader}: sandbox, node harness, chromium, three checks, screenshot)
 * against a bare {@code chromium --headless --screenshot} of the same page outside Kelas, in the same
 * run. Not a test: {@code ./kelas bench web [N]} after a build. Prints p50s and their ratio.
 */
public final class WebLabBenchmark {
    private WebLabBenchmark() {
    }

    /** Runs N (10) of each after one warm-up of each. */
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        String chromium = "/usr/lib/chromium/chromium";
        SandboxSettings defaults = SandboxSettings.defaults();
        Sandbox sandbox = new Sandbox(new SandboxSettings(defaults.bwrapPath(), defaults.setprivPath(), defaults.prlimitPath(),
                Path.of("/tmp/kelas-sandbox-webbench"), 64100));
        WebPageGrader grader = new WebPageGrader(sandbox, "/usr/bin/node", chromium);
        Map<String, String> page = Map.of("index.html", "<!doctype html><link rel=stylesheet href=style.css><h1 id=t>Hello</h1><script src=script.js></script>",
                "style.css", "#t { color: rgb(255, 0, 0); }", "script.js", "document.getElementById('t').dataset.ready = '1';");
        List<WebCheck> checks = List.of(new WebCheck("dom", "assert(document.getElementById('t').textContent === 'Hello')"),
                new WebCheck("style", "assert(getComputedStyle(document.getElementById('t')).color === 'rgb(255, 0, 0)')"),
                new WebCheck("script", "assert(document.getElementById('t').dataset.ready === '1')"));
        SandboxLimits limits = new SandboxLimits(20, 30, 256, 64, 64, 4096, 64);
        Path bare = Files.createTempDirectory("kelas-webbench-");
        for (Map.Entry<String, String> file : page.entrySet()) {
            Files.writeString(bare.resolve(file.getKey()), file.getValue());
        }
        List<Double> graded = new ArrayList<>();
        List<Double> direct = new ArrayList<>();
        for (int i = -1; i < runs; i++) {
            long start = System.nanoTime();
            WebPageGrader.WebGrading grading = grader.grade(page, checks, limits, 2000, 128, 0, outcome -> { });
            double gradedMillis = (System.nanoTime() - start) / 1e6;
            if (grading.checks().stream().anyMatch(c -> c.verdict() != dev.kelas.contracts.Verdict.ACCEPTED) || grading.screenshotPng() == null) {
                throw new IllegalStateException("benchmark page not accepted: " + grading.checks());
            }
            start = System.nanoTime();
            Process process = new ProcessBuilder(chromium, "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                    "--user-data-dir=" + bare.resolve("profile"), "--screenshot=" + bare.resolve("shot.png"),
                    "--window-size=1024,768", "file://" + bare.resolve("index.html")).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            process.waitFor();
            double directMillis = (System.nanoTime() - start) / 1e6;
            if (i >= 0) { // the first round warms up
                graded.add(gradedMillis);
                direct.add(directMillis);
            }
        }
        double gradedP50 = p50(graded);
        double directP50 = p50(direct);
        System.out.printf("WEB grading (sandbox + harness + chromium, 3 checks + screenshot)  n=%d p50 %.0f ms%n", runs, gradedP50);
        System.out.printf("bare chromium --headless --screenshot of the same page             n=%d p50 %.0f ms%n", runs, directP50);
        System.out.printf("ratio %.2f%n", gradedP50 / directP50);
    }

    private static double p50(List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
