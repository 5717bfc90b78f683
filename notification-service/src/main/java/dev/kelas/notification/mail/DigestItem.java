package dev.kelas.notification.mail;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A notification a user takes in their daily digest, kept until a digest lists it. */
@Entity
@Table(name = "digest_item")
public class DigestItem extends PanacheEntityBase {
    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
    public UUID tenantId;
    public UUID userId;
    public String type;
    public String title;
    public String body;
    public Instant createdAt;

    /** Keeps a notification for a user's next digest. */
    public static Uni<Void> add(UUID tenantId, UUID userId, String type, String title, String body, Instant createdAt) {
        DigestItem item = new DigestItem();
        item.tenantId = tenantId;
        item.userId = userId;
        item.type = type;
        item.title = title;
        item.body = body;
        item.createdAt = createdAt;
        return item.persist().replaceWithVoid();
    }

    /**
     * Takes every waiting item, oldest first, removing them in the caller's transaction; while the
     * transaction runs, another replica's digest run takes none of them.
     */
    public static Uni<List<DigestItem>> takeAll(int limit) {
        return Panache.getSession().chain(session -> session.createNativeQuery(
                        "select id from digest_item order by id limit ?1 for update skip locked", Long.class)
                        .setParameter(1, limit).getResultList())
                .chain(ids -> ids.isEmpty() ? Uni.createFrom().item(List.<DigestItem>of())
                        : DigestItem.<DigestItem>list("id in ?1 order by id", ids)
                                .call(() -> delete("id in ?1", ids)));
    }
}
