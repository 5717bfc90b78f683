package dev.kelas.learning.assignment;

import dev.kelas.runtime.persistence.TenantEntity;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** An uploaded file: where the file storage keeps it, what it is and its SHA-256 (hex), checked on every read. */
@Entity
@Table(name = "stored_file")
public class StoredFile extends TenantEntity {
    public String storageKey;
    public String fileName;
    public String contentType;
    public long sizeBytes;
    public String sha256;
    public UUID createdBy;
    public Instant createdAt;

    /**
     * A new, not yet persisted row for a file just stored under {@code storageKey}.
     *
     * @param sizeBytes bytes
     * @param sha256    hex
     */
    public static StoredFile describe(UUID id, UUID tenantId, String storageKey, String fileName, String contentType,
                                      long sizeBytes, String sha256, UUID createdBy) {
        StoredFile file = new StoredFile();
        file.id = id;
        file.tenantId = tenantId;
        file.storageKey = storageKey;
        file.fileName = fileName;
        file.contentType = contentType;
        file.sizeBytes = sizeBytes;
        file.sha256 = sha256;
        file.createdBy = createdBy;
        file.createdAt = Instant.now();
        return file;
    }

    /** The file with this id in this tenant, or null. */
    public static Uni<StoredFile> findInTenant(UUID tenantId, UUID id) {
        return find("tenantId = ?1 and id = ?2", tenantId, id).firstResult();
    }
}
