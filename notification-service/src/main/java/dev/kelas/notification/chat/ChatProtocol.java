package dev.kelas.notification.chat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.kelas.notification.chat.ChatService.HistoryPage;
import dev.kelas.notification.chat.ChatService.Membership;
import dev.kelas.notification.chat.ChatService.MessageView;
import dev.kelas.notification.common.AccessTokens.Identity;
import dev.kelas.notification.common.Cursors;
import dev.kelas.notification.common.dto.ClientFrame;
import dev.kelas.notification.push.UserConnection;
import dev.kelas.runtime.messaging.Reactive;
import dev.kelas.runtime.problem.ConflictException;
import dev.kelas.runtime.problem.ValidationException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.UUID;

/**
 * The chat frames of the notification WebSocket: {@code join}, {@code leave}, {@code send}, {@code history},
 * {@code typing} and {@code delete} (see {@link ClientFrame}), each answered on the same connection and fanned
 * out to the room through {@link ChatHub}. The socket authenticates, parses and reports errors; a refused frame
 * throws the {@link dev.kelas.runtime.problem.KelasException} the socket turns into an error frame.
 */
@ApplicationScoped
public class ChatProtocol {
    private static final Set<String> TYPES = Set.of("join", "leave", "send", "history", "typing", "delete");
    private static final int DEFAULT_HISTORY = 50;
    private static final int MAX_HISTORY = 100;

    private final ChatHub chat;
    private final ChatSendLimit sendLimit;
    private final ChatService chatService;
    private final ObjectMapper json;

    public ChatProtocol(ChatHub chat, ChatSendLimit sendLimit, ChatService chatService, ObjectMapper json) {
        this.chat = chat;
        this.sendLimit = sendLimit;
        this.chatService = chatService;
        this.json = json;
    }

    /** Whether a frame of this type is a chat frame, for {@link #handle}. */
    public boolean handles(String type) {
        return TYPES.contains(type);
    }

    /** Handles one chat frame of a user on one of their connections. */
    public void handle(Identity me, UserConnection connection, ClientFrame frame) {
        switch (frame.type()) {
            case "join" -> {
                Membership membership = Reactive.await(() -> chatService.join(me.tenantId(), me.userId(), room(frame)));
                chat.join(connection, membership);
                ObjectNode joined = reply("joined", frame).put("roomId", membership.room().id().toString())
                        .put("role", membership.role().name());
                joined.set("room", json.valueToTree(membership.room()));
                connection.send(joined.toString());
            }
            case "leave" -> {
                chat.leave(connection, room(frame));
                connection.send(reply("left", frame).put("roomId", room(frame).toString()).toString());
            }
            case "send" -> {
                UUID roomId = requireJoined(connection, frame);
                sendLimit.count(me.userId(), roomId);
                MessageView message = Reactive.await(() -> chatService.send(me.tenantId(), me.userId(), roomId, frame.body()));
                connection.send(reply("sent", frame).put("messageId", message.id()).toString());
                chat.broadcastMessage(me.tenantId(), message);
            }
            case "history" -> {
                UUID roomId = room(frame);
                int limit = frame.limit() == null ? DEFAULT_HISTORY : frame.limit();
                if (limit < 1 || limit > MAX_HISTORY) {
                    throw new ValidationException("limit", "must be 1 to " + MAX_HISTORY);
                }
                Long before = Cursors.parseId("before", frame.before());
                HistoryPage page = Reactive.await(() -> chatService.history(me.tenantId(), me.userId(), roomId, before, limit));
                ObjectNode history = reply("history", frame).put("roomId", roomId.toString()).put("nextCursor", page.nextCursor());
                history.set("items", json.valueToTree(page.items()));
                connection.send(history.toString());
            }
            case "typing" -> {
                UUID roomId = requireJoined(connection, frame);
                Membership membership = Reactive.await(() -> chatService.join(me.tenantId(), me.userId(), roomId));
                chat.broadcastTyping(me.tenantId(), roomId, me.userId(), membership.userName());
            }
            case "delete" -> {
                UUID roomId = room(frame);
                if (frame.messageId() == null) {
                    throw new ValidationException("messageId", "is required");
                }
                MessageView deleted = Reactive.await(() -> chatService.deleteMessage(me.tenantId(), me.userId(), roomId,
                        frame.messageId()));
                connection.send(reply("deleted-ok", frame).put("messageId", deleted.id()).toString());
                chat.broadcastDeleted(me.tenantId(), roomId, deleted.id());
            }
            default -> throw new IllegalArgumentException("Not a chat frame: " + frame.type());
        }
    }

    /** Takes a closed connection out of every room it joined. */
    public void leaveAll(UserConnection connection) {
        chat.leaveAll(connection);
    }

    private UUID requireJoined(UserConnection connection, ClientFrame frame) {
        UUID roomId = room(frame);
        if (!chat.joined(connection, roomId)) {
            throw new ConflictException("Join the room on this connection first");
        }
        return roomId;
    }

    private static UUID room(ClientFrame frame) {
        if (frame.roomId() == null) {
            throw new ValidationException("roomId", "is required");
        }
        return frame.roomId();
    }

    private ObjectNode reply(String type, ClientFrame frame) {
        ObjectNode reply = json.createObjectNode().put("type", type);
        if (frame.ref() != null) {
            reply.put("ref", frame.ref());
        }
        return reply;
    }
}
