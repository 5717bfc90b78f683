package dev.kelas.learning.calendar;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** A school's settings in learning-service: for now its IANA time zone. One row per school, or none (the default applies). */
@Entity
public class SchoolSetting extends PanacheEntityBase {
    @Id
    public UUID tenantId;
    /** IANA zone id, e.g. {@code Asia/Jakarta}. */
    public String timeZone;
    public Instant updatedAt;
}
