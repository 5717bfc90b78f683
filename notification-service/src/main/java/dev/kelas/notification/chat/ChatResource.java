package dev.kelas.notification.chat;

import dev.kelas.notification.chat.ChatService.HistoryPage;
import dev.kelas.notification.chat.dto.RoomsResponse;
import dev.kelas.notification.chat.dto.StudyRoomRequest;
import dev.kelas.notification.common.Cursors;
import dev.kelas.runtime.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Chat rooms over REST: the rooms a user may join, study rooms a teacher opens and closes, history, and a
 * teacher's deletion. Live chat (join, send, typing, presence) runs on the WebSocket.
 */
@Path("/api/v1/chat/rooms")
@Authenticated
public class ChatResource {
    private final ChatService chat;
    private final ChatHub hub;
    private final Caller caller;

    public ChatResource(ChatService chat, ChatHub hub, Caller caller) {
        this.chat = chat;
        this.hub = hub;
        this.caller = caller;
    }

    /** The rooms the caller may join: each of their classes' own rooms (id = the class's id) and open study rooms. */
    @GET
    @Operation(summary = "Rooms the caller may join")
    public Uni<RoomsResponse> rooms() {
        return chat.rooms(caller.tenantId(), caller.userId()).map(RoomsResponse::new);
    }

    /** A teacher of a class opens a study room for it. */
    @POST
    @Operation(summary = "Open a study room for a class (its teacher)")
    @APIResponse(responseCode = "201", description = "The room")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not a teacher of the class")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such class")
    public Uni<Response> open(@NotNull @Valid StudyRoomRequest request) {
        return chat.openStudyRoom(caller.tenantId(), caller.userId(), request.classId(), request.name())
                .map(room -> Response.status(201).entity(room).build());
    }

    /** A teacher of the class closes a study room; its members are told and leave it. */
    @DELETE
    @Path("/{roomId}")
    @Operation(summary = "Close a study room (a teacher of its class)")
    @APIResponse(responseCode = "204", description = "Closed")
    @APIResponse(responseCode = "409", description = "CONFLICT: a class's own room cannot be closed")
    public Uni<Void> close(@PathParam("roomId") UUID roomId) {
        return chat.closeStudyRoom(caller.tenantId(), caller.userId(), roomId)
                .invoke(room -> hub.broadcastClosed(caller.tenantId(), room.id())).replaceWithVoid();
    }

    /** A page of a room's messages, newest first; {@code before} is the previous page's {@code nextCursor}. */
    @GET
    @Path("/{roomId}/messages")
    @Operation(summary = "Message history, newest first, with cursor pagination (members of the class)")
    @APIResponse(responseCode = "200", description = "{items, nextCursor}")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not a member of the room's class")
    public Uni<HistoryPage> history(@PathParam("roomId") UUID roomId, @QueryParam("before") String before,
                                    @QueryParam("size") @DefaultValue("50") @Min(1) @Max(100) int size) {
        return chat.history(caller.tenantId(), caller.userId(), roomId, Cursors.parseId("before", before), size);
    }

    /** A teacher of the room's class deletes a message; members online are told at once. */
    @DELETE
    @Path("/{roomId}/messages/{messageId}")
    @Operation(summary = "Delete a message (a teacher of the class)")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not a teacher of the class")
    public Uni<Void> deleteMessage(@PathParam("roomId") UUID roomId, @PathParam("messageId") long messageId) {
        return chat.deleteMessage(caller.tenantId(), caller.userId(), roomId, messageId)
                .invoke(message -> hub.broadcastDeleted(caller.tenantId(), roomId, message.id())).replaceWithVoid();
    }
}
