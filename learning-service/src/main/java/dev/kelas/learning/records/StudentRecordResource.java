package dev.kelas.learning.records;

import dev.kelas.contracts.Role;
import dev.kelas.learning.common.ETags;
import dev.kelas.learning.records.StudentRecordService.Contact;
import dev.kelas.learning.records.StudentRecordService.RecordFields;
import dev.kelas.learning.records.dto.ChildResponse;
import dev.kelas.learning.records.dto.GuardianResponse;
import dev.kelas.learning.records.dto.RecordImportResponse;
import dev.kelas.learning.records.dto.StudentRecordRequest;
import dev.kelas.learning.records.dto.StudentRecordResponse;
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
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * A student's record and the PARENT accounts linked to them: administrators write both; the student, their linked
 * parents, their teachers and administrators read them.
 */
@Path("/api/v1/students")
@Authenticated
public class StudentRecordResource {
    private final StudentRecordService records;
    private final StudentRecordImportService imports;
    private final GuardianService guardians;
    private final Caller caller;

    public StudentRecordResource(StudentRecordService records, StudentRecordImportService imports, GuardianService guardians,
                                 Caller caller) {
        this.records = records;
        this.imports = imports;
        this.guardians = guardians;
        this.caller = caller;
    }

    @POST
    @Path("/records/import")
    @RolesAllowed(Role.ADMIN_NAME)
    @Consumes({"text/csv", "text/plain"})
    @Operation(summary = "Import student records from CSV (header: email,studentNumber,dateOfBirth[,gradeLevel,homeroomClass,"
            + "guardianName,guardianRelationship,guardianEmail,guardianPhone]); all rows or none")
    @APIResponse(responseCode = "200", description = "Every row was valid and written",
            content = @Content(schema = @Schema(implementation = RecordImportResponse.class)))
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: not CSV, no header, no rows or too many; or bad rows, "
            + "each error naming its line (index), field and, for a number another student has, code STUDENT_NUMBER_TAKEN; nothing written")
    public Uni<RecordImportResponse> importRecords(String csv) {
        return imports.importCsv(caller, csv).map(RecordImportResponse::of);
    }

    @GET
    @Path("/children")
    @RolesAllowed(Role.PARENT_NAME)
    @Operation(summary = "Your linked children (PARENT) with their student number, grade level, homeroom class and active classes; "
            + "each child's id leads to the reads a student has of their own (grades, report card, attendance, behaviour), "
            + "which answer a linked parent as they answer the student")
    public Uni<List<ChildResponse>> children() {
        return guardians.children(caller).map(list -> list.stream().map(ChildResponse::of).toList());
    }

    @GET
    @Path("/{studentId}/record")
    @Operation(summary = "A student's record (number, date of birth, grade level, homeroom class, guardian contacts); ETag is its version")
    @APIResponse(responseCode = "200", description = "The record, with its ETag",
            content = @Content(schema = @Schema(implementation = StudentRecordResponse.class)))
    @APIResponse(responseCode = "403", description = "FORBIDDEN: neither the student, a linked parent, one of their teachers nor an administrator")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such student in your school, or no record for them yet")
    public Uni<Response> record(@PathParam("studentId") UUID studentId) {
        return records.record(caller, studentId)
                .map(view -> Response.ok(StudentRecordResponse.of(view)).tag(ETags.of(view.record().version)).build());
    }

    @PUT
    @Path("/{studentId}/record")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Create or replace a student's record; with If-Match, only if it is still the version you read")
    @APIResponse(responseCode = "200", description = "The replaced record, with its new ETag",
            content = @Content(schema = @Schema(implementation = StudentRecordResponse.class)))
    @APIResponse(responseCode = "201", description = "The new record, with its ETag",
            content = @Content(schema = @Schema(implementation = StudentRecordResponse.class)))
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR: a field is missing or malformed (number, date of birth "
            + "not in the past, grade level outside 1..13, a contact's name, relationship, e-mail or phone)")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such user in your school")
    @APIResponse(responseCode = "409", description = "STUDENT_NUMBER_TAKEN: another student of your school has this number")
    @APIResponse(responseCode = "412", description = "PRECONDITION_FAILED: it changed since you read it, or If-Match names a record that does not exist")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: the user is not a STUDENT, the homeroom class is not a class "
            + "of your school, or a contact has neither e-mail nor phone")
    public Uni<Response> saveRecord(@PathParam("studentId") UUID studentId, @HeaderParam("If-Match") String ifMatch,
                                    @NotNull @Valid StudentRecordRequest request) {
        List<Contact> contacts = request.guardianContacts() == null ? List.of() : request.guardianContacts().stream()
                .map(c -> new Contact(c.name(), c.relationship(), c.email(), c.phone())).toList();
        RecordFields fields = new RecordFields(request.studentNumber(), request.dateOfBirth(), request.gradeLevel(),
                request.homeroomClassId(), contacts);
        return records.saveRecord(caller, studentId, fields, ETags.expectedVersion(ifMatch))
                .map(view -> Response.status(view.created() ? Response.Status.CREATED : Response.Status.OK)
                        .entity(StudentRecordResponse.of(view)).tag(ETags.of(view.record().version)).build());
    }

    @GET
    @Path("/{studentId}/guardians")
    @Operation(summary = "The PARENT accounts linked to a student")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: neither the student, a linked parent, one of their teachers nor an administrator")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such student in your school")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: the user is not a STUDENT")
    public Uni<List<GuardianResponse>> guardians(@PathParam("studentId") UUID studentId) {
        return guardians.guardians(caller, studentId).map(list -> list.stream().map(GuardianResponse::of).toList());
    }

    @PUT
    @Path("/{studentId}/guardians/{parentId}")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Link a PARENT account to a STUDENT of your school (linking again changes nothing)")
    @APIResponse(responseCode = "200", description = "Already linked",
            content = @Content(schema = @Schema(implementation = GuardianResponse.class)))
    @APIResponse(responseCode = "201", description = "Linked",
            content = @Content(schema = @Schema(implementation = GuardianResponse.class)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such student or parent in your school")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: the student is not a STUDENT account (field studentId) "
            + "or the parent not a PARENT account (field parentId)")
    public Uni<Response> link(@PathParam("studentId") UUID studentId, @PathParam("parentId") UUID parentId) {
        return guardians.link(caller, studentId, parentId).map(linked -> Response
                .status(linked.created() ? Response.Status.CREATED : Response.Status.OK)
                .entity(GuardianResponse.of(linked.guardian())).build());
    }

    @DELETE
    @Path("/{studentId}/guardians/{parentId}")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Unlink a parent from a student; the parent no longer reads anything of the student")
    @APIResponse(responseCode = "204", description = "Unlinked")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: the parent is not linked to that student in your school")
    public Uni<Response> unlink(@PathParam("studentId") UUID studentId, @PathParam("parentId") UUID parentId) {
        return guardians.unlink(caller, studentId, parentId).map(ignored -> Response.noContent().build());
    }
}
