package dev.kelas.lab.rest.dto;

/** How many submissions went back to the graders. */
public record RegradeResponse(int queued) {
}
