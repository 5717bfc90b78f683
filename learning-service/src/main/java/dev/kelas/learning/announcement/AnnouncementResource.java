package dev.kelas.learning.announcement;

import dev.kelas.contracts.Role;
import dev.kelas.learning.announcement.dto.AnnouncementPage;
import dev.kelas.learning.announcement.dto.AnnouncementPatch;
import dev.kelas.learning.announcement.dto.AnnouncementRequest;
import dev.kelas.learning.announcement.dto.AnnouncementResponse;
import dev.kelas.learning.announcement.AnnouncementAttachmentService.AttachmentView;
import dev.kelas.learning.assignment.FileDownloads;
import dev.kelas.learning.assignment.SubmissionService.Upload;
import dev.kelas.runtime.problem.PreconditionFailedException;
import dev.kelas.runtime.problem.ValidationException;
import dev.kelas.runtime.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** Announcements: write (administrators, teachers for their classes), schedule, read with unread counts. */
@Path("/api/v1/announcements")
@Authenticated
public class AnnouncementResource {
    private final AnnouncementService announcements;
    private final AnnouncementAttachmentService attachments;
    private final Caller caller;

    public AnnouncementResource(AnnouncementService announcements, AnnouncementAttachmentService attachments, Caller caller) {
        this.announcements = announcements;
        this.attachments = attachments;
        this.caller = caller;
    }

    @POST
    @RolesAllowed({Role.ADMIN_NAME, Role.TEACHER_NAME})
    @Operation(summary = "Write an announcement: out at once, at publishAt, or kept as a draft")
    @APIResponse(responseCode = "201", description = "Created; a published one goes out as kelas.learning.announcement.published")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such class in your school")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: a blank title or body, an audience without its class or role, expiry before publication")
    public Uni<Response> create(@NotNull @Valid AnnouncementRequest request) {
        return announcements.create(caller, request.toDraft()).map(a -> Response.created(URI.create("/api/v1/announcements/" + a.id))
                .tag(new EntityTag(Integer.toString(a.version))).entity(AnnouncementResponse.of(a, null)).build());
    }

    @GET
    @Operation(summary = "The published, unexpired announcements of your audiences: pinned first, newest next, with your unread count")
    public Uni<AnnouncementPage> feed(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                      @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return announcements.feed(caller, page, size).map(feed -> new AnnouncementPage(feed.items().stream()
                .map(a -> AnnouncementResponse.of(a, feed.read().contains(a.id))).toList(), page, size, feed.total(), feed.unread()));
    }

    @GET
    @Path("/unread-count")
    @Operation(summary = "How many live announcements of your audiences you have not read")
    public Uni<Map<String, Long>> unreadCount() {
        return announcements.feed(caller, 0, 1).map(feed -> Map.of("unread", feed.unread()));
    }

    @GET
    @Path("/drafts")
    @RolesAllowed({Role.ADMIN_NAME, Role.TEACHER_NAME})
    @Operation(summary = "Your drafts and scheduled announcements, newest first")
    public Uni<List<AnnouncementResponse>> drafts() {
        return announcements.unpublished(caller).map(list -> list.stream().map(a -> AnnouncementResponse.of(a, null)).toList());
    }

    @GET
    @Path("/{id}")
    @Operation(summary = "One announcement")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such announcement for you")
    public Uni<Response> read(@PathParam("id") UUID id) {
        return announcements.read(caller, id).map(a -> Response.ok(AnnouncementResponse.of(a, null))
                .tag(new EntityTag(Integer.toString(a.version))).build());
    }

    @PATCH
    @Path("/{id}")
    @RolesAllowed({Role.ADMIN_NAME, Role.TEACHER_NAME})
    @Operation(summary = "Change an announcement (its author or an administrator); announced again only if asked")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such announcement in your school")
    @APIResponse(responseCode = "412", description = "PRECONDITION_FAILED: it changed since you read it")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: a blank title or body, expiry before publication")
    public Uni<Response> edit(@PathParam("id") UUID id, @HeaderParam("If-Match") String ifMatch, @NotNull @Valid AnnouncementPatch patch) {
        return announcements.edit(caller, id, patch.toEdit(), version(ifMatch)).map(a -> Response.ok(AnnouncementResponse.of(a, null))
                .tag(new EntityTag(Integer.toString(a.version))).build());
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed({Role.ADMIN_NAME, Role.TEACHER_NAME})
    @Operation(summary = "Publish a draft or scheduled announcement now")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such announcement in your school")
    public Uni<AnnouncementResponse> publish(@PathParam("id") UUID id) {
        return announcements.publishNow(caller, id).map(a -> AnnouncementResponse.of(a, null));
    }

    @POST
    @Path("/{id}/read")
    @Operation(summary = "Mark an announcement read")
    @APIResponse(responseCode = "204", description = "Marked")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such announcement for you")
    public Uni<Response> markRead(@PathParam("id") UUID id) {
        return announcements.markRead(caller, id).replaceWith(Response.noContent().build());
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({Role.ADMIN_NAME, Role.TEACHER_NAME})
    @Operation(summary = "Delete an announcement (its author or an administrator)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such announcement in your school")
    public Uni<Response> delete(@PathParam("id") UUID id) {
        return attachments.deleteAnnouncement(caller, id).replaceWith(Response.noContent().build());
    }

    @POST
    @Path("/{id}/attachments")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @RolesAllowed({Role.ADMIN_NAME, Role.TEACHER_NAME})
    @Operation(summary = "Attach a file (multipart/form-data, part 'file'; checked as hand-ins are)")
    @APIResponse(responseCode = "201", description = "Attached")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such announcement in your school")
    @APIResponse(responseCode = "409", description = "CONFLICT: the announcement carries the most files it may")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: too large, type not allowed, or not what its type says")
    public Uni<Response> attach(@PathParam("id") UUID id, @RestForm("file") FileUpload file) {
        if (file == null || file.uploadedFile() == null) {
            throw new ValidationException("file", "A multipart part named 'file' is required");
        }
        return attachments.attach(caller, id, new Upload(file.fileName(), file.contentType(), file.uploadedFile(), file.size()))
                .map(view -> Response.created(URI.create("/api/v1/announcements/" + id + "/attachments/" + view.id()))
                        .entity(view).build());
    }

    @GET
    @Path("/{id}/attachments")
    @Operation(summary = "The files of an announcement you may read, oldest first")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such announcement for you")
    public Uni<List<AttachmentView>> attachments(@PathParam("id") UUID id) {
        return attachments.list(caller, id);
    }

    @GET
    @Path("/{id}/attachments/{fileId}")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "One attached file, as an attachment, after its SHA-256 is verified")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such announcement or file for you")
    public Uni<Response> download(@PathParam("id") UUID id, @PathParam("fileId") UUID fileId) {
        return attachments.download(caller, id, fileId).map(content -> FileDownloads.attachment(content.file(), content.bytes()));
    }

    @DELETE
    @Path("/{id}/attachments/{fileId}")
    @RolesAllowed({Role.ADMIN_NAME, Role.TEACHER_NAME})
    @Operation(summary = "Remove a file from an announcement (its author or an administrator)")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such announcement or file in your school")
    public Uni<Response> detach(@PathParam("id") UUID id, @PathParam("fileId") UUID fileId) {
        return attachments.detach(caller, id, fileId).replaceWith(Response.noContent().build());
    }

    private static Integer version(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip().replaceFirst("^W/", "").replace("\"", "");
        try {
            return Integer.parseInt(tag);
        } catch (NumberFormatException e) {
            throw new PreconditionFailedException("If-Match names no version of this announcement");
        }
    }
}
