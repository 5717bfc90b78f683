package dev.kelas.learning.grading;

import dev.kelas.contracts.Role;
import dev.kelas.learning.grading.dto.GradeReportResponse;
import dev.kelas.learning.grading.dto.GradebookResponse;
import dev.kelas.learning.grading.dto.GradingConfigRequest;
import dev.kelas.learning.grading.dto.GradingConfigResponse;
import dev.kelas.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A class's gradebook, its CSV export, its grade report and its grading configuration per subject. */
@Path("/api/v1/classes")
@RolesAllowed({Role.TEACHER_NAME, Role.ADMIN_NAME})
@APIResponse(responseCode = "403", description = "FORBIDDEN: not a teacher of this class or an administrator")
@APIResponse(responseCode = "404", description = "NOT_FOUND: no such class (or subject) in your school")
public class GradebookResource {
    private final GradebookService gradebooks;
    private final GradingConfigService gradingConfigs;
    private final Caller caller;

    public GradebookResource(GradebookService gradebooks, GradingConfigService gradingConfigs, Caller caller) {
        this.gradebooks = gradebooks;
        this.gradingConfigs = gradingConfigs;
        this.caller = caller;
    }

    @GET
    @Path("/{classId}/gradebook")
    @Operation(summary = "The class gradebook: a row per student, a score per assignment, component and final grades per subject")
    public Uni<GradebookResponse> classGradebook(@PathParam("classId") UUID classId) {
        return gradebooks.classGradebook(caller, classId).map(GradebookResponse::of);
    }

    @GET
    @Path("/{classId}/gradebook.csv")
    @Produces("text/csv")
    @Operation(summary = "The class gradebook as CSV")
    public Uni<Response> exportGradebook(@PathParam("classId") UUID classId) {
        return gradebooks.classGradebook(caller, classId).map(gradebook -> Response.ok(GradebookCsv.write(gradebook))
                .type("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"gradebook-" + gradebook.schoolClass().code + ".csv\"")
                .build());
    }

    @GET
    @Path("/{classId}/grade-report")
    @Operation(summary = "The class grade report: final-grade statistics per subject, results per assignment")
    public Uni<GradeReportResponse> gradeReport(@PathParam("classId") UUID classId) {
        return gradebooks.gradeReport(caller, classId).map(GradeReportResponse::of);
    }

    @PUT
    @Path("/{classId}/subjects/{subjectId}/grading")
    @Operation(summary = "Set how the class's grade in the subject is computed (WEIGHTED weights sum to 100, or AVERAGE)")
    @APIResponse(responseCode = "200", description = "The configuration")
    @APIResponse(responseCode = "409", description = "CONFLICT: finalized")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: foreign or repeated component, weights not summing to 100")
    public Uni<GradingConfigResponse> configureGrading(@PathParam("classId") UUID classId, @PathParam("subjectId") UUID subjectId,
                                                       @NotNull @Valid GradingConfigRequest request) {
        return gradingConfigs.configureGrading(caller, classId, subjectId, request.method(), request.settings())
                .map(GradingConfigResponse::of);
    }

    @GET
    @Path("/{classId}/subjects/{subjectId}/grading")
    @Operation(summary = "How the class's grade in the subject is computed")
    public Uni<GradingConfigResponse> gradingConfig(@PathParam("classId") UUID classId, @PathParam("subjectId") UUID subjectId) {
        return gradingConfigs.gradingConfig(caller, classId, subjectId).map(GradingConfigResponse::of);
    }

    @POST
    @Path("/{classId}/subjects/{subjectId}/grading/finalize")
    @Operation(summary = "Lock the configuration and the grades of the subject's assignments in the class; releases them")
    @APIResponse(responseCode = "200", description = "The finalized configuration")
    @APIResponse(responseCode = "409", description = "CONFLICT: nothing configured yet")
    public Uni<GradingConfigResponse> finalizeGrading(@PathParam("classId") UUID classId, @PathParam("subjectId") UUID subjectId) {
        return gradingConfigs.finalizeGrading(caller, classId, subjectId).map(GradingConfigResponse::of);
    }
}
