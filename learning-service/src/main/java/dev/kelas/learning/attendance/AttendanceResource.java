package dev.kelas.learning.attendance;

import dev.kelas.contracts.Role;
import dev.kelas.learning.attendance.dto.AtRiskResponse;
import dev.kelas.learning.attendance.dto.MarkChangeResponse;
import dev.kelas.learning.attendance.dto.MarksRequest;
import dev.kelas.learning.attendance.dto.SessionMarksResponse;
import dev.kelas.learning.attendance.dto.SettingsRequest;
import dev.kelas.learning.attendance.dto.SettingsResponse;
import dev.kelas.learning.attendance.dto.StatusResponse;
import dev.kelas.learning.attendance.dto.StatusesRequest;
import dev.kelas.runtime.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The register: the school's statuses and rules, marking a session, its marks and audit trail, and the students
 * at or past the absence limit. A session is named by its id once stored, else by its key
 * ({@code LESSON:<slotId>:<date>}, {@code DAILY:<classId>:<date>}) from the class's session listing.
 */
@Path("/api/v1/attendance")
@Authenticated
public class AttendanceResource {
    private final AttendanceSettingsService settings;
    private final AttendanceMarkingService marking;
    private final AttendanceReportService reports;
    private final AtRiskService atRisk;
    private final Caller caller;

    public AttendanceResource(AttendanceSettingsService settings, AttendanceMarkingService marking, AttendanceReportService reports,
                              AtRiskService atRisk, Caller caller) {
        this.settings = settings;
        this.marking = marking;
        this.reports = reports;
        this.atRisk = atRisk;
        this.caller = caller;
    }

    /** The school's statuses in order (the defaults until an administrator sets them). */
    @GET
    @Path("/statuses")
    @Operation(summary = "The school's attendance statuses in order (default PRESENT 2, LATE 1, EXCUSED 2, ABSENT 0 and an absence)")
    public Uni<List<StatusResponse>> statuses() {
        return settings.listStatuses(caller).map(list -> list.stream().map(StatusResponse::of).toList());
    }

    /** Replaces the school's statuses. */
    @PUT
    @Path("/statuses")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Replace the school's attendance statuses (the list's order is their position)")
    @APIResponse(responseCode = "200", description = "The new set")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: administrators only")
    @APIResponse(responseCode = "409", description = "CONFLICT: a status left out is used by marks")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: errors[].field statuses[i].code|label|points for every bad entry")
    public Uni<List<StatusResponse>> replaceStatuses(@NotNull StatusesRequest request) {
        List<AttendanceSettingsService.StatusDraft> drafts = request.statuses() == null ? null
                : request.statuses().stream().map(s -> s == null ? null : s.draft()).toList();
        return settings.replaceStatuses(caller, drafts).map(list -> list.stream().map(StatusResponse::of).toList());
    }

    /** The school's attendance rules. */
    @GET
    @Path("/settings")
    @Operation(summary = "The school's attendance rules (default absenceLimit 10 per class and term, latesPerAbsence 3)")
    public Uni<SettingsResponse> readSettings() {
        return settings.readSettings(caller).map(SettingsResponse::of);
    }

    /** Sets the school's attendance rules. */
    @PUT
    @Path("/settings")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Set the school's attendance rules")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: administrators only")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: absenceLimit not 1-1000 or latesPerAbsence not 0-100")
    public Uni<SettingsResponse> changeSettings(@NotNull SettingsRequest request) {
        return settings.changeSettings(caller, request.absenceLimit(), request.latesPerAbsence()).map(SettingsResponse::of);
    }

    /** Marks students in a session, all or nothing. */
    @PUT
    @Path("/sessions/{session}/marks")
    @RolesAllowed({Role.TEACHER_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Mark or correct students in a session, all or nothing; restPresent marks every other enrolled student PRESENT")
    @APIResponse(responseCode = "200", description = "The session (stored now if it was not) with all its marks")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not a teacher of the class or an administrator")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such session in your school")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: errors[].field marks[i].studentId|status|minutesLate|remark for every "
            + "bad entry (a student not enrolled on that date, an unknown status), date (a future session), reason (a change after "
            + "the session's day); nothing written")
    public Uni<SessionMarksResponse> markSession(@PathParam("session") String session, @NotNull MarksRequest request) {
        List<AttendanceMarkingService.MarkDraft> drafts = request.marks() == null ? List.of()
                : request.marks().stream().map(m -> m == null ? null : m.draft()).toList();
        return marking.markSession(caller, session, drafts, Boolean.TRUE.equals(request.restPresent()), request.reason())
                .map(SessionMarksResponse::of);
    }

    /** A session's marks. */
    @GET
    @Path("/sessions/{session}/marks")
    @RolesAllowed({Role.TEACHER_NAME, Role.ADMIN_NAME})
    @Operation(summary = "A session's marks")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not a teacher of the class or an administrator")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such session in your school")
    public Uni<SessionMarksResponse> sessionMarks(@PathParam("session") String session) {
        return marking.sessionMarks(caller, session).map(SessionMarksResponse::of);
    }

    /** A session's audit trail. */
    @GET
    @Path("/sessions/{session}/changes")
    @RolesAllowed({Role.TEACHER_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Every change of a mark in the session, oldest first (append-only)")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not a teacher of the class or an administrator")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such session in your school")
    public Uni<List<MarkChangeResponse>> sessionChanges(@PathParam("session") String session) {
        return marking.sessionChanges(caller, session).map(list -> list.stream().map(MarkChangeResponse::of).toList());
    }

    /** Students at or past the absence limit. */
    @GET
    @Path("/at-risk")
    @RolesAllowed({Role.TEACHER_NAME, Role.ADMIN_NAME})
    @Operation(summary = "Actively enrolled students at or past the absence limit in their class's term: every class for ADMIN, "
            + "the classes they teach for a teacher")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: classId of a class you do not teach")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such class in your school")
    public Uni<AtRiskResponse> atRisk(@QueryParam("classId") UUID classId, @QueryParam("page") @DefaultValue("0") int page,
                                      @QueryParam("size") @DefaultValue("50") int size) {
        QueryParams.check(page, size);
        return atRisk.atRisk(caller, classId, page, size).map(AtRiskResponse::of);
    }
}
