package dev.kelas.notification.inbox.dto;

import dev.kelas.notification.preferences.PreferenceService.Choice;
import java.util.List;

/** The caller's delivery of every notification type. */
public record PreferencesResponse(List<Choice> items) {
}
