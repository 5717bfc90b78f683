package dev.kelas.auth.tenant;

import dev.kelas.auth.account.AccountService;
import dev.kelas.auth.common.Clients;
import dev.kelas.auth.config.AuthConfig;
import dev.kelas.auth.tenant.dto.RegisterTenantRequest;
import dev.kelas.auth.tenant.dto.SchoolResponse;
import dev.kelas.auth.tenant.dto.TenantResponse;
import dev.kelas.auth.tenant.dto.UpdateSchoolRequest;
import dev.kelas.contracts.Role;
import dev.kelas.runtime.problem.ForbiddenException;
import dev.kelas.runtime.problem.ValidationException;
import dev.kelas.runtime.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Registration of schools (tenants). */
@Path("/api/v1/tenants")
public class TenantResource {
    private final AccountService accounts;
    private final AuthConfig config;
    private final Caller caller;

    public TenantResource(AccountService accounts, AuthConfig config, Caller caller) {
        this.accounts = accounts;
        this.config = config;
        this.caller = caller;
    }

    @POST
    @PermitAll
    @Operation(summary = "Register a school with its first administrator")
    @APIResponse(responseCode = "201", description = "Registered")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR or MALFORMED_REQUEST")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: the password breaks the policy")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: registration token required and wrong")
    @APIResponse(responseCode = "409", description = "CONFLICT: slug taken")
    public Uni<Response> registerTenant(@NotNull @Valid RegisterTenantRequest request,
                                        @HeaderParam("X-Kelas-Registration-Token") String registrationToken,
                                        @Context HttpServerRequest http) {
        if (config.tenantRegistrationToken().isPresent()
                && !java.security.MessageDigest.isEqual(config.tenantRegistrationToken().get().getBytes(),
                registrationToken == null ? new byte[0] : registrationToken.getBytes())) {
            throw new ForbiddenException("Registering a school needs the registration token");
        }
        return accounts.registerTenant(request.name(), request.slug(), request.admin().email(), request.admin().name(),
                        request.admin().password(), Clients.of(http))
                .map(registered -> Response.created(URI.create("/api/v1/tenants/" + registered.tenant().id))
                        .entity(new TenantResponse(registered.tenant().id, registered.tenant().slug,
                                registered.tenant().name, registered.admin().id, registered.tenant().createdAt))
                        .build());
    }

    @GET
    @Path("/current")
    @Authenticated
    @Operation(summary = "The caller's school with its settings")
    @APIResponse(responseCode = "200", description = "The school")
    public Uni<SchoolResponse> currentSchool() {
        return accounts.tenant(caller.tenantId()).map(SchoolResponse::of);
    }

    @PATCH
    @Path("/current")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Rename the caller's school or replace its settings (at most 16 KiB of JSON)")
    @APIResponse(responseCode = "200", description = "The school as it now is")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR or MALFORMED_REQUEST (settings must be an object)")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not an administrator")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: settings larger than 16 KiB")
    public Uni<SchoolResponse> updateSchool(@NotNull @Valid UpdateSchoolRequest request, @Context HttpServerRequest http) {
        String settings = request.settings() == null ? null : request.settings().toString();
        if (settings != null && settings.length() > 16 * 1024) {
            throw new ValidationException("settings", "must be at most 16 KiB of JSON");
        }
        return accounts.updateTenant(caller.tenantId(), caller.userId(), request.name(), settings, Clients.of(http))
                .map(SchoolResponse::of);
    }
}
