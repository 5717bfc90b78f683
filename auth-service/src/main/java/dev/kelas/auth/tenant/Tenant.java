package dev.kelas.auth.tenant;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import io.smallrye.mutiny.Uni;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.UUID;

/** A school. Every other row in Kelas belongs to exactly one tenant. */
@Entity
public class Tenant extends PanacheEntityBase {
    @Id
    public UUID id;
    /** URL-safe short name users type at login, unique across Kelas. */
    public String slug;
    public String name;
    public Instant createdAt;
    /** The school's settings, a JSON object (time zone, locale, grading scale ... as the frontend needs). */
    public String settings = "{}";
    /** Whether students may register themselves with a class join code (issue 15; off by default). */
    public boolean selfRegistration;

    /** The tenant with this slug, or null. */
    public static Uni<Tenant> findBySlug(String slug) {
        return find("slug", slug).firstResult();
    }
}
