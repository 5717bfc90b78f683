package dev.kelas.learning.assignment;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** One thing a rubric judges, e.g. "Argument" or "Sources". */
@Entity
@Table(name = "rubric_criterion")
public class RubricCriterion extends PanacheEntityBase {
    @Id
    public UUID id;
    public UUID assignmentId;
    public int position;
    public String title;
    public String description;

    /** The rubric of one assignment (empty when it has none). */
    public static Uni<Rubric> rubricOf(UUID assignmentId) {
        return rubricsOf(List.of(assignmentId)).map(m -> m.getOrDefault(assignmentId, new Rubric(List.of())));
    }

    /** The rubrics of these assignments, by assignment id; assignments without one are absent. */
    public static Uni<Map<UUID, Rubric>> rubricsOf(Collection<UUID> assignmentIds) {
        if (assignmentIds.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        return RubricCriterion.<RubricCriterion>list("assignmentId in ?1 order by position", assignmentIds)
                .chain(criteria -> RubricLevel.listForCriteria(criteria.stream().map(c -> c.id).toList()).map(levels -> {
                    Map<UUID, List<RubricLevel>> byCriterion = levels.stream()
                            .sorted(Comparator.comparingInt(l -> l.position))
                            .collect(Collectors.groupingBy(l -> l.criterionId));
                    return criteria.stream().collect(Collectors.groupingBy(c -> c.assignmentId,
                            Collectors.collectingAndThen(Collectors.toList(), list -> new Rubric(list.stream()
                                    .map(c -> new Rubric.Criterion(c, byCriterion.getOrDefault(c.id, List.of()))).toList()))));
                }));
    }
}
