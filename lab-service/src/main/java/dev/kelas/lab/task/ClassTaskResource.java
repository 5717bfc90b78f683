package dev.kelas.lab.task;

import dev.kelas.contracts.Role;
import dev.kelas.lab.task.dto.TaskSummaryResponse;
import dev.kelas.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A class's coding tasks. */
@Path("/api/v1/lab/classes/{classId}/tasks")
public class ClassTaskResource {
    private final TaskCatalogService catalog;
    private final Caller caller;

    public ClassTaskResource(TaskCatalogService catalog, Caller caller) {
        this.catalog = catalog;
        this.caller = caller;
    }

    @GET
    @RolesAllowed({Role.STUDENT_NAME, Role.TEACHER_NAME, Role.ADMIN_NAME})
    @Operation(summary = "A class's coding tasks: for a student the current ones with their progress, for the teacher all")
    @APIResponse(responseCode = "200", description = "The tasks, oldest first")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not enrolled in the class, or another class's teacher")
    public Uni<List<TaskSummaryResponse>> listClassTasks(@PathParam("classId") UUID classId) {
        return catalog.listClassTasks(caller, classId).map(views -> views.stream().map(TaskSummaryResponse::of).toList());
    }
}
