package dev.kelas.auth.user.dto;

import dev.kelas.contracts.Role;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An administrator creates an account in their own school. */
public record CreateUserRequest(
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(max = 200) String name,
        @NotNull Role role,
        @NotBlank @Size(min = 8, max = 128) String password) {
}
