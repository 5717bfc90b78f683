package dev.kelas.learning.discussion.dto;

/** The author's change to a thread's title or body; absent fields stay. */
public record ThreadEditRequest(String title, String body) {
}
