package dev.kelas.notification.chat;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.quarkus.panache.common.Page;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One message in a chat room; a teacher's deletion keeps the row and drops what it said. */
@Entity
@Table(name = "chat_message")
public class ChatMessage extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID roomId;
    public UUID tenantId;
    public UUID senderId;
    public String body;
    public Instant sentAt;
    public Instant deletedAt;
    public UUID deletedBy;

    /** Up to {@code limit} messages of a room with ids below {@code beforeId}, newest first. */
    public static Uni<List<ChatMessage>> pageBefore(UUID tenantId, UUID roomId, long beforeId, int limit) {
        return find("tenantId = ?1 and roomId = ?2 and id < ?3 order by id desc", tenantId, roomId, beforeId)
                .page(Page.ofSize(limit)).list();
    }

    /** A message of a room, or null. */
    public static Uni<ChatMessage> findInRoom(UUID tenantId, UUID roomId, long id) {
        return find("tenantId = ?1 and roomId = ?2 and id = ?3", tenantId, roomId, id).firstResult();
    }
}
