package dev.kelas.auth.registration.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The token from the mailed verification link. */
public record VerifyEmailRequest(@NotBlank @Size(max = 200) String token) {
}
