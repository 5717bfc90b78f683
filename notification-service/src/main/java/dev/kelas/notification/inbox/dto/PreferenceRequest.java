package dev.kelas.notification.inbox.dto;

import dev.kelas.notification.preferences.EmailDelivery;
import jakarta.validation.constraints.NotNull;

/**
 * How the caller wants one notification type.
 *
 * @param inApp stored in the inbox and pushed live
 * @param email {@code OFF}, {@code IMMEDIATE} or {@code DAILY_DIGEST}
 */
public record PreferenceRequest(@NotNull Boolean inApp, @NotNull EmailDelivery email) {
}
