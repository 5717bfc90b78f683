package dev.kelas.lab.similarity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link SimilarityDetector} on JPlag 4.3.0 itself, without the service: each front end (Python 3, Java through
 * javac, C through the C/C++ scanner) sees through renamed identifiers, comments and whitespace, keeps an
 * independent solution apart, and leaves no file behind.
 */
class SimilarityDetectorTests {
    private static final String JAVA = """
            import java.util.Scanner;

            public class Main {
                static long sumOfSquares(int[] values) {
                    long total = 0;
                    for (int i = 0; i < values.length; i++) {
                        if (values[i] % 2 == 0) {
                            total += (long) values[i] * values[i];
                        }
                    }
                    return total;
                }

                public static void main(String[] args) {
                    Scanner in = new Scanner(System.in);
                    int n = in.nextInt();
                    int[] values = new int[n];
                    for (int i = 0; i < n; i++) {
                        values[i] = in.nextInt();
                    }
                    System.out.println(sumOfSquares(values));
                    System.out.println(n);
                }
            }
            """;
    private static final String JAVA_COPY = """
            import java.util.Scanner;

            // squares of the even numbers
            public class Main {
                static long compute(int[] xs) {
                    long acc = 0;
                    for (int k = 0; k < xs.length; k++) {
                        if (xs[k] % 2 == 0) { acc += (long) xs[k] * xs[k]; }
                    }
                    return acc;
                }
                public static void main(String[] a) {
                    Scanner sc = new Scanner(System.in);
                    int count = sc.nextInt();
                    int[] xs = new int[count];
                    for (int k = 0; k < count; k++) { xs[k] = sc.nextInt(); }
                    System.out.println(compute(xs));
                    System.out.println(count);
                }
            }
            """;
    private static final String C = """
            #include <stdio.h>

            int gcd(int a, int b) {
                while (b != 0) {
                    int t = a % b;
                    a = b;
                    b = t;
                }
                return a;
            }

            int main(void) {
                int n, x, g = 0;
                scanf("%d", &n);
                for (int i = 0; i < n; i++) {
                    scanf("%d", &x);
                    g = gcd(g, x);
                }
                printf("%d\\n", g);
                return 0;
            }
            """;
    private static final String C_COPY = """
            #include <stdio.h>
            /* greatest common divisor of all numbers */
            int f(int p, int q) { while (q != 0) { int r = p % q; p = q; q = r; } return p; }
            int main(void) {
                int count, v, result = 0;
                scanf("%d", &count);
                for (int j = 0; j < count; j++) { scanf("%d", &v); result = f(result, v); }
                printf("%d\\n", result);
                return 0;
            }
            """;

    @TempDir
    Path workRoot;

    private static SimilarityDetector.Source source(String file, String code) {
        return new SimilarityDetector.Source(UUID.randomUUID(), UUID.randomUUID(), file, code);
    }

    @Test
    void shouldFlagTheRenamedPythonCopyButNotTheIndependentSolution() throws Exception {
        SimilarityDetector.Source original = source("main.py", SimilarityTests.ORIGINAL);
        SimilarityDetector.Source copy = source("main.py", SimilarityTests.COPY);
        SimilarityDetector.Source independent = source("main.py", SimilarityTests.INDEPENDENT);
        SimilarityDetector.Outcome outcome = SimilarityDetector.compare("python", List.of(original, copy, independent), 0.5, 10, workRoot);
        assertEquals(3, outcome.compared());
        assertEquals(1, outcome.pairs().size(), outcome.pairs().toString());
        SimilarityDetector.Pair pair = outcome.pairs().get(0);
        assertEquals(Set.of(original, copy), Set.of(pair.a(), pair.b()));
        assertTrue(pair.similarity() > 0.8, "similarity " + pair.similarity());
        assertFalse(pair.matches().isEmpty());
        pair.matches().forEach(m -> assertTrue(m.startLineA() >= 1 && m.endLineA() >= m.startLineA() && m.tokens() >= 12, m.toString()));
        assertNothingLeft();
    }

    @Test
    void shouldSeeThroughARenamedJavaCopy() throws Exception {
        SimilarityDetector.Outcome outcome = SimilarityDetector.compare("java",
                List.of(source("Main.java", JAVA), source("Main.java", JAVA_COPY)), 0.5, 10, workRoot);
        assertEquals(1, outcome.pairs().size());
        assertTrue(outcome.pairs().get(0).similarity() > 0.8, "similarity " + outcome.pairs().get(0).similarity());
        assertEquals("Main.java", outcome.pairs().get(0).matches().get(0).fileA());
    }

    @Test
    void shouldSeeThroughARenamedCCopy() throws Exception {
        SimilarityDetector.Outcome outcome = SimilarityDetector.compare("c",
                List.of(source("main.c", C), source("main.c", C_COPY)), 0.5, 10, workRoot);
        assertEquals(1, outcome.pairs().size());
        assertTrue(outcome.pairs().get(0).similarity() > 0.8, "similarity " + outcome.pairs().get(0).similarity());
    }

    @Test
    void shouldCompareNothingForOneSubmissionAndRefuseALanguageJPlagLacks() throws Exception {
        SimilarityDetector.Outcome outcome = SimilarityDetector.compare("python", List.of(source("main.py", "print(1)\n")), 0.5, 10, workRoot);
        assertEquals(1, outcome.compared());
        assertTrue(outcome.pairs().isEmpty());
        assertThrows(IllegalArgumentException.class, () -> SimilarityDetector.compare("javascript",
                List.of(source("main.js", "1"), source("main.js", "2")), 0.5, 10, workRoot));
        assertFalse(SimilarityDetector.supports("javascript"));
    }

    private void assertNothingLeft() throws Exception {
        try (Stream<Path> left = Files.list(workRoot)) {
            assertEquals(Set.of(), left.collect(Collectors.toSet()));
        }
    }
}
