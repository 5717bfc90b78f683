package dev.kelas.auth.audit;

import dev.kelas.auth.common.ClientInfo;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes the audit log (OWASP ASVS V16: who, what, when, from where) inside the caller's transaction,
 * so an audited change and its entry commit together, and reads it back for administrators.
 */
@ApplicationScoped
public class AuditTrail {
    private final ObjectMapper json;

    public AuditTrail(ObjectMapper json) {
        this.json = json;
    }

    /** One page of a tenant's audit log, newest first, with the total. */
    public record Page(List<AuditEntry> items, int page, int size, long total) {
    }

    /**
     * Records one act; call inside the transaction that makes the change.
     *
     * @param details what changed: never passwords or tokens
     */
    public Uni<Void> record(UUID tenantId, UUID actorId, String action, String targetType, UUID targetId,
                            Map<String, ?> details, ClientInfo client) {
        AuditEntry entry = new AuditEntry();
        entry.id = UUID.randomUUID();
        entry.tenantId = tenantId;
        entry.actorId = actorId;
        entry.action = action;
        entry.targetType = targetType;
        entry.targetId = targetId;
        try {
            entry.details = json.writeValueAsString(details);
        } catch (JsonProcessingException e) {
            return Uni.createFrom().failure(e);
        }
        entry.ip = client.ip();
        entry.userAgent = client.userAgent();
        entry.at = Instant.now();
        return entry.persist().replaceWithVoid();
    }

    /**
     * A page (from 0) of the tenant's log, optionally only one action, actor or target.
     */
    public Uni<Page> search(UUID tenantId, String action, UUID actorId, UUID targetId, int page, int size) {
        StringBuilder where = new StringBuilder("tenantId = :tenant");
        java.util.Map<String, Object> params = new java.util.HashMap<>(Map.of("tenant", tenantId));
        if (action != null) {
            where.append(" and action = :action");
            params.put("action", action);
        }
        if (actorId != null) {
            where.append(" and actorId = :actor");
            params.put("actor", actorId);
        }
        if (targetId != null) {
            where.append(" and targetId = :target");
            params.put("target", targetId);
        }
        return io.quarkus.hibernate.reactive.panache.Panache.withSession(() -> AuditEntry.<AuditEntry>find(where + " order by at desc", params)
                .page(page, size).list()
                .chain(items -> AuditEntry.count(where.toString(), params).map(total -> new Page(items, page, size, total))));
    }
}
