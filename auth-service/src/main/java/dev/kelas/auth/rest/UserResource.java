package dev.kelas.auth.rest;

import dev.kelas.auth.rest.dto.CreateUserRequest;
import dev.kelas.auth.rest.dto.UserResponse;
import dev.kelas.auth.service.AccountService;
import dev.kelas.contracts.Role;
import dev.kelas.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** User administration inside the caller's school. */
@Path("/api/v1/users")
public class UserResource {
    private final AccountService accounts;
    private final Caller caller;

    public UserResource(AccountService accounts, Caller caller) {
        this.accounts = accounts;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Create a user in the administrator's school")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR or MALFORMED_REQUEST")
    @APIResponse(responseCode = "401", description = "UNAUTHENTICATED")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not an administrator")
    @APIResponse(responseCode = "409", description = "CONFLICT: e-mail already used in this school")
    public Uni<Response> createUser(@NotNull @Valid CreateUserRequest request) {
        return accounts.createUser(caller.tenantId(), request.email(), request.name(), request.role(), request.password())
                .map(user -> Response.created(URI.create("/api/v1/users/" + user.id)).entity(UserResponse.of(user)).build());
    }
}
