package dev.kelas.learning.attendance;

import dev.kelas.learning.attendance.dto.HistoryResponse;
import dev.kelas.runtime.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A student's attendance history: for the student, the teachers of their classes and administrators. */
@Path("/api/v1/students")
@Authenticated
public class StudentAttendanceResource {
    private final AttendanceReportService reports;
    private final Caller caller;

    public StudentAttendanceResource(AttendanceReportService reports, Caller caller) {
        this.reports = reports;
        this.caller = caller;
    }

    /** A page of the student's marks with counts and percentage. */
    @GET
    @Path("/{studentId}/attendance")
    @Operation(summary = "A student's marks, newest first, with counts per status, absences and the percentage "
            + "(sum of points / (best status's points * sessions marked) * 100)")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: a teacher asking about a class they do not teach")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such student (or class) in your school, or another student's")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: page or size out of range")
    public Uni<HistoryResponse> history(@PathParam("studentId") UUID studentId, @QueryParam("classId") UUID classId,
                                        @QueryParam("from") String from, @QueryParam("to") String to,
                                        @QueryParam("page") @DefaultValue("0") int page, @QueryParam("size") @DefaultValue("50") int size) {
        QueryParams.check(page, size);
        return reports.studentHistory(caller, studentId, classId, QueryParams.date("from", from), QueryParams.date("to", to), page, size)
                .map(HistoryResponse::of);
    }
}
