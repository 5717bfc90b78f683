package dev.kelas.learning.records.dto;

import dev.kelas.learning.records.StudentRecordService;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A student's whole record (PUT replaces it): the number is unique in the school, the date of birth in the past, the
 * homeroom class a class of the school. Absent {@code guardianContacts} means none.
 */
public record StudentRecordRequest(@NotNull @Pattern(regexp = StudentRecordService.STUDENT_NUMBER,
                                           message = "must be 1 to 32 letters, digits, '.', '/', '_' or '-'") String studentNumber,
                                   @NotNull @Past LocalDate dateOfBirth,
                                   @Min(1) @Max(13) Integer gradeLevel,
                                   UUID homeroomClassId,
                                   @Size(max = 10) List<@NotNull @Valid GuardianContactRequest> guardianContacts) {
}
