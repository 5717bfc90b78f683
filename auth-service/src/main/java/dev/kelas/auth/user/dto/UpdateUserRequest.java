package dev.kelas.auth.user.dto;

import dev.kelas.contracts.Role;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An administrator changes a user: every field optional, absent fields stay as they are. */
public record UpdateUserRequest(@Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
                                Role role, Boolean active) {
}
