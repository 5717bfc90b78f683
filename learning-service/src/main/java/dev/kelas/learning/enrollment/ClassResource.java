package dev.kelas.learning.enrollment;

import dev.kelas.contracts.Role;
import dev.kelas.learning.enrollment.dto.AssignTeacherRequest;
import dev.kelas.learning.enrollment.dto.BulkEnrollRequest;
import dev.kelas.learning.enrollment.dto.ClassPatch;
import dev.kelas.learning.enrollment.dto.TeachingAssignmentPatch;
import dev.kelas.learning.enrollment.dto.ClassResponse;
import dev.kelas.learning.common.ETags;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import dev.kelas.learning.enrollment.dto.CreateClassRequest;
import dev.kelas.learning.enrollment.dto.EnrollRequest;
import dev.kelas.learning.enrollment.dto.EnrollmentResponse;
import dev.kelas.learning.enrollment.dto.TeachingAssignmentResponse;
import dev.kelas.learning.enrollment.dto.TransferRequest;
import dev.kelas.learning.enrollment.dto.WithdrawRequest;
import dev.kelas.runtime.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Classes, their teachers, enrollments and assignments. The class's teachers (homeroom and subject
 * teachers) manage their classes, administrators any; students read the classes they are in.
 */
@Path("/api/v1/classes")
@RolesAllowed({Role.TEACHER_NAME, Role.ADMIN_NAME})
@APIResponse(responseCode = "403", description = "FORBIDDEN: not a teacher of this class or an administrator")
@APIResponse(responseCode = "404", description = "NOT_FOUND: no such class in your school")
public class ClassResource {
    private final ClassService classes;
    private final TeacherService teachers;
    private final EnrollmentService enrollments;
    private final Caller caller;

    public ClassResource(ClassService classes, TeacherService teachers, EnrollmentService enrollments, Caller caller) {
        this.classes = classes;
        this.teachers = teachers;
        this.enrollments = enrollments;
        this.caller = caller;
    }

