package dev.kelas.lab.review.dto;

import dev.kelas.lab.review.SchoolReviewSettings;
import java.time.Instant;
import java.util.UUID;

/**
 * A school's feedback settings.
 *
 * @param aiEnabled whether tasks in AI mode may ask the AI providers (false: the offline reviewer only)
 * @param updatedBy the administrator who last changed it, or null for the default
 */
public record SchoolReviewSettingsResponse(UUID schoolId, boolean aiEnabled, UUID updatedBy, Instant updatedAt) {

    /** The response for a school's row, or its default when {@code settings} is null. */
    public static SchoolReviewSettingsResponse of(UUID schoolId, SchoolReviewSettings settings) {
        return settings == null ? new SchoolReviewSettingsResponse(schoolId, SchoolReviewSettings.DEFAULT_AI_ENABLED, null, null)
                : new SchoolReviewSettingsResponse(schoolId, settings.aiEnabled, settings.updatedBy, settings.updatedAt);
    }
}
