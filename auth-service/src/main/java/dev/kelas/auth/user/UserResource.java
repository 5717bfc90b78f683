package dev.kelas.auth.user;

import dev.kelas.auth.account.AccountService;
import dev.kelas.auth.common.Clients;
import dev.kelas.auth.common.dto.UserResponse;
import dev.kelas.auth.user.dto.CreateUserRequest;
import dev.kelas.auth.user.dto.ImportReport;
import dev.kelas.auth.user.dto.UpdateUserRequest;
import dev.kelas.auth.user.dto.UserPage;
import dev.kelas.contracts.Role;
import dev.kelas.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * User administration inside the caller's school. ADMIN does everything; a TEACHER may search and read
 * the school's STUDENT accounts (auth-service does not know classes; learning-service has the rosters).
 * Another school's ids answer 404.
 */
@Path("/api/v1/users")
public class UserResource {
    private final AccountService accounts;
    private final UserAdminService admin;
    private final UserImportService imports;
    private final Caller caller;

    public UserResource(AccountService accounts, UserAdminService admin, UserImportService imports, Caller caller) {
        this.accounts = accounts;
        this.admin = admin;
        this.imports = imports;
        this.caller = caller;
    }

    @POST
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Create a user in the administrator's school")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR (a field's shape) or MALFORMED_REQUEST")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: the password breaks the policy (too common)")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not an administrator")
    @APIResponse(responseCode = "409", description = "CONFLICT: e-mail already used in this school")
    public Uni<Response> createUser(@NotNull @Valid CreateUserRequest request, @Context HttpServerRequest http) {
        return accounts.createUser(caller.tenantId(), caller.userId(), request.email(), request.name(), request.role(),
                        request.password(), Clients.of(http))
                .map(user -> Response.created(URI.create("/api/v1/users/" + user.id)).entity(UserResponse.of(user)).build());
    }

    @GET
    @RolesAllowed({Role.ADMIN_NAME, Role.TEACHER_NAME})
    @Operation(summary = "Search the school's users (a teacher sees students only)")
    @APIResponse(responseCode = "200", description = "One page of users")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR: bad page, size or role")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: unknown sort key")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not an administrator or teacher")
    public Uni<UserPage> searchUsers(@QueryParam("q") @Size(max = 200) String q, @QueryParam("role") Role role,
                                     @QueryParam("active") Boolean active,
                                     @QueryParam("sort") @DefaultValue("name") String sort,
                                     @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                     @QueryParam("size") @DefaultValue("20") @Min(1) @Max(100) int size) {
        return admin.search(caller.tenantId(), new UserAdminService.Search(q, role, active, sort, page, size), visibleRole())
                .map(p -> new UserPage(p.items().stream().map(UserResponse::of).toList(), p.page(), p.size(), p.total()));
    }

    @GET
    @Path("/{userId}")
    @RolesAllowed({Role.ADMIN_NAME, Role.TEACHER_NAME})
    @Operation(summary = "One user of the school (a teacher sees students only)")
    @APIResponse(responseCode = "200", description = "The user")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not an administrator or teacher")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such user in this school")
    public Uni<UserResponse> getUser(@PathParam("userId") UUID userId) {
        return admin.get(caller.tenantId(), userId, visibleRole()).map(UserResponse::of);
    }

    @PATCH
    @Path("/{userId}")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Change a user's name, role or active flag; a role change or deactivation ends their sessions everywhere")
    @APIResponse(responseCode = "200", description = "The user as it now is")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR or MALFORMED_REQUEST")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not an administrator")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such user in this school")
    @APIResponse(responseCode = "409", description = "CONFLICT: an administrator may not demote or deactivate themselves")
    public Uni<UserResponse> updateUser(@PathParam("userId") UUID userId, @NotNull @Valid UpdateUserRequest request,
                                        @Context HttpServerRequest http) {
        return admin.change(caller.tenantId(), caller.userId(), userId,
                        new UserAdminService.Change(request.name(), request.role(), request.active()), Clients.of(http))
                .map(UserResponse::of);
    }

    @DELETE
    @Path("/{userId}")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Deactivate a user (accounts are never erased here: grades and the audit log refer to them)")
    @APIResponse(responseCode = "204", description = "Deactivated")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not an administrator")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such user in this school")
    @APIResponse(responseCode = "409", description = "CONFLICT: an administrator may not deactivate themselves")
    public Uni<Response> deactivateUser(@PathParam("userId") UUID userId, @Context HttpServerRequest http) {
        return admin.change(caller.tenantId(), caller.userId(), userId, new UserAdminService.Change(null, null, false), Clients.of(http))
                .map(user -> Response.noContent().build());
    }

    @POST
    @Path("/import")
    @RolesAllowed(Role.ADMIN_NAME)
    @Consumes({"text/csv", "text/plain"})
    @Operation(summary = "Import users from CSV (header: email,name,role[,password]); dryRun=true only checks. All rows or none.")
    @APIResponse(responseCode = "200", description = "Dry run: the report, nothing written")
    @APIResponse(responseCode = "201", description = "Imported: every row was valid and written")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: not CSV, no header, too many rows; or (with a report) some rows are bad and nothing was written")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not an administrator")
    public Uni<Response> importUsers(String csv, @QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
                                     @Context HttpServerRequest http) {
        return imports.importCsv(caller.tenantId(), caller.userId(), csv, dryRun, Clients.of(http)).map(report -> {
            int status = report.dryRun() ? 200 : report.errors().isEmpty() ? 201 : 422;
            return Response.status(status).entity(ImportReport.of(report)).build();
        });
    }

    /** A teacher sees students only; an administrator everyone. */
    private Role visibleRole() {
        return caller.hasRole(Role.ADMIN) ? null : Role.STUDENT;
    }
}
