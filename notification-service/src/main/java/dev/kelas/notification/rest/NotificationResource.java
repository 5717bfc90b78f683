package dev.kelas.notification.rest;

import dev.kelas.notification.config.NotificationConfig;
import dev.kelas.notification.push.PushHub;
import dev.kelas.notification.push.SseConnection;
import dev.kelas.notification.rest.dto.InboxResponse;
import dev.kelas.notification.service.NotificationService;
import dev.kelas.runtime.messaging.Reactive;
import dev.kelas.runtime.problem.UnauthenticatedException;
import dev.kelas.runtime.problem.ValidationException;
import dev.kelas.runtime.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.common.annotation.Blocking;
import dev.kelas.runtime.security.RevokedTokenAugmentor;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The caller's notifications: the inbox list and the live SSE stream. */
@Path("/api/v1/notifications")
public class NotificationResource {
    private final NotificationService notifications;
    private final PushHub push;
    private final NotificationConfig config;
    private final JWTParser jwtParser;
    private final Caller caller;
    private final RevokedTokenAugmentor tokenCheck;

    public NotificationResource(NotificationService notifications, PushHub push, NotificationConfig config,
                                JWTParser jwtParser, Caller caller, RevokedTokenAugmentor tokenCheck) {
        this.tokenCheck = tokenCheck;
        this.notifications = notifications;
        this.push = push;
        this.config = config;
        this.jwtParser = jwtParser;
        this.caller = caller;
    }

    @GET
    @Authenticated
    @Operation(summary = "The caller's notifications, newest first")
    @APIResponse(responseCode = "200", description = "One page with the total")
    @APIResponse(responseCode = "401", description = "UNAUTHENTICATED")
    public Uni<InboxResponse> inbox(@QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                    @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return notifications.inbox(caller.tenantId(), caller.userId(), page, size)
                .map(p -> new InboxResponse(p.items(), p.page(), p.size(), p.total()));
    }

    /**
     * Server-sent events: each notification as it happens, {@code id:} its id, {@code event:} its
     * CloudEvents type, {@code data:} its JSON. The token comes as {@code Authorization: Bearer} or,
     * for browsers' EventSource which cannot set headers, as {@code ?access_token=}. After a
     * reconnect, {@code Last-Event-ID} (header, or {@code lastEventId} query parameter) replays what
     * was missed.
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
        JsonWebToken token = verify(authorization, accessToken);
        UUID tenantId = uuidClaim(token.getClaim(Caller.TENANT_CLAIM));
        UUID userId = uuidClaim(token.getSubject());
        long lastEventId = parseLastEventId(lastEventIdHeader != null ? lastEventIdHeader : lastEventIdQuery);
        SseConnection connection = push.open(tenantId, userId, sink, sse, (tenant, user, after, before) ->
                Reactive.await(() -> notifications.missedSince(tenant, user, after, (int) Math.min(before - after - 1, config.maxReplay())))
                        .stream().filter(n -> n.seq() < before).toList());
        if (lastEventId == 0) {
            // A new stream starts now: what is numbered by now is in the inbox, not on the stream.
            connection.finishReplay(List.of(), Reactive.await(() -> notifications.lastSeq(tenantId, userId)));
        } else {
            connection.finishReplay(Reactive.await(() -> notifications.missedSince(tenantId, userId, lastEventId,
                    config.maxReplay())), lastEventId);
        }
    }

    private JsonWebToken verify(String authorization, String accessToken) {
        String raw = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim() : accessToken;
        if (raw == null || raw.isBlank()) {
            throw new UnauthenticatedException("A valid access token is required (Authorization header or access_token)");
        }
        try {
            JsonWebToken token = jwtParser.parse(raw);
            if (!tokenCheck.isUsable(token)) {
                throw new UnauthenticatedException("The access token was revoked or is not an access token");
            }
            return token;
        } catch (ParseException e) {
            throw new UnauthenticatedException("A valid access token is required");
        }
    }

    private static UUID uuidClaim(Object value) {
        try {
            return UUID.fromString(String.valueOf(value).replace("\"", ""));
        } catch (IllegalArgumentException e) {
            throw new UnauthenticatedException("The access token lacks its subject or tenant");
        }
    }

    private static long parseLastEventId(String value) {
        if (value == null || value.isBlank()) {
            return 0;
        }
        try {
            long id = Long.parseLong(value.trim());
            if (id < 0) {
                throw new NumberFormatException();
            }
            return id;
        } catch (NumberFormatException e) {
            throw new ValidationException("Last-Event-ID", "must be the id of an event this stream sent");
        }
    }
}
