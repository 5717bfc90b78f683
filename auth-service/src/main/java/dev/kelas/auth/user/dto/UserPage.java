package dev.kelas.auth.user.dto;

import dev.kelas.auth.common.dto.UserResponse;
import java.util.List;

/** One page (from 0) of users with the total that match. */
public record UserPage(List<UserResponse> items, int page, int size, long total) {
}
