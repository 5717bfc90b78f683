package dev.kelas.lab.task.dto;

/** How many submissions went back to the graders. */
public record RegradeResponse(int queued) {
}
