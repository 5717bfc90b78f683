package dev.kelas.learning.grading.dto;

import dev.kelas.learning.grading.GradingConfigService.ComponentSetting;
import dev.kelas.learning.grading.GradingMethod;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * How a class's grade in a subject is computed.
 *
 * @param components for WEIGHTED, every component with a weight; the weights sum to 100
 */
public record GradingConfigRequest(@NotNull GradingMethod method,
                                   @NotNull @Size(max = 20) List<@NotNull @Valid Component> components) {

    /**
     * @param weight     percent of the final grade (WEIGHTED), 0 to 100
     * @param dropLowest how many of the component's lowest results are dropped (default 0)
     */
    public record Component(@NotNull UUID componentId,
                            @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal weight,
                            @Min(0) @Max(50) Integer dropLowest) {
    }

    /** The service's view of the components. */
    public List<ComponentSetting> settings() {
        return components.stream().map(c -> new ComponentSetting(c.componentId(), c.weight(),
                c.dropLowest() == null ? 0 : c.dropLowest())).toList();
    }
}
