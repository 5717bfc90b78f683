package dev.kelas.auth.account.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Asks for a password-reset e-mail: {@code tenant} is the school's slug. */
public record PasswordResetRequest(@NotBlank @Size(max = 63) String tenant, @NotBlank @Size(max = 254) String email) {
}
