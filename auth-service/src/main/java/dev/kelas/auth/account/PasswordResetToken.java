package dev.kelas.auth.account;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A single-use password-reset token, stored only as its SHA-256 hash. */
@Entity
@Table(name = "password_reset_token")
public class PasswordResetToken extends PanacheEntityBase {
    @Id
    public String tokenHash;
    public UUID tenantId;
    public UUID userId;
    public Instant createdAt;
    public Instant expiresAt;
    public Instant usedAt;
}
