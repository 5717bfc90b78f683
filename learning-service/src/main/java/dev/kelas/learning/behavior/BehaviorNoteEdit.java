package dev.kelas.learning.behavior;

import java.time.LocalDate;

/** Changes to a behaviour note; null fields stay. A new category also sets the note's kind. */
public record BehaviorNoteEdit(String category, Integer points, String description, LocalDate date, Boolean visibleToStudent,
                               String reason) {
}
