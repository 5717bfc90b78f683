package dev.kelas.auth.registration.dto;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A student registers themselves: the school's slug, the class join code a teacher shared, their address, name and password. */
public record SelfRegistrationRequest(
        @NotBlank @Size(max = 63) String tenant,
        @NotBlank @Size(max = 32) String joinCode,
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(max = 200) String name,
        @NotBlank @Size(min = 8, max = 128) String password) {
}
