package dev.kelas.lab.task.dto;

import dev.kelas.lab.common.dto.SubmissionResponse;
import java.util.List;

/** One page (from 0) of a task's submissions, newest first, with the total. */
public record SubmissionPage(List<SubmissionResponse> items, int page, int size, long total) {
}
