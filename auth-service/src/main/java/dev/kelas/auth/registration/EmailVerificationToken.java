package dev.kelas.auth.registration;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A single-use token that proves a self-registered student's e-mail address, stored only as its SHA-256 hash. */
@Entity
@Table(name = "email_verification_token")
public class EmailVerificationToken extends PanacheEntityBase {
    @Id
    public String tokenHash;
    public UUID tenantId;
    public UUID userId;
    /** The class whose join code the student used; they are enrolled there once verified. */
    public UUID classId;
    public Instant createdAt;
    public Instant expiresAt;
    public Instant usedAt;
}
