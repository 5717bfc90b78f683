package dev.kelas.learning.behavior.dto;

import dev.kelas.learning.behavior.BehaviorNoteDraft;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.util.UUID;

/** A new behaviour note: points default to the category's, the date to today, visibility to the student to true. */
public record NoteRequest(@NotNull UUID studentId, @NotNull UUID classId, @NotNull String category, Integer points,
                          @NotNull String description, LocalDate date, Boolean visibleToStudent) {
    /** The note this request describes. */
    public BehaviorNoteDraft toDraft() {
        return new BehaviorNoteDraft(studentId, classId, category, points, description, date, !Boolean.FALSE.equals(visibleToStudent));
    }
}
