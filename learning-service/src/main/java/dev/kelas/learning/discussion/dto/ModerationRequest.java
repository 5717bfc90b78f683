package dev.kelas.learning.discussion.dto;

/** A teacher pins or unpins, locks or unlocks a thread; absent fields stay. */
public record ModerationRequest(Boolean pinned, Boolean locked) {
}
