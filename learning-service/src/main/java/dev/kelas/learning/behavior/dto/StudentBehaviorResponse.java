package dev.kelas.learning.behavior.dto;

import dev.kelas.learning.behavior.BehaviorReportService.StudentBehavior;
import dev.kelas.learning.behavior.BehaviorReportService.TermTotal;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A student's behaviour: sums over every note in the window, and one page of the notes, newest first. */
public record StudentBehaviorResponse(UUID studentId, int totalPoints, int positiveNotes, int negativeNotes,
                                      Map<String, Integer> countsByCategory, List<TermTotal> terms, List<NoteResponse> items,
                                      int page, int size, long total) {
    public static StudentBehaviorResponse of(StudentBehavior b, int page, int size) {
        int from = (int) Math.min((long) page * size, b.notes().size());
        int to = Math.min(from + size, b.notes().size());
        return new StudentBehaviorResponse(b.studentId(), b.totalPoints(), b.positiveNotes(), b.negativeNotes(), b.countsByCategory(),
                b.terms(), b.notes().subList(from, to).stream().map(NoteResponse::of).toList(), page, size, b.notes().size());
    }
}
