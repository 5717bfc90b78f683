package dev.kelas.auth.registration;

import dev.kelas.runtime.persistence.TenantEntity;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * auth-service's copy of one class's join code ({@code kelas.learning.class.join-code-changed}); the id is the class's.
 * learning-service owns the codes and keeps them unique in a school.
 */
@Entity
@Table(name = "class_join_code")
public class ClassJoinCode extends TenantEntity {
    public String code;
    public String className;
    /** The {@code occurredAt} of the event this row is from: an older event changes nothing. */
    public Instant changedAt;

    /** The class whose current code this is in the school (letters compare case-insensitively), or null. */
    public static Uni<ClassJoinCode> findByCode(java.util.UUID tenantId, String code) {
        return find("tenantId = ?1 and upper(code) = upper(?2)", tenantId, code.strip()).firstResult();
    }
}
