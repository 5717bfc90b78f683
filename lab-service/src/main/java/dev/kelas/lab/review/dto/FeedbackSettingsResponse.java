package dev.kelas.lab.review.dto;

import dev.kelas.lab.review.ReviewService;
import java.time.Instant;
import java.util.UUID;

/**
 * A task's feedback settings.
 *
 * @param mode       OFF (no feedback), OFFLINE (static analysis and the tests), AI (providers first, offline last)
 * @param visibility IMMEDIATELY, or AFTER_DUE (students see it once the assignment's due time has passed)
 * @param updatedBy  who last changed them, or null for the defaults
 */
public record FeedbackSettingsResponse(UUID taskId, String mode, String visibility, UUID updatedBy, Instant updatedAt) {

    /** The response for a task's settings. */
    public static FeedbackSettingsResponse of(ReviewService.SettingsView view) {
        return new FeedbackSettingsResponse(view.taskId(), view.mode().name(), view.visibility().name(),
                view.settings() == null ? null : view.settings().updatedBy, view.settings() == null ? null : view.settings().updatedAt);
    }
}
