package dev.kelas.auth.registration.dto;

import jakarta.validation.constraints.NotNull;

/** Whether the school takes self-registrations of students with a class join code. */
public record SelfRegistrationSetting(@NotNull Boolean enabled) {
}
