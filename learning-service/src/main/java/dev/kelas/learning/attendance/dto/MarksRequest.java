package dev.kelas.learning.attendance.dto;

import java.util.List;

/**
 * Marks for a session, all or nothing. {@code restPresent} marks every other enrolled student PRESENT;
 * {@code reason} is required to change a mark after the session's day.
 */
public record MarksRequest(List<MarkRequest> marks, Boolean restPresent, String reason) {
}
