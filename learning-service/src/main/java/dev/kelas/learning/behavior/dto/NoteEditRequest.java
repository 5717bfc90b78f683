package dev.kelas.learning.behavior.dto;

import dev.kelas.learning.behavior.BehaviorNoteEdit;
import java.time.LocalDate;

/** Changes to a behaviour note (absent fields stay) and, optionally, why. */
public record NoteEditRequest(String category, Integer points, String description, LocalDate date, Boolean visibleToStudent,
                              String reason) {
    /** The edit this request describes. */
    public BehaviorNoteEdit toEdit() {
        return new BehaviorNoteEdit(category, points, description, date, visibleToStudent, reason);
    }
}
