package dev.kelas.auth.account.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Exchanges a refresh token for a new token pair. */
public record RefreshRequest(@NotBlank @Size(max = 200) String refreshToken) {
}
