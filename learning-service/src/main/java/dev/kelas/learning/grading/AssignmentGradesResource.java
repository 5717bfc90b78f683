package dev.kelas.learning.grading;

import dev.kelas.contracts.Role;
import dev.kelas.learning.grading.GradingService;
import dev.kelas.learning.grading.dto.BulkGradeRequest;
import dev.kelas.learning.grading.dto.GradeChangeResponse;
import dev.kelas.learning.grading.dto.GradeRequest;
import dev.kelas.learning.grading.dto.GradeResponse;
import dev.kelas.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** An assignment's grades: list them, grade a student (with the audit trail), read a grade's history. */
@Path("/api/v1/assignments")
@RolesAllowed({Role.TEACHER_NAME, Role.ADMIN_NAME})
@APIResponse(responseCode = "403", description = "FORBIDDEN: not a teacher of the class, an administrator, or an enrolled student")
@APIResponse(responseCode = "404", description = "NOT_FOUND: no such assignment you may see")
public class AssignmentGradesResource {
    private final GradingService grading;
    private final Caller caller;

    public AssignmentGradesResource(GradingService grading, Caller caller) {
        this.grading = grading;
        this.caller = caller;
    }

    @GET
    @Path("/{assignmentId}/grades")
    @Operation(summary = "Every grade of the assignment")
    public Uni<List<GradeResponse>> listGrades(@PathParam("assignmentId") UUID assignmentId) {
        return grading.listGrades(caller, assignmentId)
                .map(list -> list.stream().map(v -> GradeResponse.of(v.grade(), v.rubric())).toList());
    }

    @PUT
    @Path("/{assignmentId}/grades")
    @Operation(summary = "Grade many students at once, all or nothing: every entry is checked first, and if any is bad "
            + "nothing is written and each bad entry is listed")
    @APIResponse(responseCode = "200", description = "The grades, in the order of the request")
    @APIResponse(responseCode = "409", description = "CONFLICT: a draft, or the gradebook is finalized")
    @APIResponse(responseCode = "422", description = "BULK_GRADES_INVALID: errors[] lists each bad entry with index, studentId "
            + "and code (DUPLICATE_STUDENT, STUDENT_NOT_ENROLLED, GRADE_AMBIGUOUS, POINTS_OUT_OF_RANGE, RUBRIC_INVALID, "
            + "REASON_REQUIRED); VALIDATION_ERROR: an empty or malformed list")
    public Uni<List<GradeResponse>> gradeStudents(@PathParam("assignmentId") UUID assignmentId,
                                                  @NotNull @Valid BulkGradeRequest request) {
        return grading.gradeStudents(caller, assignmentId, request.entries())
                .map(list -> list.stream().map(v -> GradeResponse.of(v.grade(), v.rubric())).toList());
    }

    @PUT
    @Path("/{assignmentId}/grades/{studentId}")
    @Operation(summary = "Grade a student: points, rubric levels or excused, with feedback; a change needs a reason")
    @APIResponse(responseCode = "200", description = "The grade")
    @APIResponse(responseCode = "409", description = "CONFLICT: a draft, or the gradebook is finalized")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: points out of range, rubric choices not fitting, no reason")
    public Uni<GradeResponse> gradeStudent(@PathParam("assignmentId") UUID assignmentId, @PathParam("studentId") UUID studentId,
                                           @NotNull @Valid GradeRequest request) {
        return grading.gradeStudent(caller, assignmentId, studentId, request.draft())
                .map(v -> GradeResponse.of(v.grade(), v.rubric()));
    }

    @GET
    @Path("/{assignmentId}/grades/{studentId}/history")
    @Operation(summary = "The audit trail of a student's grade: old, new, who, when, why")
    public Uni<List<GradeChangeResponse>> gradeHistory(@PathParam("assignmentId") UUID assignmentId,
                                                       @PathParam("studentId") UUID studentId) {
        return grading.gradeHistory(caller, assignmentId, studentId)
                .map(list -> list.stream().map(GradeChangeResponse::of).toList());
    }
}
