package dev.kelas.auth.registration;

import dev.kelas.auth.common.Clients;
import dev.kelas.auth.registration.dto.SelfRegistrationSetting;
import dev.kelas.contracts.Role;
import dev.kelas.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The school's self-registration switch (administrators; off by default). */
@Path("/api/v1/tenants/current/self-registration")
@RolesAllowed(Role.ADMIN_NAME)
public class SelfRegistrationSettingResource {
    private final SelfRegistrationService registrations;
    private final Caller caller;

    public SelfRegistrationSettingResource(SelfRegistrationService registrations, Caller caller) {
        this.registrations = registrations;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "Whether the school takes self-registrations of students with a class join code")
    @APIResponse(responseCode = "200", description = "{enabled}")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not an administrator")
    public Uni<SelfRegistrationSetting> get() {
        return registrations.enabled(caller.tenantId()).map(SelfRegistrationSetting::new);
    }

    @PUT
    @Operation(summary = "Turn self-registration with class join codes on or off")
    @APIResponse(responseCode = "200", description = "{enabled} as it now is")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR or MALFORMED_REQUEST")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not an administrator")
    public Uni<SelfRegistrationSetting> set(@NotNull @Valid SelfRegistrationSetting request, @Context HttpServerRequest http) {
        return registrations.setEnabled(caller.tenantId(), caller.userId(), request.enabled(), Clients.of(http))
                .map(SelfRegistrationSetting::new);
    }
}
