package dev.kelas.lab.task.dto;

import java.util.UUID;

/**
 * A regrade as queued: its id (read its summary at {@code /api/v1/lab/tasks/{taskId}/regrades/{regradeId}})
 * and how many submissions went back to the graders.
 */
public record RegradeResponse(UUID regradeId, int queued) {
}
