package dev.kelas.lab.review.dto;

import dev.kelas.lab.review.FeedbackSettings;

/**
 * A change to a task's feedback settings; an absent field keeps its value.
 *
 * @param mode       OFF, OFFLINE or AI
 * @param visibility IMMEDIATELY or AFTER_DUE
 */
public record FeedbackSettingsRequest(FeedbackSettings.Mode mode, FeedbackSettings.Visibility visibility) {
}
