package dev.kelas.auth.invitation.dto;

import dev.kelas.auth.common.dto.UserResponse;

/**
 * The account an accepted invitation made and its first session's tokens.
 *
 * @param expiresIn access-token lifetime in seconds
 */
public record AcceptedInvitation(UserResponse user, String accessToken, String refreshToken, long expiresIn, String tokenType) {
}
