package dev.kelas.learning.assignment;

import dev.kelas.contracts.Role;
import dev.kelas.learning.common.dto.AssignmentResponse;
import dev.kelas.learning.assignment.dto.SubmissionResponse;
import dev.kelas.learning.assignment.dto.SubmitWorkRequest;
import dev.kelas.runtime.problem.ValidationException;
import dev.kelas.runtime.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
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
    @Operation(summary = "One assignment with its rubric (students: published ones of their classes)")
    public Uni<AssignmentResponse> getAssignment(@PathParam("assignmentId") UUID assignmentId) {
        return assignments.getAssignment(caller, assignmentId).map(v -> AssignmentResponse.of(v.assignment(), v.rubric()));
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
