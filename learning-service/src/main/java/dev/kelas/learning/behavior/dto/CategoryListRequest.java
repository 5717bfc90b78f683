package dev.kelas.learning.behavior.dto;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;

/** The school's whole behaviour list, in display order. */
public record CategoryListRequest(@NotNull @Size(max = 100) List<CategoryRequest> categories) {
}
