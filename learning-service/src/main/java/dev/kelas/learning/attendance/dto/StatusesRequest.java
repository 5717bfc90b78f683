package dev.kelas.learning.attendance.dto;

import java.util.List;

/** The school's whole new set of statuses, in order. */
public record StatusesRequest(List<StatusRequest> statuses) {
}
