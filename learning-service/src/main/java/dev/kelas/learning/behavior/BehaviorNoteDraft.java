package dev.kelas.learning.behavior;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A new behaviour note. {@code points} null takes the category's default; {@code date} null is today
 * in the school's time zone.
 */
public record BehaviorNoteDraft(UUID studentId, UUID classId, String category, Integer points, String description,
                                LocalDate date, boolean visibleToStudent) {
}
