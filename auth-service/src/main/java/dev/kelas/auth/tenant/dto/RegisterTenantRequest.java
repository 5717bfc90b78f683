package dev.kelas.auth.tenant.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Registers a school and its first administrator.
 *
 * @param slug 3 to 63 lower-case letters, digits and single hyphens; what users type at login
 */
public record RegisterTenantRequest(
        @NotBlank @Size(max = 200) String name,
        @NotNull @Pattern(regexp = "^[a-z0-9](?:-?[a-z0-9]){2,62}$",
                message = "must be 3 to 63 lower-case letters, digits and single hyphens") String slug,
        @NotNull @Valid NewAccount admin) {
}
