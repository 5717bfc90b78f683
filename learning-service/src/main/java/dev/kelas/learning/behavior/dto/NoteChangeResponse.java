package dev.kelas.learning.behavior.dto;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.kelas.learning.behavior.BehaviorNoteChange;
import java.time.Instant;
import java.util.UUID;

/** One entry of a note's audit trail: the note before and after (null after a deletion). */
public record NoteChangeResponse(String action, @JsonRawValue String before, @JsonRawValue String after, String reason,
                                 UUID changedBy, Instant changedAt) {
    public static NoteChangeResponse of(BehaviorNoteChange c) {
        return new NoteChangeResponse(c.action, c.oldNote, c.newNote, c.reason, c.changedBy, c.changedAt);
    }
}
