package dev.kelas.learning.records.dto;

import dev.kelas.learning.records.GuardianService.Child;
import java.util.List;
import java.util.UUID;

/**
 * One of the calling parent's children: who they are, their record's number, grade level and homeroom class (null
 * without a record) and the classes they are actively enrolled in (for the grades, attendance and announcements of each).
 */
public record ChildResponse(UUID studentId, String name, String email, String studentNumber, Integer gradeLevel,
                            UUID homeroomClassId, List<UUID> classIds) {
    public static ChildResponse of(Child c) {
        return new ChildResponse(c.student().userId, c.student().name, c.student().email,
                c.record() == null ? null : c.record().studentNumber,
                c.record() == null || c.record().gradeLevel == null ? null : c.record().gradeLevel.intValue(),
                c.record() == null ? null : c.record().homeroomClassId, c.classIds());
    }
}
