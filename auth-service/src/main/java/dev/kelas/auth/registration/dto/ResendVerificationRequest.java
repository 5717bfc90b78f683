package dev.kelas.auth.registration.dto;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * Asks for a new verification link of a self-registered account.
 *
 * @param tenant the school's slug
 * @param email  the address the account registered with
 */
public record ResendVerificationRequest(@NotBlank @Size(max = 100) String tenant, @NotBlank @Email @Size(max = 320) String email) {
}
