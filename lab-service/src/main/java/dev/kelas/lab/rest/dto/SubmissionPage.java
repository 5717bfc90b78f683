package dev.kelas.lab.rest.dto;

import java.util.List;

/** One page (from 0) of a task's submissions, newest first, with the total. */
public record SubmissionPage(List<SubmissionResponse> items, int page, int size, long total) {
}
