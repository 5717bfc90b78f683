package dev.kelas.lab.run.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * Code to run on one's own input. The byte limits are {@code kelas.lab.max-source-kib} (or the task's) for
 * {@code code} and {@code kelas.lab.run.max-stdin-kib} for {@code stdin}.
 *
 * @param language key of {@code kelas.lab.languages}, e.g. {@code python}
 * @param stdin    standard input; absent: none
 */
public record RunCodeRequest(@NotBlank @Size(max = 40) String language, @NotNull @Size(max = 1_000_000) String code,
                             @Size(max = 1_000_000) String stdin) {
}
