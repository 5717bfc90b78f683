package dev.kelas.learning.attendance;

import dev.kelas.contracts.Role;
import dev.kelas.learning.attendance.SchoolAttendanceReportService.SchoolReport;
import dev.kelas.runtime.problem.ValidationException;
import dev.kelas.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The school's attendance report over a term, for administrators. */
@Path("/api/v1/attendance/report")
@RolesAllowed(Role.ADMIN_NAME)
public class SchoolAttendanceReportResource {
    /** Student rows one page may hold. */
    static final int MAX_PAGE_SIZE = 1000;

    private final SchoolAttendanceReportService reports;
    private final Caller caller;

    public SchoolAttendanceReportResource(SchoolAttendanceReportService reports, Caller caller) {
        this.reports = reports;
        this.caller = caller;
    }

    /** The report of {@code termId} (default: the active term); student rows paginated, {@code size} 1 to 1000. */
    @GET
    @Operation(summary = "The whole school's attendance in a term: each class's percentage and students at the limit, "
            + "and each enrolled student's counts, absences and percentage (paginated)")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such term (or no active term)")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: page below 0 or size outside 1-1000")
    public Uni<SchoolReport> report(@QueryParam("termId") UUID termId, @QueryParam("page") @DefaultValue("0") int page,
                                    @QueryParam("size") @DefaultValue("100") int size) {
        if (page < 0) {
            throw new ValidationException("page", "must be 0 or more");
        }
        if (size < 1 || size > MAX_PAGE_SIZE) {
            throw new ValidationException("size", "must be 1 to " + MAX_PAGE_SIZE);
        }
        return reports.report(caller, termId, page, size);
    }
}
