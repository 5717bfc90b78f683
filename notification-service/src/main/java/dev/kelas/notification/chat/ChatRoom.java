package dev.kelas.notification.chat;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A chat room: a class's own room ({@code CLASS}, whose id is the class's id) or a study room a teacher
 * opened for a class ({@code STUDY}). Only the class's members may join either.
 */
@Entity
@Table(name = "chat_room")
public class ChatRoom extends PanacheEntityBase {
    /** Kinds of room. */
    public static final String CLASS = "CLASS";
    public static final String STUDY = "STUDY";
    /** The name of every class's own room (class names are not in any event this service reads). */
    public static final String CLASS_ROOM_NAME = "Class chat";

    @Id
    public UUID id;
    public UUID tenantId;
    public UUID classId;
    public String kind;
    public String name;
    public UUID createdBy;
    public Instant createdAt;
    public Instant closedAt;

    /** A room of this school, or null. */
    public static Uni<ChatRoom> findInTenant(UUID tenantId, UUID roomId) {
        return find("tenantId = ?1 and id = ?2", tenantId, roomId).firstResult();
    }

    /** The class's own room, made the first time someone needs it. */
    public static Uni<ChatRoom> classRoom(UUID tenantId, UUID classId) {
        return Panache.getSession().chain(session -> session.createNativeQuery("""
                        insert into chat_room (id, tenant_id, class_id, kind, name, created_at)
                        values (?1, ?2, ?1, 'CLASS', ?3, now()) on conflict (id) do nothing""")
                        .setParameter(1, classId).setParameter(2, tenantId).setParameter(3, CLASS_ROOM_NAME).executeUpdate())
                .chain(() -> findInTenant(tenantId, classId));
    }

    /** The open study rooms of these classes of a school, oldest first. */
    public static Uni<List<ChatRoom>> openStudyRooms(UUID tenantId, List<UUID> classIds) {
        return classIds.isEmpty() ? Uni.createFrom().item(List.of())
                : list("tenantId = ?1 and classId in ?2 and kind = ?3 and closedAt is null order by createdAt",
                        tenantId, classIds, STUDY);
    }
}
