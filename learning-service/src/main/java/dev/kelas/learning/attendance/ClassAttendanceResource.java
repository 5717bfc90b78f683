package dev.kelas.learning.attendance;

import dev.kelas.contracts.Role;
import dev.kelas.learning.attendance.dto.ExtraSessionRequest;
import dev.kelas.learning.attendance.dto.RegisterResponse;
import dev.kelas.learning.attendance.dto.SessionResponse;
import dev.kelas.learning.attendance.dto.SummaryResponse;
import dev.kelas.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A class's register sessions, its register (also as CSV) and its attendance summary, for its teachers and administrators. */
@Path("/api/v1/classes")
@RolesAllowed({Role.TEACHER_NAME, Role.ADMIN_NAME})
@APIResponse(responseCode = "403", description = "FORBIDDEN: not a teacher of this class or an administrator")
@APIResponse(responseCode = "404", description = "NOT_FOUND: no such class in your school")
public class ClassAttendanceResource {
    private final AttendanceSessionService sessions;
    private final AttendanceReportService reports;
    private final Caller caller;

    public ClassAttendanceResource(AttendanceSessionService sessions, AttendanceReportService reports, Caller caller) {
        this.sessions = sessions;
        this.reports = reports;
        this.caller = caller;
    }

    /** The class's sessions in a date range (default: the 7 days from today, UTC). */
    @GET
    @Path("/{classId}/attendance/sessions")
    @Operation(summary = "The class's register sessions in [from, to]: timetable lessons and the daily register on school days of the "
            + "term (holidays excluded), extra sessions; with their marks counted")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: to before from, or a range over 400 days")
    public Uni<List<SessionResponse>> listSessions(@PathParam("classId") UUID classId, @QueryParam("from") String from,
                                                   @QueryParam("to") String to) {
        LocalDate start = QueryParams.date("from", from);
        LocalDate end = QueryParams.date("to", to);
        start = start != null ? start : LocalDate.now();
        end = end != null ? end : start.plusDays(6);
        return sessions.listSessions(caller, classId, start, end).map(list -> list.stream().map(SessionResponse::of).toList());
    }

    /** Adds an extra session. */
    @POST
    @Path("/{classId}/attendance/sessions")
    @Operation(summary = "Add an extra session (a make-up lesson, a trip) to the class")
    @APIResponse(responseCode = "201", description = "Created; its key is its id")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: date, startsAt/endsAt, title or subjectId")
    public Uni<Response> addExtraSession(@PathParam("classId") UUID classId, @NotNull ExtraSessionRequest request) {
        return sessions.addExtraSession(caller, classId, request.draft()).map(s -> Response
                .created(URI.create("/api/v1/attendance/sessions/" + s.id() + "/marks")).entity(SessionResponse.of(s)).build());
    }

    /** The class's register. */
    @GET
    @Path("/{classId}/attendance/register")
    @Operation(summary = "The class's register in [from, to] (default: the class's term): sessions and a row per student with "
            + "marks by session id")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: to before from, or a range over 400 days")
    public Uni<RegisterResponse> register(@PathParam("classId") UUID classId, @QueryParam("from") String from,
                                          @QueryParam("to") String to) {
        return reports.register(caller, classId, QueryParams.date("from", from), QueryParams.date("to", to))
                .map(RegisterResponse::of);
    }

    /** The class's register as CSV. */
    @GET
    @Path("/{classId}/attendance/register.csv")
    @Produces("text/csv")
    @Operation(summary = "The class's register as CSV: a row per student, a column per session")
    public Uni<Response> registerCsv(@PathParam("classId") UUID classId, @QueryParam("from") String from,
                                     @QueryParam("to") String to) {
        return reports.register(caller, classId, QueryParams.date("from", from), QueryParams.date("to", to))
                .map(register -> Response.ok(AttendanceRegisterCsv.write(register))
                .type("text/csv; charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"register-" + register.schoolClass().code + ".csv\"")
                .build());
    }

    /** The class's attendance summary. */
    @GET
    @Path("/{classId}/attendance/summary")
    @Operation(summary = "Per student counts, absences (lates rule), percentage and atOrPastLimit; the class's and each subject's "
            + "percentage, over [from, to] (default: the class's term)")
    public Uni<SummaryResponse> summary(@PathParam("classId") UUID classId, @QueryParam("from") String from,
                                        @QueryParam("to") String to) {
        return reports.classSummary(caller, classId, QueryParams.date("from", from), QueryParams.date("to", to))
                .map(SummaryResponse::of);
    }
}
