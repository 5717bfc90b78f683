package dev.kelas.auth.rest;

import dev.kelas.auth.config.AuthConfig;
import dev.kelas.auth.rest.dto.RegisterTenantRequest;
import dev.kelas.auth.rest.dto.TenantResponse;
import dev.kelas.auth.service.AccountService;
import dev.kelas.runtime.problem.ForbiddenException;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Registration of schools (tenants). */
@Path("/api/v1/tenants")
public class TenantResource {
    private final AccountService accounts;
    private final AuthConfig config;

    public TenantResource(AccountService accounts, AuthConfig config) {
        this.accounts = accounts;
        this.config = config;
    }

    @POST
    @PermitAll
    @Operation(summary = "Register a school with its first administrator")
    @APIResponse(responseCode = "201", description = "Registered")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR or MALFORMED_REQUEST")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: registration token required and wrong")
    @APIResponse(responseCode = "409", description = "CONFLICT: slug taken")
    public Uni<Response> registerTenant(@NotNull @Valid RegisterTenantRequest request,
                                        @HeaderParam("X-Kelas-Registration-Token") String registrationToken) {
        if (config.tenantRegistrationToken().isPresent()
                && !java.security.MessageDigest.isEqual(config.tenantRegistrationToken().get().getBytes(),
                registrationToken == null ? new byte[0] : registrationToken.getBytes())) {
            throw new ForbiddenException("Registering a school needs the registration token");
        }
        return accounts.registerTenant(request.name(), request.slug(), request.admin().email(), request.admin().name(),
                        request.admin().password())
                .map(registered -> Response.created(URI.create("/api/v1/tenants/" + registered.tenant().id))
                        .entity(new TenantResponse(registered.tenant().id, registered.tenant().slug,
                                registered.tenant().name, registered.admin().id, registered.tenant().createdAt))
                        .build());
    }
}
