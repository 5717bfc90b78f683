package dev.kelas.learning.joincode;

import dev.kelas.runtime.persistence.TenantEntity;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/**
 * A class's join code for self-registration (issue 15); the id is the class's. Rotating replaces the code, turning it
 * off deletes the row: an old code stops working at once.
 */
@Entity
@Table(name = "class_join_code")
public class ClassJoinCode extends TenantEntity {
    public String code;
    public UUID createdBy;
    public Instant createdAt;

    /** Whether a class of the school has this code (letters compare case-insensitively). */
    public static Uni<Boolean> taken(UUID tenantId, String code) {
        return count("tenantId = ?1 and upper(code) = upper(?2)", tenantId, code).map(n -> n > 0);
    }
}
