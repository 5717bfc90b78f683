package dev.kelas.auth.token;

/**
 * A freshly issued access token and refresh token.
 *
 * @param expiresInSeconds access-token lifetime in seconds
 */
public record TokenPair(String accessToken, String refreshToken, long expiresInSeconds) {
}
