package dev.kelas.contracts.events;

import dev.kelas.contracts.KelasEvent;
import dev.kelas.contracts.Subjects;
import java.time.Instant;
import java.util.UUID;

/**
 * A teacher (or an administrator) asked for a similarity check across the latest submissions of a coding
 * task. Subject {@code kelas.lab.similarity.requested}. The threshold and the submissions stay in
 * lab-service's database; the checker loads them by id.
 *
 * @param checkId     the similarity check
 * @param taskId      the task whose submissions are compared
 * @param requestedBy who asked
 * @param language    key of {@code kelas.lab.languages} whose submissions are compared, e.g. {@code python}
 * @param occurredAt  when it was asked
 */
public record SimilarityCheckRequested(UUID checkId, UUID taskId, UUID requestedBy, String language, Instant occurredAt)
        implements KelasEvent {

    @Override
    public String subject() {
        return Subjects.LAB_SIMILARITY_REQUESTED;
    }

    @Override
    public String aggregateType() {
        return "similarity";
    }

    @Override
    public UUID aggregateId() {
        return checkId;
    }
}
