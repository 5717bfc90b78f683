package dev.kelas.auth.account.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A logged-in user changes their password; the current one is required. */
public record ChangePasswordRequest(@NotBlank @Size(max = 128) String currentPassword,
                                    @NotBlank @Size(max = 128) String newPassword) {
}
