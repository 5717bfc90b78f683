package dev.kelas.auth.profile;

import dev.kelas.auth.account.AccountService;
import dev.kelas.auth.common.Clients;
import dev.kelas.auth.common.dto.UserResponse;
import dev.kelas.auth.profile.dto.UpdateProfileRequest;
import dev.kelas.runtime.problem.ValidationException;
import dev.kelas.runtime.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.multipart.FileUpload;

/** The caller's own account and profile: name, preferred language, time zone and avatar. */
@Path("/api/v1/auth/me")
@Authenticated
public class ProfileResource {
    private final AccountService accounts;
    private final ProfileService profiles;
    private final Caller caller;

    public ProfileResource(AccountService accounts, ProfileService profiles, Caller caller) {
        this.accounts = accounts;
        this.profiles = profiles;
        this.caller = caller;
    }

    @GET
    @Operation(summary = "The caller's own account")
    @APIResponse(responseCode = "200", description = "The account, with preferredLanguage, timeZone and avatarUrl (null where unset)")
    public Uni<UserResponse> me() {
        return accounts.account(caller.tenantId(), caller.userId()).map(UserResponse::of);
    }

    @PATCH
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Change the caller's own name, preferred language (BCP 47) or time zone (IANA); absent fields stay, "
            + "an empty preferredLanguage or timeZone clears it")
    @APIResponse(responseCode = "200", description = "The account as it now is; kelas.auth.user.updated is published if anything changed")
    @APIResponse(responseCode = "400", description = "MALFORMED_REQUEST")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: errors names each bad field (name, preferredLanguage, timeZone); nothing changes")
    public Uni<UserResponse> updateProfile(@NotNull UpdateProfileRequest request, @Context HttpServerRequest http) {
        return profiles.updateProfile(caller.tenantId(), caller.userId(),
                        new ProfileService.Change(request.name(), request.preferredLanguage(), request.timeZone()), Clients.of(http))
                .map(UserResponse::of);
    }

    @PUT
    @Path("/avatar")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Set the caller's avatar: the raw PNG, JPEG or WebP image as the body (at most 2 MiB); it is cropped to "
            + "its centre square and scaled to 256x256 (a WebP kept as PNG), metadata dropped")
    @RequestBody(content = {@Content(mediaType = "image/png", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/jpeg", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary")),
            @Content(mediaType = "image/webp", schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.STRING, format = "binary"))})
    @APIResponse(responseCode = "200", description = "The account with its new avatarUrl")
    @APIResponse(responseCode = "413", description = "AVATAR_TOO_LARGE: more than kelas.auth.avatar.max-bytes")
    @APIResponse(responseCode = "415", description = "AVATAR_TYPE_UNSUPPORTED: Content-Type is not image/png, image/jpeg or image/webp")
    @APIResponse(responseCode = "422", description = "AVATAR_UNREADABLE: the bytes do not decode as the type claimed, or have too many pixels")
    public Uni<UserResponse> setAvatar(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, byte[] body,
                                       @Context HttpServerRequest http) {
        return profiles.setAvatar(caller.tenantId(), caller.userId(), contentType, body == null ? new byte[0] : body, Clients.of(http))
                .map(UserResponse::of);
    }

    @PUT
    @Path("/avatar")
    @Consumes(MediaType.MULTIPART_FORM_DATA)
    @Operation(summary = "Set the caller's avatar from a form: the image in the multipart part named avatar (its own "
            + "Content-Type says PNG, JPEG or WebP); the same checks as the raw upload")
    @APIResponse(responseCode = "200", description = "The account with its new avatarUrl")
    @APIResponse(responseCode = "413", description = "AVATAR_TOO_LARGE: more than kelas.auth.avatar.max-bytes")
    @APIResponse(responseCode = "415", description = "AVATAR_TYPE_UNSUPPORTED: the part's Content-Type is not image/png, image/jpeg or image/webp")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: no part named avatar; AVATAR_UNREADABLE: the bytes do not decode as the type claimed")
    public Uni<UserResponse> setAvatarFromForm(@RestForm("avatar") FileUpload avatar, @Context HttpServerRequest http) {
        if (avatar == null) {
            return Uni.createFrom().failure(new ValidationException("avatar", "is required: a multipart part named avatar with the image"));
        }
        return profiles.setAvatar(caller.tenantId(), caller.userId(), avatar.contentType(), avatar.uploadedFile(), Clients.of(http))
                .map(UserResponse::of);
    }

    @DELETE
    @Path("/avatar")
    @Operation(summary = "Remove the caller's avatar (nothing happens without one)")
    @APIResponse(responseCode = "204", description = "Removed")
    public Uni<Response> deleteAvatar(@Context HttpServerRequest http) {
        return profiles.deleteAvatar(caller.tenantId(), caller.userId(), Clients.of(http)).map(done -> Response.noContent().build());
    }
}
