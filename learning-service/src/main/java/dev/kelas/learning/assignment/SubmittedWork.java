package dev.kelas.learning.assignment;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import java.util.Collection;
import java.util.List;
import java.util.UUID;

/** That a student has handed in an assignment at least once (ESSAY, FILE, LINK; CODING work lives in the lab). */
public record SubmittedWork(UUID assignmentId, UUID studentId) {

    /** Who has handed in which of these assignments. */
    public static Uni<List<SubmittedWork>> forAssignments(Collection<UUID> assignmentIds) {
        if (assignmentIds.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        return Panache.getSession().chain(session -> session.createSelectionQuery(
                        "select distinct s.assignmentId, s.studentId from Submission s where s.assignmentId in :ids", Object[].class)
                .setParameter("ids", assignmentIds)
                .getResultList())
                .map(rows -> rows.stream().map(row -> new SubmittedWork((UUID) row[0], (UUID) row[1])).toList());
    }
}
