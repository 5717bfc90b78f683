package dev.kelas.notification.inbox;

import static dev.kelas.notification.common.Cursors.parseId;

import dev.kelas.notification.common.AccessTokens;
import dev.kelas.notification.common.AccessTokens.Identity;
import dev.kelas.notification.inbox.dto.InboxResponse;
import dev.kelas.notification.inbox.dto.PreferenceRequest;
import dev.kelas.notification.inbox.dto.PreferencesResponse;
import dev.kelas.notification.inbox.dto.ReadAllResponse;
import dev.kelas.notification.inbox.dto.UnreadCountResponse;
import dev.kelas.notification.preferences.PreferenceService;
import dev.kelas.notification.preferences.PreferenceService.Choice;
import dev.kelas.notification.push.PushHub;
import dev.kelas.notification.push.UserConnection;
import dev.kelas.runtime.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The caller's notifications: the inbox, its preferences and the live SSE stream. */
@Path("/api/v1/notifications")
public class NotificationResource {
    private final NotificationService notifications;
    private final PreferenceService preferences;
    private final PushHub push;
    private final AccessTokens tokens;
    private final Caller caller;

    public NotificationResource(NotificationService notifications, PreferenceService preferences, PushHub push,
                                AccessTokens tokens, Caller caller) {
        this.notifications = notifications;
        this.preferences = preferences;
        this.push = push;
        this.tokens = tokens;
        this.caller = caller;
    }

    /** A page of the caller's notifications, newest first; {@code before} is the previous page's {@code nextCursor}. */
    @GET
    @Authenticated
    @Operation(summary = "The caller's notifications, newest first, with cursor pagination")
    @APIResponse(responseCode = "200", description = "{items, nextCursor, total, unread}")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: before is not a cursor")
    public Uni<InboxResponse> inbox(@QueryParam("before") String before,
                                    @QueryParam("unread") @DefaultValue("false") boolean unreadOnly,
                                    @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return notifications.inbox(caller.tenantId(), caller.userId(), parseId("before", before), unreadOnly, size)
                .map(p -> new InboxResponse(p.items(), p.nextCursor(), p.total(), p.unread()));
    }

    /** How many of the caller's notifications are unread. */
    @GET
    @Path("/unread-count")
    @Authenticated
    @Operation(summary = "The caller's unread count")
    public Uni<UnreadCountResponse> unreadCount() {
        return notifications.unreadCount(caller.tenantId(), caller.userId()).map(UnreadCountResponse::new);
    }

    /** Marks one of the caller's notifications read. */
    @POST
    @Path("/{id}/read")
    @Authenticated
    @Operation(summary = "Mark one notification read")
    @APIResponse(responseCode = "204", description = "Read")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: not one of the caller's notifications")
    public Uni<Void> markRead(@PathParam("id") long id) {
        return notifications.markRead(caller.tenantId(), caller.userId(), id);
    }

    /** Marks the caller's notifications read, all of them or those numbered up to {@code upTo} (the last one shown). */
    @POST
    @Path("/read-all")
    @Authenticated
    @Operation(summary = "Mark all (or all up to an SSE/WebSocket id) read")
    @APIResponse(responseCode = "200", description = "{updated}")
    public Uni<ReadAllResponse> markAllRead(@QueryParam("upTo") String upTo) {
        return notifications.markAllRead(caller.tenantId(), caller.userId(), parseId("upTo", upTo)).map(ReadAllResponse::new);
    }

    /** Deletes one of the caller's notifications. */
    @DELETE
    @Path("/{id}")
    @Authenticated
    @Operation(summary = "Delete one notification")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: not one of the caller's notifications")
    public Uni<Void> delete(@PathParam("id") long id) {
        return notifications.delete(caller.tenantId(), caller.userId(), id);
    }

    /** The caller's delivery choice for every notification type (defaults where none is stored). */
    @GET
    @Path("/preferences")
    @Authenticated
    @Operation(summary = "Per-type delivery preferences: in-app, e-mail (OFF, IMMEDIATE, DAILY_DIGEST)")
    public Uni<PreferencesResponse> preferences() {
        return preferences.preferences(caller.tenantId(), caller.userId()).map(PreferencesResponse::new);
    }

    /** Sets the caller's delivery of one notification type; both in-app and e-mail off means not at all. */
    @PUT
    @Path("/preferences/{type}")
    @Authenticated
    @Operation(summary = "Choose how one notification type arrives")
    @APIResponse(responseCode = "200", description = "The stored choice")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such notification type")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: the password-reset mail cannot be turned off")
    public Uni<Choice> choose(@PathParam("type") String type, @NotNull @Valid PreferenceRequest request) {
        return preferences.choose(caller.tenantId(), caller.userId(), type, request.inApp(), request.email());
    }

    /**
     * Server-sent events: each notification as it happens, {@code id:} its number, {@code event:} its
     * CloudEvents type, {@code data:} its JSON; a comment every {@code kelas.notification.heartbeat}. The token
     * comes as {@code Authorization: Bearer} or, for browsers' EventSource which cannot set headers, as
     * {@code ?access_token=}. After a reconnect, {@code Last-Event-ID} (header, or {@code lastEventId} query
     * parameter) replays what was missed.
     */
    @GET
    @Path("/stream")
    @PermitAll
    @Blocking
    @Produces(MediaType.SERVER_SENT_EVENTS)
    @Operation(summary = "Live notifications over SSE, with replay after Last-Event-ID")
    @APIResponse(responseCode = "200", description = "text/event-stream")
    @APIResponse(responseCode = "401", description = "UNAUTHENTICATED: no or invalid token")
    public void stream(@Context SseEventSink sink, @Context Sse sse,
                       @HeaderParam("Authorization") String authorization,
                       @QueryParam("access_token") String accessToken,
                       @HeaderParam("Last-Event-ID") String lastEventIdHeader,
                       @QueryParam("lastEventId") String lastEventIdQuery) {
        Identity identity = tokens.verify(authorization, accessToken);
        Long lastEventId = parseId("Last-Event-ID", lastEventIdHeader != null ? lastEventIdHeader : lastEventIdQuery);
        UserConnection connection = push.openSse(identity.tenantId(), identity.userId(), identity.issuedAt(), sink, sse);
        push.resume(connection, lastEventId == null ? 0 : lastEventId);
    }
}
