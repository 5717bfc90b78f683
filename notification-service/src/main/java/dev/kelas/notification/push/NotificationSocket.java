package dev.kelas.notification.push;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelas.contracts.ErrorCode;
import dev.kelas.notification.chat.ChatProtocol;
import dev.kelas.notification.common.AccessTokens;
import dev.kelas.notification.common.AccessTokens.Identity;
import dev.kelas.notification.common.dto.ClientFrame;
import dev.kelas.runtime.problem.ConflictException;
import dev.kelas.runtime.problem.KelasException;
import dev.kelas.runtime.problem.UnauthenticatedException;
import dev.kelas.runtime.problem.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * The WebSocket at {@code /api/v1/notifications/ws?access_token=<JWT>}: live notifications (after a
 * {@code resume} frame, replaying what came after its {@code lastId}), heartbeats, and class chat over
 * the same connection (its frames handled by {@link ChatProtocol}). Frames are JSON text both ways (see
 * {@link ClientFrame}); every refused frame is answered {@code {"type":"error","code":...,"detail":...,"ref":...}} with the stable codes of the REST API.
 * A connection without a valid token gets that error with {@code UNAUTHENTICATED} and is closed with 1008, and so
 * does one whose token is revoked later (at its next frame, or at the next heartbeat).
 */
@ServerEndpoint(value = "/api/v1/notifications/ws")
@ApplicationScoped
public class NotificationSocket {
    private static final Logger LOG = Logger.getLogger(NotificationSocket.class);
    private static final int MAX_FRAME_CHARS = 16 * 1024;
    private static final int OPEN_WAIT_SECONDS = 30;

    /** One open socket: its identity and its connection in the push hub. */
    private record Socket(Identity identity, UserConnection connection) {
    }

    private final AccessTokens tokens;
    private final PushHub push;
    private final ChatProtocol chatProtocol;
    private final ObjectMapper json;
    // Completed by open(); a frame may be dispatched while open() still verifies the token, and waits for it.
    private final Map<String, CompletableFuture<Socket>> sockets = new ConcurrentHashMap<>();

    public NotificationSocket(AccessTokens tokens, PushHub push, ChatProtocol chatProtocol, ObjectMapper json) {
        this.tokens = tokens;
        this.push = push;
        this.chatProtocol = chatProtocol;
        this.json = json;
    }

    /** Authenticates the socket with {@code ?access_token=}; an invalid token is told so and closed (1008). */
    @OnOpen
    public void open(Session session) {
        CompletableFuture<Socket> opened = socketOf(session);
        Identity identity;
        try {
            List<String> token = session.getRequestParameterMap().get("access_token");
            identity = tokens.verify(null, token == null || token.isEmpty() ? null : token.get(0));
        } catch (UnauthenticatedException e) {
            opened.complete(null);
            refuse(session, e);
            return;
        }
        session.setMaxTextMessageBufferSize(MAX_FRAME_CHARS);
        UserConnection connection = push.openWebSocket(identity.tenantId(), identity.userId(), identity.issuedAt(), session);
        connection.send(json.createObjectNode().put("type", "ready").put("userId", identity.userId().toString()).toString());
        opened.complete(new Socket(identity, connection));
    }

    /** Handles one client frame; runs on a worker thread ({@code quarkus.websocket.dispatch-to-worker}). */
    @OnMessage
    public void message(String text, Session session) {
        Socket socket;
        try {
            socket = socketOf(session).get(OPEN_WAIT_SECONDS, TimeUnit.SECONDS);
        } catch (InterruptedException | ExecutionException | TimeoutException e) {
            socket = null;
        }
        if (socket == null) {
            return; // refused, or still not open: the client is being closed
        }
        if (tokens.revoked(socket.identity())) {
            refuse(session, new UnauthenticatedException("The access token was revoked"));
            return;
        }
        ClientFrame frame;
        try {
            frame = json.readValue(text, ClientFrame.class);
        } catch (JsonProcessingException e) {
            socket.connection().send(error(ErrorCode.MALFORMED_REQUEST, "A frame is a JSON object with a known type", null).toString());
            return;
        }
        try {
            handle(socket, frame == null ? new ClientFrame(null, null, null, null, null, null, null, null) : frame);
        } catch (KelasException e) {
            ObjectNode error = error(e.code(), e.getMessage(), frame == null ? null : frame.ref());
            if (e instanceof dev.kelas.runtime.problem.TooManyRequestsException limited) {
                error.put("retryAfter", limited.retryAfterSeconds());
            }
            socket.connection().send(error.toString());
        } catch (RuntimeException e) {
            LOG.errorf(e, "WebSocket frame of user %s failed", socket.identity().userId());
            socket.connection().send(error(ErrorCode.INTERNAL_ERROR, "An unexpected error occurred", frame == null ? null : frame.ref()).toString());
        }
    }

    /** Forgets the socket: no more pushes, out of every room. */
    @OnClose
    public void close(Session session) {
        CompletableFuture<Socket> opened = sockets.remove(session.getId());
        Socket socket = opened == null ? null : opened.getNow(null);
        if (socket != null) {
            push.forget(socket.connection());
            chatProtocol.leaveAll(socket.connection());
        }
    }

    /** A transport error ends the socket; {@link #close} follows. */
    @OnError
    public void error(Session session, Throwable error) {
        LOG.debugf("WebSocket %s failed: %s", session.getId(), error.toString());
    }

    private CompletableFuture<Socket> socketOf(Session session) {
        return sockets.computeIfAbsent(session.getId(), id -> new CompletableFuture<>());
    }

    private void handle(Socket socket, ClientFrame frame) {
        Identity me = socket.identity();
        UserConnection connection = socket.connection();
        String type = frame.type() == null ? "" : frame.type();
        if (chatProtocol.handles(type)) {
            chatProtocol.handle(me, connection, frame);
            return;
        }
        switch (type) {
            case "resume" -> {
                long lastId = frame.lastId() == null ? 0 : frame.lastId();
                if (lastId < 0) {
                    throw new ValidationException("lastId", "must be the id of a notification (a whole number from 0)");
                }
                if (!connection.startReplay()) {
                    throw new ConflictException("This connection resumed already");
                }
                push.resume(connection, lastId);
            }
            case "ping" -> connection.send(reply("pong", frame).toString());
            default -> throw new ValidationException("type",
                    "must be one of resume, join, leave, send, history, typing, delete, ping");
        }
    }

    private ObjectNode reply(String type, ClientFrame frame) {
        ObjectNode reply = json.createObjectNode().put("type", type);
        if (frame.ref() != null) {
            reply.put("ref", frame.ref());
        }
        return reply;
    }

    private ObjectNode error(ErrorCode code, String detail, String ref) {
        ObjectNode error = json.createObjectNode().put("type", "error").put("code", code.name()).put("detail", detail);
        if (ref != null) {
            error.put("ref", ref);
        }
        return error;
    }

    private void refuse(Session session, UnauthenticatedException e) {
        try {
            session.getBasicRemote().sendText(error(ErrorCode.UNAUTHENTICATED, e.getMessage(), null).toString());
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, ErrorCode.UNAUTHENTICATED.name()));
        } catch (IOException | RuntimeException ignored) {
            // the client went away first
        }
    }
}
