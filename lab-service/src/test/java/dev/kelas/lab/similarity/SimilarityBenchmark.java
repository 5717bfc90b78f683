package dev.kelas.lab.similarity;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * How long one similarity check takes: JPlag ({@link SimilarityDetector}) over N generated Python submissions
 * of about 60 lines each, one in ten a renamed copy of another. Not a test: run it with
 * {@code ./kelas bench similarity [N...]} after a build. Prints per N the seconds, the pairs above 0.5 and the
 * peak heap, MiB.
 */
public final class SimilarityBenchmark {
    private static final String[] OPS = {"+", "-", "*", "%", "//"};

    private SimilarityBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int[] sizes = args.length == 0 ? new int[] {50, 100, 200} : java.util.Arrays.stream(args).mapToInt(Integer::parseInt).toArray();
        Path root = Path.of(System.getProperty("java.io.tmpdir"), "kelas-similarity-bench");
        SimilarityDetector.compare("python", programs(2, new Random(1)), 0.5, 500, root); // warm-up
        for (int n : sizes) {
            List<SimilarityDetector.Source> sources = programs(n, new Random(n));
            System.gc();
            ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
            long start = System.nanoTime();
            SimilarityDetector.Outcome outcome = SimilarityDetector.compare("python", sources, 0.5, 500, root);
            double seconds = (System.nanoTime() - start) / 1e9;
            long peak = ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                    .mapToLong(p -> p.getPeakUsage().getUsed()).sum();
            System.out.printf("similarity check: %d submissions (%d pairs compared) in %.2f s, %d pairs >= 0.5, peak heap %d MiB%n",
                    outcome.compared(), n * (n - 1) / 2, seconds, outcome.pairs().size(), peak / (1024 * 1024));
        }
    }

    /** N programs, every tenth a copy of the one before with other names. */
    static List<SimilarityDetector.Source> programs(int n, Random random) {
        List<SimilarityDetector.Source> sources = new ArrayList<>();
        String previous = null;
        for (int i = 0; i < n; i++) {
            String code = i % 10 == 9 && previous != null ? previous.replaceAll("\\bv(\\d)", "w$1").replaceAll("\\bf(\\d)", "g$1") : program(random);
            sources.add(new SimilarityDetector.Source(UUID.randomUUID(), UUID.randomUUID(), "main.py", code));
            previous = code;
        }
        return sources;
    }

    private static String program(Random random) {
        StringBuilder code = new StringBuilder("import sys\n\n");
        int functions = 3 + random.nextInt(3);
        for (int f = 0; f < functions; f++) {
            code.append("def f").append(f).append("(v0, v1):\n");
            int statements = 6 + random.nextInt(8);
            for (int s = 0; s < statements; s++) {
                int kind = random.nextInt(4);
                String a = "v" + random.nextInt(3);
                String b = "v" + random.nextInt(2);
                String op = OPS[random.nextInt(OPS.length)];
                switch (kind) {
                    case 0 -> code.append("    v2 = ").append(b).append(' ').append(op).append(' ').append(random.nextInt(9) + 1).append('\n');
                    case 1 -> code.append("    if ").append(b).append(" > ").append(random.nextInt(50)).append(":\n        v0 = v0 ")
                            .append(op).append(" 2\n");
                    case 2 -> code.append("    for i in range(").append(random.nextInt(5) + 1).append("):\n        v1 += i ")
                            .append(op).append(" 3\n");
                    default -> code.append("    print(").append(a.equals("v2") ? "v1" : a).append(", ").append(random.nextInt(100)).append(")\n");
                }
            }
            code.append("    return v0 + v1\n\n");
        }
        code.append("data = [int(x) for x in sys.stdin.read().split()]\n");
        for (int f = 0; f < functions; f++) {
            code.append("print(f").append(f).append("(data[0], data[1]))\n");
        }
        return code.toString();
    }
}
