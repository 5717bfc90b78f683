package dev.kelas.auth.account.dto;

/**
 * An access token (RS256 JWT) and the refresh token that renews it.
 *
 * @param expiresIn access-token lifetime in seconds
 * @param tokenType always {@code Bearer}
 */
public record TokenResponse(String accessToken, String refreshToken, long expiresIn, String tokenType) {
}
