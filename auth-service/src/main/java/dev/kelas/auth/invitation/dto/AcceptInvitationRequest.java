package dev.kelas.auth.invitation.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The invitee accepts with the token from the mailed link and the password they choose (8 to 128 characters). */
public record AcceptInvitationRequest(
        @NotBlank @Size(max = 200) String token,
        @NotBlank @Size(min = 8, max = 128) String password) {
}
