package dev.kelas.learning.grading;

import dev.kelas.learning.grading.dto.ReportCardResponse;
import dev.kelas.learning.grading.dto.StudentGradeResponse;
import dev.kelas.runtime.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * A student's grades and report card: the student sees released grades only; the teachers of their
 * classes and administrators see all.
 */
@Path("/api/v1/students")
@Authenticated
@APIResponse(responseCode = "403", description = "FORBIDDEN: another student, or a teacher of none of the student's classes")
@APIResponse(responseCode = "404", description = "NOT_FOUND: no such student (or term, class) in your school")
public class StudentResource {
    private final ReportCardService reportCards;
    private final Caller caller;

    public StudentResource(ReportCardService reportCards, Caller caller) {
        this.reportCards = reportCards;
        this.caller = caller;
    }

    @GET
    @Path("/{studentId}/grades")
    @Operation(summary = "The student's standing on each published assignment, of one class or all")
    public Uni<List<StudentGradeResponse>> studentGrades(@PathParam("studentId") UUID studentId,
                                                         @QueryParam("classId") UUID classId) {
        return reportCards.studentGrades(caller, studentId, classId).map(list -> list.stream().map(StudentGradeResponse::of).toList());
    }

    @GET
    @Path("/{studentId}/report-card")
    @Operation(summary = "The student's report card for a term (default: the active term)")
    public Uni<ReportCardResponse> reportCard(@PathParam("studentId") UUID studentId, @QueryParam("termId") UUID termId) {
        return reportCards.reportCard(caller, studentId, termId).map(ReportCardResponse::of);
    }
}
