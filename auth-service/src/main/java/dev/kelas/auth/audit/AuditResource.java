package dev.kelas.auth.audit;

import dev.kelas.auth.audit.dto.AuditEntryResponse;
import dev.kelas.auth.audit.dto.AuditPage;
import dev.kelas.contracts.Role;
import dev.kelas.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The school's audit log of account changes, for its administrators. */
@Path("/api/v1/audit")
public class AuditResource {
    private final AuditTrail audit;
    private final Caller caller;

    public AuditResource(AuditTrail audit, Caller caller) {
        this.audit = audit;
        this.caller = caller;
    }

    @GET
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "The audit log, newest first; filter by action, actor or target")
    @APIResponse(responseCode = "200", description = "One page of entries")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR: bad page, size or id")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not an administrator")
    public Uni<AuditPage> searchAudit(@QueryParam("action") @Size(max = 100) String action, @QueryParam("actorId") UUID actorId,
                                      @QueryParam("targetId") UUID targetId,
                                      @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                      @QueryParam("size") @DefaultValue("50") @Min(1) @Max(200) int size) {
        return audit.search(caller.tenantId(), action, actorId, targetId, page, size)
                .map(p -> new AuditPage(p.items().stream().map(e -> new AuditEntryResponse(e.id, e.actorId, e.action, e.targetType,
                        e.targetId, e.details, e.ip, e.userAgent, e.at)).toList(), p.page(), p.size(), p.total()));
    }
}
