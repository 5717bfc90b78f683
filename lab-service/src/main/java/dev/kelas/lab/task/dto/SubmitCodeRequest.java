package dev.kelas.lab.task.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A student's program; its size limit in bytes is {@code kelas.lab.max-source-kib}. */
public record SubmitCodeRequest(@NotBlank @Size(max = 40) String language, @NotNull @Size(max = 1_000_000) String sourceCode) {
}
