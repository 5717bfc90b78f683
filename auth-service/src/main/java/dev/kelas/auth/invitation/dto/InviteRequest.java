package dev.kelas.auth.invitation.dto;

import dev.kelas.contracts.Role;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** An administrator invites one person to their school: the address the link goes to, their name and role. */
public record InviteRequest(
        @NotBlank @Email @Size(max = 254) String email,
        @NotBlank @Size(max = 200) String name,
        @NotNull Role role) {
}
