package dev.kelas.notification.rest.dto;

import dev.kelas.notification.service.PreferenceService.Choice;
import java.util.List;

/** The caller's delivery of every notification type. */
public record PreferencesResponse(List<Choice> items) {
}
