package dev.kelas.auth.account.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Credentials for one school: {@code tenant} is the school's slug. */
public record LoginRequest(@NotBlank @Size(max = 63) String tenant, @NotBlank @Size(max = 254) String email,
                           @NotBlank @Size(max = 128) String password) {
}
