package dev.kelas.learning.records.dto;

import dev.kelas.learning.records.StudentRecordService;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A guardian contact of a student's record: who they are to the student and how to reach them (an e-mail, a phone,
 * or both; one at least, checked by the service).
 *
 * @param phone digits with an optional leading {@code +} and spaces, dots, dashes or parentheses, 5 to 30 characters
 */
public record GuardianContactRequest(@NotBlank @Size(max = 200) String name,
                                     @NotBlank @Size(max = 60) String relationship,
                                     @Email @Size(max = 254) String email,
                                     @Pattern(regexp = StudentRecordService.PHONE,
                                             message = "must be a phone number: digits, an optional leading +, spaces, dots, dashes or parentheses")
                                     String phone) {
}
