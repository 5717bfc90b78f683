package dev.kelas.learning.grading;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** The rubric level a teacher chose on one criterion for a grade, and the points it gave. */
@Entity
@Table(name = "grade_rubric_score")
@IdClass(GradeRubricScore.Key.class)
public class GradeRubricScore extends PanacheEntityBase {
    @Id
    public UUID gradeId;
    @Id
    public UUID criterionId;
    public UUID levelId;
    public BigDecimal points;

    /** The composite key (grade, criterion). */
    public static class Key implements Serializable {
        public UUID gradeId;
        public UUID criterionId;

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && Objects.equals(gradeId, key.gradeId) && Objects.equals(criterionId, key.criterionId);
        }

        @Override
        public int hashCode() {
            return Objects.hash(gradeId, criterionId);
        }
    }

    /** The choices of these grades. */
    public static Uni<List<GradeRubricScore>> listForGrades(Collection<UUID> gradeIds) {
        return gradeIds.isEmpty() ? Uni.createFrom().item(List.of()) : list("gradeId in ?1", gradeIds);
    }

    /** Forgets a grade's choices before it is graded again. */
    public static Uni<Long> deleteForGrade(UUID gradeId) {
        return delete("gradeId", gradeId);
    }
}
