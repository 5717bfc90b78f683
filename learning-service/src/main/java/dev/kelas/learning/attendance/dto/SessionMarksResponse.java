package dev.kelas.learning.attendance.dto;

import dev.kelas.learning.attendance.AttendanceMarkingService.SessionMarks;
import java.util.Comparator;
import java.util.List;

/** A session with its marks. */
public record SessionMarksResponse(SessionResponse session, List<MarkResponse> marks) {
    /** The response for a session's marks (by student id). */
    public static SessionMarksResponse of(SessionMarks marks) {
        return new SessionMarksResponse(SessionResponse.of(marks.session()), marks.marks().stream().map(MarkResponse::of)
                .sorted(Comparator.comparing(MarkResponse::studentId)).toList());
    }
}
