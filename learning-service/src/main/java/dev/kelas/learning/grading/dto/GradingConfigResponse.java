package dev.kelas.learning.grading.dto;

import dev.kelas.learning.grading.GradingConfigService.GradingConfig;
import dev.kelas.learning.grading.GradingMethod;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A class's grading configuration in a subject; {@code finalizedAt} set means it and its grades are locked. */
public record GradingConfigResponse(UUID classId, UUID subjectId, String subjectCode, GradingMethod method,
                                    Instant finalizedAt, UUID finalizedBy, List<Component> components) {

    /** A component's rule. */
    public record Component(UUID componentId, String name, BigDecimal weight, int dropLowest) {
    }

    public static GradingConfigResponse of(GradingConfig g) {
        return new GradingConfigResponse(g.config().classId, g.config().subjectId, g.subject().code, g.config().method,
                g.config().finalizedAt, g.config().finalizedBy, g.components().stream()
                .map(c -> new Component(c.componentId, g.componentNames().get(c.componentId), c.weight, c.dropLowest))
                .toList());
    }
}
