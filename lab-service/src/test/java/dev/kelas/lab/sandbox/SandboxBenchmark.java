package dev.kelas.lab.sandbox;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * The fixed cost of one sandboxed run: {@code python3 -c pass} through {@link Sandbox} (unshare,
 * setpriv, bwrap, prlimit) against the same command started directly. Not a test: run it with
 * {@code ./kelas bench-sandbox [runs]}. Prints median, p95 and mean in milliseconds.
 */
public final class SandboxBenchmark {
    private SandboxBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        SandboxSettings defaults = SandboxSettings.defaults();
        // Its own uid range and directory, so it never touches a running lab-service's runs.
        Sandbox sandbox = new Sandbox(new SandboxSettings(defaults.bwrapPath(), defaults.setprivPath(), defaults.prlimitPath(),
                java.nio.file.Path.of("/tmp/kelas-sandbox-bench"), 64000));
        SandboxLimits limits = new SandboxLimits(2, 5, 256, 64, 32, 1024, 16);
        SandboxRun pass = new SandboxRun(Map.of(), List.of("/usr/bin/python3", "-c", "pass"), "", limits);
        for (int i = 0; i < 5; i++) {
            sandbox.run(pass, 0); // warm-up
        }
        List<Double> sandboxed = new ArrayList<>();
        List<Double> direct = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            SandboxResult result = sandbox.run(pass, 0);
            sandboxed.add((System.nanoTime() - start) / 1e6);
            if (result.exitCode() != 0) {
                throw new IllegalStateException("sandboxed python3 -c pass failed: " + result.stderr());
            }
            start = System.nanoTime();
            new ProcessBuilder("/usr/bin/python3", "-c", "pass").start().waitFor();
            direct.add((System.nanoTime() - start) / 1e6);
        }
        System.out.println(summary("python3 -c pass in the sandbox", sandboxed));
        System.out.println(summary("python3 -c pass started directly", direct));
    }

    private static String summary(String what, List<Double> millis) {
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        double mean = sorted.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        return String.format("%-34s n=%d median %.1f ms, p95 %.1f ms, mean %.1f ms", what, sorted.size(),
                sorted.get(sorted.size() / 2), sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1), mean);
    }
}
