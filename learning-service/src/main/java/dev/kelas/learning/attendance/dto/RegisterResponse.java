package dev.kelas.learning.attendance.dto;

import dev.kelas.learning.attendance.AttendanceReportService.Register;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A class's register: its sessions and a row per student with status codes by session id. */
public record RegisterResponse(UUID classId, List<SessionResponse> sessions, List<Row> rows) {
    /** A student's marks by session id. */
    public record Row(UUID studentId, String name, Map<UUID, String> marks) {
    }

    /** The response for a register. */
    public static RegisterResponse of(Register register) {
        return new RegisterResponse(register.schoolClass().id, register.sessions().stream().map(SessionResponse::of).toList(),
                register.rows().stream().map(r -> new Row(r.studentId(), r.name(), r.marks())).toList());
    }
}
