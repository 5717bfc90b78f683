package dev.kelas.auth.tenant.dto;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * A person's e-mail, display name and initial password.
 *
 * @param password 8 to 128 characters, no composition rules (NIST SP 800-63B 3.1.1.2)
 */
public record NewAccount(
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(min = 8, max = 128) String password,
        @NotBlank @Size(max = 200) String name) {
}
