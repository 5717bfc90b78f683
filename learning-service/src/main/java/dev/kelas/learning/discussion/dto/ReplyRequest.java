package dev.kelas.learning.discussion.dto;

import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/** A reply: Markdown body, and the reply it answers (null to answer the thread). */
public record ReplyRequest(@NotNull String body, UUID replyTo) {
}
