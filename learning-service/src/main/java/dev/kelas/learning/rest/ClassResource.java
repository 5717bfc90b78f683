package dev.kelas.learning.rest;

import dev.kelas.contracts.Role;
import dev.kelas.learning.rest.dto.AssignmentResponse;
import dev.kelas.learning.rest.dto.ClassResponse;
import dev.kelas.learning.rest.dto.CreateAssignmentRequest;
import dev.kelas.learning.rest.dto.CreateClassRequest;
import dev.kelas.learning.rest.dto.EnrollRequest;
import dev.kelas.learning.rest.dto.EnrollmentResponse;
import dev.kelas.learning.rest.dto.GradebookResponse;
import dev.kelas.learning.service.ClassService;
import dev.kelas.learning.service.GradebookService;
import dev.kelas.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Classes, their enrollments, assignments and gradebook. Teachers manage their own classes; admins any. */
@Path("/api/v1/classes")
@RolesAllowed({Role.TEACHER_NAME, Role.ADMIN_NAME})
@APIResponse(responseCode = "401", description = "UNAUTHENTICATED")
@APIResponse(responseCode = "403", description = "FORBIDDEN: not a teacher of this class or an administrator")
public class ClassResource {
    private final ClassService classes;
    private final GradebookService gradebooks;
    private final Caller caller;

    public ClassResource(ClassService classes, GradebookService gradebooks, Caller caller) {
        this.classes = classes;
        this.gradebooks = gradebooks;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Create a class")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "409", description = "CONFLICT: code taken")
    public Uni<Response> createClass(@NotNull @Valid CreateClassRequest request) {
        return classes.createClass(caller, request.name(), request.code(), request.teacherId())
                .map(c -> Response.created(URI.create("/api/v1/classes/" + c.id)).entity(ClassResponse.of(c)).build());
    }

    @POST
    @Path("/{classId}/enrollments")
    @Operation(summary = "Enroll a student")
    @APIResponse(responseCode = "201", description = "Enrolled")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such class in your school")
    @APIResponse(responseCode = "409", description = "CONFLICT: already enrolled")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: no such student in your school (yet)")
    public Uni<Response> enrollStudent(@PathParam("classId") UUID classId, @NotNull @Valid EnrollRequest request) {
        return classes.enrollStudent(caller, classId, request.studentId())
                .map(e -> Response.created(URI.create("/api/v1/classes/" + classId + "/enrollments/" + e.id))
                        .entity(EnrollmentResponse.of(e)).build());
    }

    @POST
    @Path("/{classId}/assignments")
    @Operation(summary = "Publish an assignment to a class")
    @APIResponse(responseCode = "201", description = "Published")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such class in your school")
    public Uni<Response> publishAssignment(@PathParam("classId") UUID classId, @NotNull @Valid CreateAssignmentRequest request) {
        return classes.publishAssignment(caller, classId, request.title(), request.kind(), request.points(), request.dueAt())
                .map(a -> Response.created(URI.create("/api/v1/classes/" + classId + "/assignments/" + a.id))
                        .entity(AssignmentResponse.of(a)).build());
    }

    @GET
    @Path("/{classId}/gradebook")
    @Operation(summary = "The class gradebook: one row per enrolled student, a score per assignment")
    @APIResponse(responseCode = "200", description = "The gradebook")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such class in your school")
    public Uni<GradebookResponse> classGradebook(@PathParam("classId") UUID classId) {
        return gradebooks.classGradebook(caller, classId).map(GradebookResponse::of);
    }
}
