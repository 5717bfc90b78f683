package dev.kelas.lab.review;

import dev.kelas.contracts.Role;
import dev.kelas.lab.review.dto.SchoolReviewSettingsRequest;
import dev.kelas.lab.review.dto.SchoolReviewSettingsResponse;
import dev.kelas.runtime.security.Caller;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** A school's feedback settings: whether AI providers may write feedback at all (off: the offline reviewer only). */
@Path("/api/v1/lab/schools/{schoolId}/review-settings")
public class SchoolReviewSettingsResource {
    private final ReviewService reviews;
    private final Caller caller;

    public SchoolReviewSettingsResource(ReviewService reviews, Caller caller) {
        this.reviews = reviews;
        this.caller = caller;
    }

    /** The school's switch (on until an administrator turns it off); teachers read it to know what AI mode means. */
    @GET
    @RolesAllowed({Role.TEACHER_NAME, Role.ADMIN_NAME})
    @Operation(summary = "A school's feedback settings: whether AI feedback is allowed")
    @APIResponse(responseCode = "200", description = "The settings")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: not your school")
    public Uni<SchoolReviewSettingsResponse> viewSchoolSettings(@PathParam("schoolId") UUID schoolId) {
        return reviews.schoolSettings(caller, schoolId).map(settings -> SchoolReviewSettingsResponse.of(schoolId, settings));
    }

    /** Turns AI feedback on or off for the whole school; applies to the reviews written from now on. */
    @PUT
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Turn AI feedback on or off for the school (off: the offline reviewer only)")
    @APIResponse(responseCode = "200", description = "The settings now")
    @APIResponse(responseCode = "400", description = "VALIDATION_ERROR: aiEnabled missing")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: not your school")
    public Uni<SchoolReviewSettingsResponse> updateSchoolSettings(@PathParam("schoolId") UUID schoolId,
                                                                  @NotNull @Valid SchoolReviewSettingsRequest request) {
        return reviews.updateSchoolSettings(caller, schoolId, request.aiEnabled())
                .map(settings -> SchoolReviewSettingsResponse.of(schoolId, settings));
    }
}
