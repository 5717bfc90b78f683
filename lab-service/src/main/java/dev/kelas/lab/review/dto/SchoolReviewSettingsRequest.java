package dev.kelas.lab.review.dto;

import jakarta.validation.constraints.NotNull;

/**
 * A school's AI feedback switch.
 *
 * @param aiEnabled true: tasks in AI mode ask the configured providers; false: the offline reviewer only
 */
public record SchoolReviewSettingsRequest(@NotNull Boolean aiEnabled) {
}
