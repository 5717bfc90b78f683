package dev.kelas.learning.records;

import dev.kelas.contracts.Role;
import dev.kelas.learning.records.dto.ChildResponse;
import dev.kelas.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * A parent's children: each child's id leads to the reads a student has of their own
 * ({@code /api/v1/students/{id}/grades}, {@code .../report-card}, {@code .../attendance},
 * {@code /api/v1/behavior/students/{id}}), which answer a linked parent as they answer the student.
 */
@Path("/api/v1/children")
@RolesAllowed(Role.PARENT_NAME)
public class ChildrenResource {
    private final GuardianService guardians;
    private final Caller caller;

    public ChildrenResource(GuardianService guardians, Caller caller) {
        this.guardians = guardians;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Your linked children with their student number, grade level, homeroom class and active classes")
    public Uni<List<ChildResponse>> children() {
        return guardians.children(caller).map(list -> list.stream().map(ChildResponse::of).toList());
    }
}
