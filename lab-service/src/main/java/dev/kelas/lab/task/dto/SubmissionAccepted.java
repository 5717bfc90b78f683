package dev.kelas.lab.task.dto;

import dev.kelas.lab.submission.SubmissionStatus;
import java.util.UUID;

/** The answer to a submission: stored and queued for a grader. */
public record SubmissionAccepted(UUID id, SubmissionStatus status) {
}
