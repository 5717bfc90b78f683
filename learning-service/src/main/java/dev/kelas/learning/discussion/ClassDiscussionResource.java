package dev.kelas.learning.discussion;

import dev.kelas.learning.discussion.dto.ThreadPageResponse;
import dev.kelas.learning.discussion.dto.ThreadRequest;
import dev.kelas.learning.discussion.dto.ThreadResponse;
import dev.kelas.runtime.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A class's discussion threads: list (search, cursor pages) and open new ones. Members of the class only. */
@Path("/api/v1/classes")
@Authenticated
public class ClassDiscussionResource {
    private final DiscussionService discussion;
    private final DiscussionQueryService queries;
    private final Caller caller;

    public ClassDiscussionResource(DiscussionService discussion, DiscussionQueryService queries, Caller caller) {
        this.discussion = discussion;
        this.queries = queries;
        this.caller = caller;
    }

    @GET
    @Path("/{classId}/discussion/threads")
    @Operation(summary = "The class's threads: pinned first, newest activity next, with your unread replies; q searches titles and bodies")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: you are not a member of this class")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such class in your school")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: a cursor this list did not hand out")
    public Uni<ThreadPageResponse> threads(@PathParam("classId") UUID classId, @QueryParam("q") String q,
                                           @QueryParam("cursor") String cursor,
                                           @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return queries.threads(caller, classId, q, cursor, size).map(page -> new ThreadPageResponse(page.items().stream()
                .map(t -> ThreadResponse.of(t, page.unread().getOrDefault(t.id, 0L))).toList(), page.nextCursor()));
    }

    @POST
    @Path("/{classId}/discussion/threads")
    @Operation(summary = "Open a thread in the class (optionally about one of its assignments)")
    @APIResponse(responseCode = "201", description = "Created; kelas.learning.discussion.thread-created goes out")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: you are not a member of this class")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such class in your school")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: blank title or body, an assignment of another class")
    @APIResponse(responseCode = "429", description = "RATE_LIMITED: too many posts this minute; see Retry-After")
    public Uni<Response> createThread(@PathParam("classId") UUID classId, @NotNull @Valid ThreadRequest request) {
        return discussion.createThread(caller, classId, request.title(), request.body(), request.assignmentId())
                .map(t -> Response.created(URI.create("/api/v1/discussion/threads/" + t.id)).entity(ThreadResponse.of(t, 0L)).build());
    }
}
