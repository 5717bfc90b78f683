package dev.kelas.auth.tenant.dto;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An administrator renames the school or replaces its settings (a JSON object); absent fields stay. */
public record UpdateSchoolRequest(@Size(min = 1, max = 200) @Pattern(regexp = ".*\\S.*", message = "must not be blank") String name,
                                  ObjectNode settings) {
}
