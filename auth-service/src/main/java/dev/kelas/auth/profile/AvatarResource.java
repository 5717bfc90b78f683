package dev.kelas.auth.profile;

import dev.kelas.runtime.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.util.Date;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** Avatars of the caller's school, for anyone signed in there (a class list, a discussion shows them). */
@Path("/api/v1/users/{userId}/avatar")
@Authenticated
public class AvatarResource {
    /** Private (it is behind a token), a day; the avatarUrl of UserResponse changes with the image. */
    static final String CACHE_CONTROL = "private, max-age=86400";

    private final ProfileService profiles;
    private final Caller caller;

    public AvatarResource(ProfileService profiles, Caller caller) {
        this.profiles = profiles;
        this.caller = caller;
    }

    @GET
    @Produces({"image/png", "image/jpeg"})
    @Operation(summary = "A user's avatar image (256x256 PNG or JPEG), with ETag, Last-Modified and Cache-Control; "
            + "If-None-Match with the current ETag answers 304")
    @APIResponse(responseCode = "200", description = "The image, Content-Type image/png or image/jpeg")
    @APIResponse(responseCode = "304", description = "Not modified")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such user in the caller's school, or no avatar")
    public Uni<Response> avatar(@PathParam("userId") UUID userId, @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return profiles.avatar(caller.tenantId(), userId).map(avatar -> {
            EntityTag etag = new EntityTag(avatar.sha256());
            if (ifNoneMatch != null && (ifNoneMatch.contains("\"" + avatar.sha256() + "\"") || ifNoneMatch.strip().equals("*"))) {
                return Response.notModified(etag).header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL).build();
            }
            return Response.ok(avatar.bytes(), avatar.contentType()).tag(etag)
                    .lastModified(Date.from(avatar.updatedAt()))
                    .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL).build();
        });
    }
}
