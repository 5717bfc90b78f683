package dev.kelas.learning.assignment;

import dev.kelas.contracts.Role;
import dev.kelas.learning.common.dto.AssignmentResponse;
import dev.kelas.learning.assignment.dto.AssignmentPatch;
import dev.kelas.learning.assignment.dto.SubmissionResponse;
import dev.kelas.learning.common.ETags;
import dev.kelas.learning.assignment.dto.SubmitWorkRequest;
import dev.kelas.runtime.problem.ValidationException;
import dev.kelas.runtime.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/**
 * One assignment: reading and publishing it, students' hand-ins, teachers' grades with their audit
 * trail, and the release of its grades.
 */
@Path("/api/v1/assignments")
@RolesAllowed({Role.TEACHER_NAME, Role.ADMIN_NAME})
@APIResponse(responseCode = "403", description = "FORBIDDEN: not a teacher of the class, an administrator, or an enrolled student")
@APIResponse(responseCode = "404", description = "NOT_FOUND: no such assignment you may see")
public class AssignmentResource {
    private final AssignmentService assignments;
    private final SubmissionService submissions;
    private final Caller caller;

    public AssignmentResource(AssignmentService assignments, SubmissionService submissions,
                              Caller caller) {
        this.assignments = assignments;
        this.submissions = submissions;
        this.caller = caller;
    }

    @GET
    @Path("/{assignmentId}")
    @Authenticated
    @Operation(summary = "One assignment with its rubric (students: published ones of their classes); ETag is its version")
    @APIResponse(responseCode = "200", description = "The assignment, with its ETag",
            content = @Content(schema = @Schema(implementation = AssignmentResponse.class)))
    public Uni<Response> getAssignment(@PathParam("assignmentId") UUID assignmentId) {
        return assignments.getAssignment(caller, assignmentId).map(v -> Response.ok(AssignmentResponse.of(v.assignment(), v.rubric()))
                .tag(ETags.of(v.assignment().version)).build());
    }

    @PATCH
    @Path("/{assignmentId}")
    @Operation(summary = "Change an assignment (title, description, due date, late policy, points, attempts, rubric); "
            + "with If-Match, only if it is still the version you read. New points rescale its grades proportionally; "
            + "a published one is announced as kelas.learning.assignment.updated")
    @APIResponse(responseCode = "200", description = "The changed assignment, with its new ETag",
            content = @Content(schema = @Schema(implementation = AssignmentResponse.class)))
    @APIResponse(responseCode = "409", description = "RUBRIC_IN_USE: grades use the rubric being replaced; "
            + "CONFLICT: the gradebook is finalized")
    @APIResponse(responseCode = "412", description = "PRECONDITION_FAILED: it changed since you read it")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: a cut-off before the due time or under REFUSE, "
            + "a rubric whose best levels do not add up to the points")
    public Uni<Response> updateAssignment(@PathParam("assignmentId") UUID assignmentId, @HeaderParam("If-Match") String ifMatch,
                                          @NotNull @Valid AssignmentPatch patch) {
        return assignments.updateAssignment(caller, assignmentId, patch.toChange(), ETags.expectedVersion(ifMatch))
                .map(u -> Response.ok(AssignmentResponse.of(u.view().assignment(), u.view().rubric()))
                        .tag(ETags.of(u.view().assignment().version)).header("Kelas-Rescaled-Grades", u.rescaledGrades()).build());
    }

    @DELETE
    @Path("/{assignmentId}")
    @Operation(summary = "Delete an assignment: a draft always, a published one only without hand-ins and grades "
            + "(announced as kelas.learning.assignment.deleted)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "409", description = "ASSIGNMENT_HAS_HAND_INS: students handed it in; ASSIGNMENT_GRADED: it has grades")
    public Uni<Response> deleteAssignment(@PathParam("assignmentId") UUID assignmentId) {
        return assignments.deleteAssignment(caller, assignmentId).replaceWith(Response.noContent().build());
    }

    @POST
    @Path("/{assignmentId}/publish")
    @Operation(summary = "Publish a draft (announced as kelas.learning.assignment.published)")
    public Uni<AssignmentResponse> publishAssignment(@PathParam("assignmentId") UUID assignmentId) {
        return assignments.publishAssignment(caller, assignmentId).map(v -> AssignmentResponse.of(v.assignment(), v.rubric()));
    }

    @POST
    @Path("/{assignmentId}/release")
    @Operation(summary = "Release the assignment's grades to its students")
    @APIResponse(responseCode = "409", description = "CONFLICT: a draft")
    public Uni<AssignmentResponse> releaseGrades(@PathParam("assignmentId") UUID assignmentId) {
        return assignments.releaseGrades(caller, assignmentId).map(AssignmentResponse::of);
    }

    @POST
    @Path("/{assignmentId}/submissions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.STUDENT_NAME)
    @Operation(summary = "Hand in an ESSAY (text) or LINK (url)")
    @APIResponse(responseCode = "201", description = "Handed in")
    @APIResponse(responseCode = "409", description = "CONFLICT: past due under REFUSE, past the cut-off, or no attempt left")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: content does not fit the kind")
    public Uni<Response> submitWork(@PathParam("assignmentId") UUID assignmentId, @NotNull @Valid SubmitWorkRequest request) {
        return submissions.submitWork(caller, assignmentId, request.text(), request.url()).map(AssignmentResource::created);
    }

    @POST
    @Path("/{assignmentId}/submissions")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed(Role.STUDENT_NAME)
    @Operation(summary = "Hand in a FILE (multipart/form-data, part 'file')")
    @APIResponse(responseCode = "201", description = "Handed in")
    @APIResponse(responseCode = "409", description = "CONFLICT: past due under REFUSE, past the cut-off, or no attempt left")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: too large, type not allowed, or not what its type says")
    public Uni<Response> submitFile(@PathParam("assignmentId") UUID assignmentId, @RestForm("file") FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            throw new ValidationException("file", "A multipart part named 'file' is required");
        }
        return submissions.submitFile(caller, assignmentId, new SubmissionService.Upload(file.fileName(), file.contentType(),
                file.uploadedFile(), file.size())).map(AssignmentResource::created);
    }

    @GET
    @Path("/{assignmentId}/submissions")
    @Authenticated
    @Operation(summary = "Hand-ins, newest first: a student's own, or everyone's (optionally one student's) for teachers")
    public Uni<List<SubmissionResponse>> listSubmissions(@PathParam("assignmentId") UUID assignmentId,
                                                         @QueryParam("studentId") UUID studentId) {
        return submissions.listSubmissions(caller, assignmentId, studentId)
                .map(list -> list.stream().map(SubmissionResponse::of).toList());
    }

    private static Response created(SubmissionService.SubmissionView view) {
        return Response.created(URI.create("/api/v1/submissions/" + view.submission().id))
                .entity(SubmissionResponse.of(view)).build();
    }
}
