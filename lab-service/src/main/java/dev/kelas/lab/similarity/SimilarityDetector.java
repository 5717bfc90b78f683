package dev.kelas.lab.similarity;

import de.jplag.JPlag;
import de.jplag.JPlagComparison;
import de.jplag.JPlagResult;
import de.jplag.Language;
import de.jplag.Match;
import de.jplag.Submission;
import de.jplag.Token;
import de.jplag.clustering.ClusteringOptions;
import de.jplag.exceptions.ExitException;
import de.jplag.exceptions.SubmissionException;
import de.jplag.options.JPlagOptions;
import de.jplag.options.SimilarityMetric;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * Compares source files with JPlag 4.3.0 (greedy string tiling over each language's tokens, so renamed
 * identifiers, whitespace and comments do not hide a copy). Each submission is written to a directory of its
 * own under a fresh temporary root, JPlag runs over that root, and the root is deleted afterwards. Plain Java,
 * blocking and CPU-bound (JPlag compares pairs on the common fork-join pool): call it on a worker thread.
 */
public final class SimilarityDetector {
    /** The lab's language keys JPlag can compare, with JPlag's front end for each (C goes through its C/C++ scanner). */
    private static final Map<String, Supplier<Language>> LANGUAGES = Map.of(
            "python", de.jplag.python3.Language::new,
            "java", de.jplag.java.Language::new,
            "c", de.jplag.cpp.Language::new);

    private SimilarityDetector() {
    }

    /** One submission to compare: its ids, the file name it is written under (e.g. {@code main.py}) and its code. */
    public record Source(UUID submissionId, UUID studentId, String fileName, String code) {
    }

    /**
     * One matching region: lines (1-based, inclusive) in each submission's file, and how many tokens match.
     */
    public record Region(String fileA, int startLineA, int endLineA, String fileB, int startLineB, int endLineB, int tokens) {
    }

    /**
     * A pair of submissions at or above the threshold.
     *
     * @param similarity JPlag's average similarity, 0..1: twice the matched tokens over both submissions' tokens
     */
    public record Pair(Source a, Source b, double similarity, List<Region> matches) {
    }

    /**
     * What a comparison found.
     *
     * @param compared the submissions JPlag could parse and compared (a file it cannot parse is left out)
     * @param pairs    the pairs at or above the threshold, most similar first, at most {@code maxPairs}
     */
    public record Outcome(int compared, List<Pair> pairs) {
    }

    /** Whether JPlag can compare a language key of {@code kelas.lab.languages}. */
    public static boolean supports(String language) {
        return LANGUAGES.containsKey(language);
    }

    /** The language keys that can be compared, sorted. */
    public static List<String> supportedLanguages() {
        return LANGUAGES.keySet().stream().sorted().toList();
    }

    /**
     * Compares every pair of sources.
     *
     * @param workRoot  directory under which the temporary submission directories are made (created if missing)
     * @param threshold 0..1; pairs below it are dropped
     * @param maxPairs  most pairs returned
     * @return the pairs, and how many submissions were compared (fewer than two sources: none, no pairs)
     * @throws IllegalArgumentException if the language is not one of {@link #supportedLanguages()}
     * @throws IOException              if the files cannot be written
     * @throws ExitException            if JPlag fails for another reason than too few parsable submissions
     */
    public static Outcome compare(String language, List<Source> sources, double threshold, int maxPairs, Path workRoot)
            throws IOException, ExitException {
        Supplier<Language> frontEnd = LANGUAGES.get(language);
        if (frontEnd == null) {
            throw new IllegalArgumentException("JPlag cannot compare " + language);
        }
        if (sources.size() < 2) {
            return new Outcome(sources.size(), List.of());
        }
        Files.createDirectories(workRoot);
        Path root = Files.createTempDirectory(workRoot, "check-");
        try {
            Map<String, Source> byName = new HashMap<>();
            for (Source source : sources) {
                Path dir = Files.createDirectory(root.resolve(source.submissionId().toString()));
                Files.writeString(dir.resolve(source.fileName()), source.code(), StandardCharsets.UTF_8);
                byName.put(source.submissionId().toString(), source);
            }
            JPlagOptions options = new JPlagOptions(frontEnd.get(), Set.of(root.toFile()), Set.of())
                    .withSimilarityMetric(SimilarityMetric.AVG)
                    .withSimilarityThreshold(threshold)
                    .withMaximumNumberOfComparisons(JPlagOptions.SHOW_ALL_COMPARISONS)
                    .withClusteringOptions(new ClusteringOptions().withEnabled(false));
            JPlagResult result;
            try {
                result = new JPlag(options).run();
            } catch (SubmissionException tooFew) {
                return new Outcome(0, List.of()); // fewer than two submissions JPlag could parse
            }
            List<Pair> pairs = result.getAllComparisons().stream()
                    .filter(c -> c.similarity() >= threshold)
                    .sorted(Comparator.comparingDouble(JPlagComparison::similarity).reversed())
                    .limit(maxPairs)
                    .map(c -> pairOf(c, byName))
                    .toList();
            return new Outcome(result.getNumberOfSubmissions(), pairs);
        } finally {
            deleteTree(root);
        }
    }

    private static Pair pairOf(JPlagComparison comparison, Map<String, Source> byName) {
        Submission first = comparison.firstSubmission();
        Submission second = comparison.secondSubmission();
        List<Token> tokensA = first.getTokenList();
        List<Token> tokensB = second.getTokenList();
        List<Region> regions = new ArrayList<>();
        for (Match match : comparison.matches()) {
            Token startA = tokensA.get(match.startOfFirst());
            Token endA = tokensA.get(match.endOfFirst());
            Token startB = tokensB.get(match.startOfSecond());
            Token endB = tokensB.get(match.endOfSecond());
            regions.add(new Region(startA.getFile().getName(), line(startA), Math.max(line(startA), line(endA)),
                    startB.getFile().getName(), line(startB), Math.max(line(startB), line(endB)), match.length()));
        }
        regions.sort(Comparator.comparingInt(Region::startLineA).thenComparingInt(Region::startLineB));
        return new Pair(byName.get(first.getName()), byName.get(second.getName()), comparison.similarity(), regions);
    }

    private static int line(Token token) {
        return Math.max(1, token.getLine());
    }

    private static void deleteTree(Path root) throws IOException {
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
