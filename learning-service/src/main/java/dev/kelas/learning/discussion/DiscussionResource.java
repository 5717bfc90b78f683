package dev.kelas.learning.discussion;

import dev.kelas.learning.discussion.dto.ModerationRequest;
import dev.kelas.learning.discussion.dto.ReplyRequest;
import dev.kelas.learning.discussion.dto.ReplyResponse;
import dev.kelas.learning.discussion.dto.ThreadEditRequest;
import dev.kelas.learning.discussion.dto.ThreadResponse;
import dev.kelas.learning.discussion.dto.ThreadViewResponse;
import dev.kelas.runtime.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** One discussion thread: read it with its replies, reply, edit, remove, pin and lock, mark read. */
@Path("/api/v1/discussion")
@Authenticated
@APIResponse(responseCode = "404", description = "NOT_FOUND: no such thread or reply for you")
public class DiscussionResource {
    private final DiscussionService discussion;
    private final DiscussionModerationService moderation;
    private final DiscussionQueryService queries;
    private final Caller caller;

    public DiscussionResource(DiscussionService discussion, DiscussionModerationService moderation, DiscussionQueryService queries,
                              Caller caller) {
        this.discussion = discussion;
        this.moderation = moderation;
        this.queries = queries;
        this.caller = caller;
    }

    @GET
    @Path("/threads/{threadId}")
    @Operation(summary = "A thread with its replies, one level deep, oldest first")
    public Uni<ThreadViewResponse> thread(@PathParam("threadId") UUID threadId) {
        return queries.thread(caller, threadId).map(ThreadViewResponse::of);
    }

    @PATCH
    @Path("/threads/{threadId}")
    @Operation(summary = "Edit your thread within the edit window")
    @APIResponse(responseCode = "409", description = "CONFLICT: the edit window has passed, or the thread was removed")
    public Uni<ThreadResponse> editThread(@PathParam("threadId") UUID threadId, @NotNull @Valid ThreadEditRequest request) {
        return discussion.editThread(caller, threadId, request.title(), request.body()).map(t -> ThreadResponse.of(t, null));
    }

    @DELETE
    @Path("/threads/{threadId}")
    @Operation(summary = "Remove a thread: your own, or any as a teacher of the class (reason required)")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: a moderator gave no reason")
    public Uni<ThreadResponse> removeThread(@PathParam("threadId") UUID threadId, @QueryParam("reason") String reason) {
        return moderation.removeThread(caller, threadId, reason).map(t -> ThreadResponse.of(t, null));
    }

    @PUT
    @Path("/threads/{threadId}/moderation")
    @Operation(summary = "Pin or lock a thread (the class's teachers); a locked thread takes no replies")
    public Uni<ThreadResponse> moderate(@PathParam("threadId") UUID threadId, @NotNull @Valid ModerationRequest request) {
        return moderation.moderate(caller, threadId, request.pinned(), request.locked()).map(t -> ThreadResponse.of(t, null));
    }

    @POST
    @Path("/threads/{threadId}/replies")
    @Operation(summary = "Reply in a thread, or to a reply (replies nest one level; answering a nested reply quotes it)")
    @APIResponse(responseCode = "201", description = "Created; kelas.learning.discussion.reply-posted goes out")
    @APIResponse(responseCode = "409", description = "CONFLICT: the thread is locked or removed")
    @APIResponse(responseCode = "429", description = "RATE_LIMITED: too many posts this minute; see Retry-After")
    public Uni<Response> reply(@PathParam("threadId") UUID threadId, @NotNull @Valid ReplyRequest request) {
        return discussion.reply(caller, threadId, request.body(), request.replyTo()).map(r -> Response
                .created(URI.create("/api/v1/discussion/replies/" + r.id)).entity(ReplyResponse.of(r, List.of())).build());
    }

    @POST
    @Path("/threads/{threadId}/read")
    @Operation(summary = "Mark the thread read up to now")
    @APIResponse(responseCode = "204", description = "Marked")
    public Uni<Response> markRead(@PathParam("threadId") UUID threadId) {
        return discussion.markRead(caller, threadId).replaceWith(Response.noContent().build());
    }

    @PATCH
    @Path("/replies/{replyId}")
    @Operation(summary = "Edit your reply within the edit window")
    @APIResponse(responseCode = "409", description = "CONFLICT: the edit window has passed, or the reply was removed")
    public Uni<ReplyResponse> editReply(@PathParam("replyId") UUID replyId, @NotNull @Valid ReplyRequest request) {
        return discussion.editReply(caller, replyId, request.body()).map(r -> ReplyResponse.of(r, List.of()));
    }

    @DELETE
    @Path("/replies/{replyId}")
    @Operation(summary = "Remove a reply: your own, or any as a teacher of the class (reason required)")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: a moderator gave no reason")
    public Uni<ReplyResponse> removeReply(@PathParam("replyId") UUID replyId, @QueryParam("reason") String reason) {
        return moderation.removeReply(caller, replyId, reason).map(r -> ReplyResponse.of(r, List.of()));
    }
}
