package dev.kelas.auth.account.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Sets a new password with the token from the reset e-mail. */
public record PasswordResetConfirmation(@NotBlank @Size(max = 128) String token, @NotBlank @Size(max = 128) String newPassword) {
}
