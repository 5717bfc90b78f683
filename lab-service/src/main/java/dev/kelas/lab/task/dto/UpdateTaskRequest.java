package dev.kelas.lab.task.dto;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * A change to a task (JSON merge style: an absent or null field keeps its value). Bounds and units as in
 * {@link CreateTaskRequest}; the language and the tests cannot change here.
 */
public record UpdateTaskRequest(@Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String title,
                                @Size(max = 20_000) String statement,
                                @Size(max = 65_536) String starterCode,
                                @Min(1) @Max(30) Integer cpuSeconds,
                                @DecimalMin("0.5") @DecimalMax("60") BigDecimal wallSeconds,
                                @Min(16) @Max(2048) Integer memoryMib,
                                @Min(1) @Max(1024) Integer outputKib,
                                @Min(1) @Max(256) Integer maxProcesses,
                                @Min(1) @Max(1024) Integer maxSourceKib,
                                Boolean validateHtml) {
}
