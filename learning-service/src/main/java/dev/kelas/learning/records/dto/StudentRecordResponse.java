package dev.kelas.learning.records.dto;

import dev.kelas.learning.records.StudentRecordService.RecordView;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A student's record as the API shows it; {@code version} is its ETag. */
public record StudentRecordResponse(UUID studentId, String studentNumber, LocalDate dateOfBirth, Integer gradeLevel,
                                    UUID homeroomClassId, List<GuardianContactResponse> guardianContacts, int version,
                                    Instant updatedAt) {
    public static StudentRecordResponse of(RecordView view) {
        return new StudentRecordResponse(view.record().id, view.record().studentNumber, view.record().dateOfBirth,
                view.record().gradeLevel == null ? null : view.record().gradeLevel.intValue(), view.record().homeroomClassId,
                view.contacts().stream().map(GuardianContactResponse::of).toList(), view.record().version, view.record().updatedAt);
    }
}
