package dev.kelas.lab.similarity.dto;

import dev.kelas.lab.similarity.SimilarityCheck;
import dev.kelas.lab.similarity.SimilarityDetector;
import dev.kelas.lab.similarity.SimilarityService;
import dev.kelas.lab.similarity.SimilarityStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A similarity check and, once FINISHED, the pairs at or above its threshold, most similar first.
 *
 * @param threshold           0..1
 * @param submissionsCompared the students' latest submissions JPlag compared (null until FINISHED)
 * @param submissionsOmitted  latest submissions left out over {@code kelas.lab.similarity.max-submissions}
 * @param error               why a FAILED check failed
 */
public record SimilarityCheckResponse(UUID id, UUID taskId, String language, SimilarityStatus status, double threshold,
                                      Integer submissionsCompared, Integer submissionsOmitted, String error,
                                      Instant createdAt, Instant finishedAt, List<Pair> pairs) {

    /**
     * Two submissions alike.
     *
     * @param similarity JPlag's average similarity, 0..1
     */
    public record Pair(UUID submissionA, UUID studentA, UUID submissionB, UUID studentB, double similarity,
                       List<Match> matches) {
    }

    /**
     * A matching region: lines (1-based, inclusive) in each submission's file, and the matching tokens.
     */
    public record Match(String fileA, int startLineA, int endLineA, String fileB, int startLineB, int endLineB, int tokens) {
        static Match of(SimilarityDetector.Region region) {
            return new Match(region.fileA(), region.startLineA(), region.endLineA(), region.fileB(), region.startLineB(),
                    region.endLineB(), region.tokens());
        }
    }

    /** The response for a check with its pairs. */
    public static SimilarityCheckResponse of(SimilarityService.CheckView view) {
        return of(view.check(), view.pairs().stream().map(p -> new Pair(p.pair().submissionA, p.pair().studentA,
                p.pair().submissionB, p.pair().studentB, p.pair().similarity,
                p.matches().stream().map(Match::of).toList())).toList());
    }

    /** The response for a check with the given pairs (none while it is not FINISHED). */
    public static SimilarityCheckResponse of(SimilarityCheck check, List<Pair> pairs) {
        return new SimilarityCheckResponse(check.id, check.taskId, check.language, check.status, check.threshold,
                check.submissionsCompared, check.submissionsOmitted, check.error, check.createdAt, check.finishedAt, pairs);
    }
}