    @POST
    @Operation(summary = "Create a class")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "409", description = "CONFLICT: code taken")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: unknown teacher or term")
    public Uni<Response> createClass(@NotNull @Valid CreateClassRequest request) {
        return classes.createClass(caller, request.name(), request.code(), request.teacherId(), request.termId(),
                        request.gradeLevel())
                .map(c -> Response.created(URI.create("/api/v1/classes/" + c.id)).entity(ClassResponse.of(c)).build());
    }

    @GET
    @Authenticated
    @Operation(summary = "The classes you have a part in (all of them for administrators), optionally of one term")
    public Uni<List<ClassResponse>> listClasses(@QueryParam("termId") UUID termId) {
        return classes.listClasses(caller, termId).map(list -> list.stream().map(ClassResponse::of).toList());
    }

    @GET
    @Path("/{classId}")
    @Authenticated
    @Operation(summary = "One class; ETag is its version")
    @APIResponse(responseCode = "200", description = "The class, with its ETag",
            content = @Content(schema = @Schema(implementation = ClassResponse.class)))
    public Uni<Response> getClass(@PathParam("classId") UUID classId) {
        return classes.getClass(caller, classId).map(c -> Response.ok(ClassResponse.of(c)).tag(ETags.of(c.version)).build());
    }

    @PATCH
    @Path("/{classId}")
    @Operation(summary = "Rename a class, change its code or grade level; with If-Match, only if it is still the version you read")
    @APIResponse(responseCode = "200", description = "The class, with its new ETag",
            content = @Content(schema = @Schema(implementation = ClassResponse.class)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such class in your school")
    @APIResponse(responseCode = "409", description = "CLASS_ARCHIVED: the class is archived; CONFLICT: code taken")
    @APIResponse(responseCode = "412", description = "PRECONDITION_FAILED: it changed since you read it")
    public Uni<Response> updateClass(@PathParam("classId") UUID classId, @HeaderParam("If-Match") String ifMatch,
                                     @NotNull @Valid ClassPatch patch) {
        return classes.updateClass(caller, classId, patch.name(), patch.code(), patch.gradeLevel(), ETags.expectedVersion(ifMatch))
                .map(c -> Response.ok(ClassResponse.of(c)).tag(ETags.of(c.version)).build());
    }

    @POST
    @Path("/{classId}/archive")
    @Operation(summary = "Archive a class: its history stays, it takes no more changes or assignments (classes are never deleted)")
    @APIResponse(responseCode = "200", description = "The archived class")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such class in your school")
    public Uni<ClassResponse> archiveClass(@PathParam("classId") UUID classId) {
        return classes.archiveClass(caller, classId).map(ClassResponse::of);
    }

    @POST
    @Path("/{classId}/teachers")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Make a teacher teach a subject to the class")
    @APIResponse(responseCode = "201", description = "Assigned")
    @APIResponse(responseCode = "409", description = "CONFLICT: already assigned")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: unknown subject or teacher")
    public Uni<Response> assignTeacher(@PathParam("classId") UUID classId, @NotNull @Valid AssignTeacherRequest request) {
        return teachers.assignTeacher(caller, classId, request.subjectId(), request.teacherId())
                .map(t -> Response.created(URI.create("/api/v1/classes/" + classId + "/teachers/" + t.id))
                        .entity(TeachingAssignmentResponse.of(t)).build());
    }

    @GET
    @Path("/{classId}/teachers")
    @Authenticated
    @Operation(summary = "Who teaches which subject to the class")
    public Uni<List<TeachingAssignmentResponse>> listTeachers(@PathParam("classId") UUID classId) {
        return teachers.listTeachers(caller, classId).map(list -> list.stream().map(TeachingAssignmentResponse::of).toList());
    }

    @GET
    @Path("/{classId}/teachers/{teachingAssignmentId}")
    @Authenticated
    @Operation(summary = "One teaching assignment of the class; ETag is its version")
    @APIResponse(responseCode = "200", description = "The teaching assignment, with its ETag",
            content = @Content(schema = @Schema(implementation = TeachingAssignmentResponse.class)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such teaching assignment in the class")
    public Uni<Response> getTeacher(@PathParam("classId") UUID classId,
                                    @PathParam("teachingAssignmentId") UUID teachingAssignmentId) {
        return teachers.getTeacher(caller, classId, teachingAssignmentId)
                .map(t -> Response.ok(TeachingAssignmentResponse.of(t)).tag(ETags.of(t.version)).build());
    }

    @PATCH
    @Path("/{classId}/teachers/{teachingAssignmentId}")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Hand a teaching assignment to another teacher or subject; with If-Match, only if it is still the version you read")
    @APIResponse(responseCode = "200", description = "The teaching assignment, with its new ETag",
            content = @Content(schema = @Schema(implementation = TeachingAssignmentResponse.class)))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such teaching assignment in the class")
    @APIResponse(responseCode = "409", description = "CONFLICT: that teacher already teaches that subject to the class")
    @APIResponse(responseCode = "412", description = "PRECONDITION_FAILED: it changed since you read it")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: unknown subject or teacher")
    public Uni<Response> updateTeacher(@PathParam("classId") UUID classId,
                                       @PathParam("teachingAssignmentId") UUID teachingAssignmentId,
                                       @HeaderParam("If-Match") String ifMatch, @NotNull @Valid TeachingAssignmentPatch patch) {
        return teachers.updateTeacher(caller, classId, teachingAssignmentId, patch.subjectId(), patch.teacherId(),
                        ETags.expectedVersion(ifMatch))
                .map(t -> Response.ok(TeachingAssignmentResponse.of(t)).tag(ETags.of(t.version)).build());
    }

    @DELETE
    @Path("/{classId}/teachers/{teachingAssignmentId}")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "End a teaching assignment")
    @APIResponse(responseCode = "204", description = "Ended")
    public Uni<Response> removeTeacher(@PathParam("classId") UUID classId,
                                       @PathParam("teachingAssignmentId") UUID teachingAssignmentId) {
        return teachers.removeTeacher(caller, classId, teachingAssignmentId).map(ignored -> Response.noContent().build());
    }

    @POST
    @Path("/{classId}/enrollments")
    @Operation(summary = "Enroll a student")
    @APIResponse(responseCode = "201", description = "Enrolled")
    @APIResponse(responseCode = "409", description = "CONFLICT: already enrolled")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: no such student in your school (yet)")
    public Uni<Response> enrollStudent(@PathParam("classId") UUID classId, @NotNull @Valid EnrollRequest request) {
        return enrollments.enrollStudent(caller, classId, request.studentId())
                .map(e -> Response.created(URI.create("/api/v1/classes/" + classId + "/enrollments/" + e.id))
                        .entity(EnrollmentResponse.of(e)).build());
    }

    @POST
    @Path("/{classId}/enrollments/bulk")
    @Operation(summary = "Enroll several students, all or none")
    @APIResponse(responseCode = "201", description = "All enrolled")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: errors[].field studentIds[i] for each bad entry; nobody enrolled")
    public Uni<Response> enrollStudents(@PathParam("classId") UUID classId, @NotNull @Valid BulkEnrollRequest request) {
        return enrollments.enrollStudents(caller, classId, request.studentIds())
                .map(list -> Response.status(Response.Status.CREATED).entity(list.stream().map(EnrollmentResponse::of).toList())
                        .build());
    }

    @GET
    @Path("/{classId}/enrollments")
    @Operation(summary = "The class's enrollments, active and ended (filter with status)")
    public Uni<List<EnrollmentResponse>> listEnrollments(@PathParam("classId") UUID classId,
                                                         @QueryParam("status") EnrollmentStatus status) {
        return enrollments.listEnrollments(caller, classId, status)
                .map(list -> list.stream().map(v -> EnrollmentResponse.of(v.enrollment(), v.student())).toList());
    }

    @POST
    @Path("/{classId}/enrollments/{enrollmentId}/transfer")
    @Operation(summary = "Move the student to another class of the term; grades and history stay")
    @APIResponse(responseCode = "201", description = "The new enrollment")
    @APIResponse(responseCode = "409", description = "CONFLICT: the enrollment has ended, or the student is already in the target class")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: same class or another term")
    public Uni<Response> transferStudent(@PathParam("classId") UUID classId, @PathParam("enrollmentId") UUID enrollmentId,
                                         @NotNull @Valid TransferRequest request) {
        return enrollments.transferStudent(caller, classId, enrollmentId, request.toClassId(), request.reason())
                .map(e -> Response.created(URI.create("/api/v1/classes/" + e.classId + "/enrollments/" + e.id))
                        .entity(EnrollmentResponse.of(e)).build());
    }

    @POST
    @Path("/{classId}/enrollments/{enrollmentId}/withdraw")
    @Operation(summary = "Withdraw the student from the class; grades and history stay")
    @APIResponse(responseCode = "200", description = "The ended enrollment")
    @APIResponse(responseCode = "409", description = "CONFLICT: already ended")
    public Uni<EnrollmentResponse> withdrawStudent(@PathParam("classId") UUID classId,
                                                   @PathParam("enrollmentId") UUID enrollmentId, @Valid WithdrawRequest request) {
        return enrollments.withdrawStudent(caller, classId, enrollmentId, request == null ? null : request.reason())
                .map(EnrollmentResponse::of);
    }

}
