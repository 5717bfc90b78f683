package dev.kelas.auth.audit;

import dev.kelas.runtime.persistence.TenantEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One row of the audit log: who ({@code actorId}) did what ({@code action}) to which account, when, from where. */
@Entity
@Table(name = "audit_log")
public class AuditEntry extends TenantEntity {
    /** The acting user; null for an anonymous act (a failed login, a reset request). */
    public UUID actorId;
    /** e.g. {@code user.created}, {@code user.role-changed}, {@code user.deactivated}, {@code auth.logout-all}. */
    public String action;
    public String targetType;
    public UUID targetId;
    /** JSON object with what changed (never a password or token). */
    public String details;
    public String ip;
    public String userAgent;
    public Instant at;
}
