package dev.kelas.lab.rest.dto;

import dev.kelas.lab.domain.SubmissionStatus;
import java.util.UUID;

/** The answer to a submission: stored and queued for a grader. */
public record SubmissionAccepted(UUID id, SubmissionStatus status) {
}
