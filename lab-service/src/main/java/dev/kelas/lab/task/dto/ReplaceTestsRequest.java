package dev.kelas.lab.task.dto;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A task's new tests (and checker program), replacing the old ones; regrade afterwards to apply
 * them to earlier submissions.
 */
public record ReplaceTestsRequest(@NotEmpty @Size(max = 50) List<CreateTaskRequest.@NotNull @Valid TestCaseRequest> tests,
                                  @Size(max = 100_000) String checkerSource) {
}
