package dev.kelas.learning.grading;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** A component's weight (percent; used by WEIGHTED) and how many of its lowest results are dropped. */
@Entity
@Table(name = "grade_config_component")
public class GradeConfigComponent extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID configId;
    public UUID componentId;
    public BigDecimal weight;
    public int dropLowest;

    /** The components of these configurations. */
    public static Uni<List<GradeConfigComponent>> listForConfigs(Collection<UUID> configIds) {
        return configIds.isEmpty() ? Uni.createFrom().item(List.of()) : list("configId in ?1", configIds);
    }

    /** Removes a configuration's components before they are replaced. */
    public static Uni<Long> deleteForConfig(UUID configId) {
        return delete("configId", configId);
    }
}
