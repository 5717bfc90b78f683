package dev.kelas.auth.domain;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
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
    @Column(name = "token_hash")
    public String tokenHash;
    @Column(name = "tenant_id")
    public UUID tenantId;
    @Column(name = "user_id")
    public UUID userId;
    @Column(name = "created_at")
    public Instant createdAt;
    @Column(name = "expires_at")
    public Instant expiresAt;
    @Column(name = "used_at")
    public Instant usedAt;
}
