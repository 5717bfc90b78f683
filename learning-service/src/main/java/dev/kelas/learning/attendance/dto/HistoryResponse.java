package dev.kelas.learning.attendance.dto;

import dev.kelas.learning.attendance.AttendanceReportService.History;
import dev.kelas.learning.attendance.SessionKind;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.UUID;

/** A page of a student's attendance history, newest first, with the counts over the whole history asked for. */
public record HistoryResponse(UUID studentId, TallyResponse summary, List<Item> items, int page, int size, long total) {
    /** One mark with its session. */
    public record Item(UUID sessionId, UUID classId, SessionKind kind, LocalDate date, LocalTime startsAt, UUID subjectId, String status,
                       Integer minutesLate, String remark) {
    }

    /** The response for a history page. */
    public static HistoryResponse of(History history) {
        return new HistoryResponse(history.studentId(), TallyResponse.of(history.tally()), history.marks().stream()
                .map(e -> new Item(e.session().id, e.session().classId, e.session().kind, e.session().date, e.session().startsAt,
                        e.session().subjectId, e.mark().status, e.mark().minutesLate, e.mark().remark)).toList(),
                history.page(), history.size(), history.total());
    }
}
