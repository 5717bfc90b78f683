package dev.kelas.lab.review;

import dev.kelas.contracts.Role;
import dev.kelas.lab.review.dto.FeedbackSettingsRequest;
import dev.kelas.lab.review.dto.FeedbackSettingsResponse;
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

/** A task's feedback settings: whether its submissions get feedback, from whom, and when students see it. */
@Path("/api/v1/lab/tasks/{taskId}/feedback-settings")
@RolesAllowed({Role.TEACHER_NAME, Role.ADMIN_NAME})
public class FeedbackSettingsResource {
    private final ReviewService reviews;
    private final Caller caller;

    public FeedbackSettingsResource(ReviewService reviews, Caller caller) {
        this.reviews = reviews;
        this.caller = caller;
    }

    /** The task's settings, the defaults (OFFLINE, IMMEDIATELY) until the teacher chooses. */
    @GET
    @Operation(summary = "A task's feedback settings")
    @APIResponse(responseCode = "200", description = "The settings")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not the class's teacher")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such task in your school")
    public Uni<FeedbackSettingsResponse> viewSettings(@PathParam("taskId") UUID taskId) {
        return reviews.settings(caller, taskId).map(FeedbackSettingsResponse::of);
    }

    /** Sets the task's mode and visibility; they apply to the reviews written from now on and to reading every review. */
    @PUT
    @Operation(summary = "Set a task's feedback: mode OFF, OFFLINE or AI; visibility IMMEDIATELY or AFTER_DUE")
    @APIResponse(responseCode = "200", description = "The settings now")
    @APIResponse(responseCode = "400", description = "MALFORMED_REQUEST: an unknown mode or visibility")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: not the class's teacher")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such task in your school")
    public Uni<FeedbackSettingsResponse> updateSettings(@PathParam("taskId") UUID taskId, @NotNull @Valid FeedbackSettingsRequest request) {
        return reviews.updateSettings(caller, taskId, request.mode(), request.visibility()).map(FeedbackSettingsResponse::of);
    }
}
