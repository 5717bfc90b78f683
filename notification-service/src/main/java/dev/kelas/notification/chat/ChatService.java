package dev.kelas.notification.chat;

import dev.kelas.notification.audience.ClassMember;
import dev.kelas.notification.audience.ClassMember.ClassRole;
import dev.kelas.notification.audience.UserAccount;
import dev.kelas.notification.config.NotificationConfig;
import dev.kelas.runtime.problem.ConflictException;
import dev.kelas.runtime.problem.ForbiddenException;
import dev.kelas.runtime.problem.NotFoundException;
import dev.kelas.runtime.problem.ValidationException;
import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Class chat and study rooms: who may join (the class's members, from {@code class_member}), messages
 * stored before anyone is told of them, history pages, and a teacher's deletion of a message.
 */
@ApplicationScoped
public class ChatService {
    private static final int MAX_ROOM_NAME = 100;

    private final NotificationConfig config;

    public ChatService(NotificationConfig config) {
        this.config = config;
    }

    /**
     * A room as clients see it.
     *
     * @param kind {@code CLASS} (the class's own room, whose id is the class's id) or {@code STUDY}
     */
    public record RoomView(UUID id, UUID classId, String kind, String name, Instant createdAt) {
    }

    /** A room and the caller's role in its class. */
    public record Membership(RoomView room, UUID tenantId, UUID userId, String userName, ClassRole role) {
    }

    /**
     * A message as clients see it.
     *
     * @param body null once a teacher deleted it
     */
    public record MessageView(long id, UUID roomId, UUID senderId, String senderName, String body, Instant sentAt,
                              boolean deleted) {
    }

    /**
     * A page of a room's history, newest first.
     *
     * @param nextCursor pass as {@code before} for older messages; null when there are none
     */
    public record HistoryPage(List<MessageView> items, String nextCursor) {
    }

    /**
     * Checks that a user may be in a room (a class member), making a class's own room on first use.
     *
     * @throws NotFoundException  if the school has no such room or class
     * @throws ForbiddenException if the user is not a member of the room's class
     * @throws ConflictException  if the study room was closed
     */
    @WithTransaction
    public Uni<Membership> join(UUID tenantId, UUID userId, UUID roomId) {
        return membership(tenantId, userId, roomId);
    }

    /** The rooms a user may join: their classes' own rooms and open study rooms. */
    @WithTransaction
    public Uni<List<RoomView>> rooms(UUID tenantId, UUID userId) {
        return ClassMember.classesOf(tenantId, userId).chain(classes -> {
            Uni<List<RoomView>> own = Uni.createFrom().item(new ArrayList<>());
            for (UUID classId : classes) {
                own = own.chain(list -> ChatRoom.classRoom(tenantId, classId).map(room -> {
                    list.add(view(room));
                    return list;
                }));
            }
            return own.chain(list -> ChatRoom.openStudyRooms(tenantId, classes).map(study -> {
                study.forEach(room -> list.add(view(room)));
                return list;
            }));
        });
    }

    /**
     * Stores a message; only then may it be broadcast.
     *
     * @throws ValidationException if the body is blank or longer than {@code kelas.notification.chat.max-message-length}
     */
    @WithTransaction
    public Uni<MessageView> send(UUID tenantId, UUID userId, UUID roomId, String body) {
        String text = body == null ? "" : body.strip();
        if (text.isEmpty() || text.length() > config.chat().maxMessageLength()) {
            throw new ValidationException("body", "must be 1 to " + config.chat().maxMessageLength() + " characters");
        }
        return membership(tenantId, userId, roomId).chain(member -> {
            ChatMessage message = new ChatMessage();
            message.roomId = roomId;
            message.tenantId = tenantId;
            message.senderId = userId;
            message.body = text;
            message.sentAt = Instant.now();
            return message.persist().map(saved -> view(message, member.userName()));
        });
    }

    /**
     * A page of a room's messages, newest first.
     *
     * @param beforeId only messages with smaller ids (the previous page's cursor), or null for the newest
     */
    @WithTransaction
    public Uni<HistoryPage> history(UUID tenantId, UUID userId, UUID roomId, Long beforeId, int limit) {
        return membership(tenantId, userId, roomId)
                .chain(member -> ChatMessage.pageBefore(tenantId, roomId, beforeId == null ? Long.MAX_VALUE : beforeId, limit + 1))
                .chain(rows -> names(rows.stream().map(m -> m.senderId).distinct().toList()).map(names -> {
                    List<MessageView> items = rows.stream().limit(limit).map(m -> view(m, names.get(m.senderId))).toList();
                    return new HistoryPage(items, rows.size() > limit ? Long.toString(items.get(items.size() - 1).id()) : null);
                }));
    }

    /**
     * A teacher of the room's class deletes a message: it stays in the history as deleted, without its text.
     *
     * @throws ForbiddenException if the user is not a teacher of the class
     * @throws NotFoundException  if the room has no such message
     */
    @WithTransaction
    public Uni<MessageView> deleteMessage(UUID tenantId, UUID userId, UUID roomId, long messageId) {
        return membership(tenantId, userId, roomId).chain(member -> {
            if (member.role() != ClassRole.TEACHER) {
                throw new ForbiddenException("Only a teacher of the class deletes messages");
            }
            return ChatMessage.findInRoom(tenantId, roomId, messageId);
        }).chain(message -> {
            if (message == null) {
                throw new NotFoundException("message", messageId);
            }
            if (message.deletedAt == null) {
                message.deletedAt = Instant.now();
                message.deletedBy = userId;
                message.body = "";
            }
            return names(List.of(message.senderId)).map(names -> view(message, names.get(message.senderId)));
        });
    }

    /**
     * A teacher of a class opens a study room for it.
     *
     * @throws ForbiddenException  if the user is not a teacher of the class
     * @throws NotFoundException   if the school has no such class
     * @throws ValidationException if the name is blank or too long
     */
    @WithTransaction
    public Uni<RoomView> openStudyRoom(UUID tenantId, UUID userId, UUID classId, String name) {
        String text = name == null ? "" : name.strip();
        if (text.isEmpty() || text.length() > MAX_ROOM_NAME) {
            throw new ValidationException("name", "must be 1 to " + MAX_ROOM_NAME + " characters");
        }
        return requireTeacher(tenantId, userId, classId).chain(() -> {
            ChatRoom room = new ChatRoom();
            room.id = UUID.randomUUID();
            room.tenantId = tenantId;
            room.classId = classId;
            room.kind = ChatRoom.STUDY;
            room.name = text;
            room.createdBy = userId;
            room.createdAt = Instant.now();
            return room.persist().map(saved -> view(room));
        });
    }

    /**
     * A teacher of the class closes a study room: nobody may join or write any more; its history stays.
     *
     * @throws ConflictException if it is a class's own room, which cannot be closed
     */
    @WithTransaction
    public Uni<RoomView> closeStudyRoom(UUID tenantId, UUID userId, UUID roomId) {
        return ChatRoom.findInTenant(tenantId, roomId).chain(room -> {
            if (room == null || room.closedAt != null) {
                throw new NotFoundException("room", roomId);
            }
            if (!ChatRoom.STUDY.equals(room.kind)) {
                throw new ConflictException("A class's own room cannot be closed");
            }
            return requireTeacher(tenantId, userId, room.classId).map(ok -> {
                room.closedAt = Instant.now();
                return view(room);
            });
        });
    }

    private Uni<Void> requireTeacher(UUID tenantId, UUID userId, UUID classId) {
        return ClassMember.roleOf(tenantId, classId, userId).chain(role -> {
            if (role == ClassRole.TEACHER) {
                return Uni.createFrom().voidItem();
            }
            return ClassMember.known(tenantId, classId).map(known -> {
                if (!known) {
                    throw new NotFoundException("class", classId);
                }
                throw new ForbiddenException("Only a teacher of the class does this");
            });
        });
    }

    /** The user's membership of a room; a class's own room is made on first use (so: in a transaction). */
    private Uni<Membership> membership(UUID tenantId, UUID userId, UUID roomId) {
        Uni<ChatRoom> room = ChatRoom.findInTenant(tenantId, roomId).chain(found -> found != null
                ? Uni.createFrom().item(found)
                : ClassMember.known(tenantId, roomId).chain(isClass -> isClass ? ChatRoom.classRoom(tenantId, roomId)
                        : Uni.createFrom().nullItem()));
        return room.chain(found -> {
            if (found == null) {
                throw new NotFoundException("room", roomId);
            }
            if (found.closedAt != null) {
                throw new ConflictException("This study room was closed");
            }
            return ClassMember.roleOf(tenantId, found.classId, userId).chain(role -> {
                if (role == null) {
                    throw new ForbiddenException("Only members of the class may use its rooms");
                }
                return names(List.of(userId)).map(names -> new Membership(view(found), tenantId, userId, names.get(userId), role));
            });
        });
    }

    private static Uni<Map<UUID, String>> names(List<UUID> userIds) {
        return UserAccount.findAll(userIds).map(users -> {
            Map<UUID, String> names = users.stream().collect(Collectors.toMap(u -> u.userId, u -> u.name));
            userIds.forEach(id -> names.putIfAbsent(id, "Unknown user"));
            return names;
        });
    }

    private static RoomView view(ChatRoom room) {
        return new RoomView(room.id, room.classId, room.kind, room.name, room.createdAt);
    }

    private static MessageView view(ChatMessage message, String senderName) {
        boolean deleted = message.deletedAt != null;
        return new MessageView(message.id, message.roomId, message.senderId, senderName, deleted ? null : message.body,
                message.sentAt, deleted);
    }
}
