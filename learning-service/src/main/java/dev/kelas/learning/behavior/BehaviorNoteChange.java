package dev.kelas.learning.behavior;

import dev.kelas.runtime.persistence.TenantEntity;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One edit or deletion of a behaviour note: the note before and after as JSON, who, when, why. The table refuses updates and deletes. */
@Entity
public class BehaviorNoteChange extends TenantEntity {
    public UUID noteId;
    /** {@code UPDATED} or {@code DELETED}. */
    public String action;
    /** The note before, as a JSON object. */
    public String oldNote;
    /** The note after, as a JSON object; null for a deletion. */
    public String newNote;
    public String reason;
    public UUID changedBy;
    public Instant changedAt;

    /** A note's changes, oldest first. */
    public static Uni<List<BehaviorNoteChange>> listForNote(UUID tenantId, UUID noteId) {
        return list("tenantId = ?1 and noteId = ?2 order by changedAt", tenantId, noteId);
    }
}
