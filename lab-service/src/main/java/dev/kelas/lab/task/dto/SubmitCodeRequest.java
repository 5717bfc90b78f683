package dev.kelas.lab.task.dto;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.Map;

/**
 * A student's program, or for a WEB task ({@code language = "web"}) their page's files.
 *
 * @param sourceCode the program, at most {@code kelas.lab.max-source-kib} (or the task's limit); required unless WEB
 * @param files      for a WEB task: file name to content, 1 to 10 {@code .html/.css/.js} files with {@code index.html}
 *                   among them, each at most 256 KiB; ignored otherwise
 */
public record SubmitCodeRequest(@NotBlank @Size(max = 40) String language, @Size(max = 1_000_000) String sourceCode,
                                @Size(max = 10) Map<String, String> files) {
}
