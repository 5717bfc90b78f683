package dev.kelas.learning.behavior;

import dev.kelas.contracts.Role;
import dev.kelas.learning.behavior.BehaviorReportService.StudentTotal;
import dev.kelas.learning.behavior.dto.CategoryListRequest;
import dev.kelas.learning.behavior.dto.CategoryRequest;
import dev.kelas.learning.behavior.dto.CategoryResponse;
import dev.kelas.learning.behavior.dto.NoteChangeResponse;
import dev.kelas.learning.behavior.dto.NoteEditRequest;
import dev.kelas.learning.behavior.dto.NoteRequest;
import dev.kelas.learning.behavior.dto.NoteResponse;
import dev.kelas.learning.behavior.dto.StudentBehaviorResponse;
import dev.kelas.runtime.problem.ValidationException;
import dev.kelas.runtime.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Behaviour notes: the school's categories, teachers' notes on students, and the summaries. */
@Path("/api/v1/behavior")
@Authenticated
public class BehaviorResource {
    private static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);

    private final BehaviorService behavior;
    private final BehaviorCategoryService categories;
    private final BehaviorReportService reports;
    private final Caller caller;

    public BehaviorResource(BehaviorService behavior, BehaviorCategoryService categories, BehaviorReportService reports,
                            Caller caller) {
        this.behavior = behavior;
        this.categories = categories;
        this.reports = reports;
        this.caller = caller;
    }

    @GET
    @Path("/categories")
    @Operation(summary = "The school's behaviour categories in order (the default list until an administrator sets one)")
    public Uni<List<CategoryResponse>> categories() {
        return categories.categories(caller.tenantId()).map(list -> list.stream().map(CategoryResponse::of).toList());
    }

    @PUT
    @Path("/categories")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Replace the school's behaviour categories")
    @APIResponse(responseCode = "409", description = "CONFLICT: notes use a category the new list leaves out")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: every bad entry, e.g. categories[1].defaultPoints")
    public Uni<List<CategoryResponse>> replaceCategories(@NotNull @Valid CategoryListRequest request) {
        return categories.replaceCategories(caller, request.categories().stream().map(CategoryRequest::toEntity).toList())
                .map(list -> list.stream().map(CategoryResponse::of).toList());
    }

    @POST
    @Path("/notes")
    @RolesAllowed({Role.ADMIN_NAME, Role.TEACHER_NAME})
    @Operation(summary = "Record a behaviour note on a student of a class you teach")
    @APIResponse(responseCode = "201", description = "Created; kelas.learning.behavior.recorded goes out")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such class in your school")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: student not enrolled, unknown category, points against its kind, a future date")
    public Uni<Response> recordNote(@NotNull @Valid NoteRequest request) {
        return behavior.recordNote(caller, request.toDraft()).map(note -> Response
                .created(URI.create("/api/v1/behavior/notes/" + note.id)).entity(NoteResponse.of(note)).build());
    }

    @PATCH
    @Path("/notes/{noteId}")
    @RolesAllowed({Role.ADMIN_NAME, Role.TEACHER_NAME})
    @Operation(summary = "Edit a note (its author or an administrator); the change is kept in its audit trail")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such note in your school")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: as when recording")
    public Uni<NoteResponse> editNote(@PathParam("noteId") UUID noteId, @NotNull @Valid NoteEditRequest request) {
        return behavior.editNote(caller, noteId, request.toEdit()).map(NoteResponse::of);
    }

    @DELETE
    @Path("/notes/{noteId}")
    @RolesAllowed({Role.ADMIN_NAME, Role.TEACHER_NAME})
    @Operation(summary = "Delete a note (its author or an administrator); its last state stays in the audit trail")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such note in your school")
    public Uni<Response> deleteNote(@PathParam("noteId") UUID noteId, @QueryParam("reason") String reason) {
        return behavior.deleteNote(caller, noteId, reason).replaceWith(Response.noContent().build());
    }

    @GET
    @Path("/notes/{noteId}/changes")
    @RolesAllowed({Role.ADMIN_NAME, Role.TEACHER_NAME})
    @Operation(summary = "A note's audit trail, oldest first")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such note in your school")
    public Uni<List<NoteChangeResponse>> changes(@PathParam("noteId") UUID noteId) {
        return behavior.changes(caller, noteId).map(list -> list.stream().map(NoteChangeResponse::of).toList());
    }

    @GET
    @Path("/students/{studentId}")
    @Operation(summary = "A student's behaviour: points total, counts per category, totals per term, and the notes")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: a bad date")
    public Uni<StudentBehaviorResponse> student(@PathParam("studentId") UUID studentId, @QueryParam("from") String from,
                                                @QueryParam("to") String to,
                                                @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                                @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return reports.student(caller, studentId, date("from", from, EARLIEST), date("to", to, LocalDate.now().plusDays(1)))
                .map(b -> StudentBehaviorResponse.of(b, page, size));
    }

    @GET
    @Path("/classes/{classId}/summary")
    @RolesAllowed({Role.ADMIN_NAME, Role.TEACHER_NAME})
    @Operation(summary = "Each student's behaviour points and note counts in a class")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such class in your school")
    public Uni<List<StudentTotal>> classSummary(@PathParam("classId") UUID classId, @QueryParam("from") String from,
                                                @QueryParam("to") String to) {
        return reports.classSummary(caller, classId, date("from", from, EARLIEST), date("to", to, LocalDate.now().plusDays(1)));
    }

    private static LocalDate date(String field, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, "must be a date such as 2026-12-07");
        }
    }
}
