package dev.kelas.learning.assignment;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** A level of achievement on a rubric criterion, worth {@code points}. */
@Entity
@Table(name = "rubric_level")
public class RubricLevel extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID criterionId;
    public int position;
    public String title;
    public BigDecimal points;

    /** The levels of these criteria. */
    public static Uni<List<RubricLevel>> listForCriteria(Collection<UUID> criterionIds) {
        return criterionIds.isEmpty() ? Uni.createFrom().item(List.of()) : list("criterionId in ?1", criterionIds);
    }
}
