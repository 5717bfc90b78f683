package dev.kelas.learning.discussion.dto;

import java.util.List;

/** A page of threads; pass {@code nextCursor} as {@code cursor} for the next one (null at the end). */
public record ThreadPageResponse(List<ThreadResponse> items, String nextCursor) {
}
