package dev.kelas.learning.assignment.dto;

import jakarta.validation.constraints.Size;

/** An ESSAY ({@code text}) or LINK ({@code url}) hand-in. */
public record SubmitWorkRequest(@Size(max = 200000) String text, @Size(max = 2000) String url) {
}
