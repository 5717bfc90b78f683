package dev.kelas.learning.analytics;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.kelas.runtime.problem.ValidationException;
import dev.kelas.runtime.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Consumes;
import jakarta.validation.constraints.NotNull;
import jakarta.annotation.security.RolesAllowed;
import dev.kelas.contracts.Role;
import dev.kelas.runtime.problem.NotFoundException;
import java.net.URI;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * Dashboards and leaderboards from the analytics read model. Every answer carries {@code asOf} (the newest event
 * the read model has applied) and a strong ETag over its body; {@code If-None-Match} with that tag answers 304.
 */
@Path("/api/v1/analytics")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
public class AnalyticsResource {
    static final String PNG = "image/png";
    private final AnalyticsService analytics;
    private final AnalyticsRebuildService rebuilds;
    private final AnalyticsSettingsService settings;
    private final AnalyticsOverviewService overviews;
    private final AnalyticsCharts charts;
    private final Caller caller;
    private final ObjectMapper json;

    public AnalyticsResource(AnalyticsService analytics, AnalyticsRebuildService rebuilds, AnalyticsSettingsService settings,
                             AnalyticsOverviewService overviews, AnalyticsCharts charts, Caller caller, ObjectMapper json) {
        this.overviews = overviews;
        this.charts = charts;
        this.analytics = analytics;
        this.rebuilds = rebuilds;
        this.settings = settings;
        this.caller = caller;
        this.json = json;
    }

    /** The school's analytics setting (teachers and administrators). */
    @GET
    @Path("/settings")
    @RolesAllowed({Role.TEACHER_NAME, Role.ADMIN_NAME})
    @Operation(summary = "The school's analytics setting: whether students see leaderboards (default: kelas.learning.analytics.student-leaderboards)")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: teachers and administrators only")
    public Uni<AnalyticsSettings> readSettings() {
        return settings.readSettings(caller);
    }

    /** Sets the school's analytics setting (administrators). */
    @PUT
    @Path("/settings")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Set the school's analytics setting")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: administrators only")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: studentLeaderboards missing")
    public Uni<AnalyticsSettings> changeSettings(@NotNull AnalyticsSettings.Change change) {
        return settings.changeSettings(caller, change.studentLeaderboards());
    }

    /** Starts rebuilding the caller's school's read model from the streams (administrators); 202 with the rebuild. */
    @POST
    @Path("/rebuild")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Rebuild the school's analytics read model from scratch by replaying the JetStream streams")
    @APIResponse(responseCode = "202", description = "Started; poll the Location (GET /api/v1/analytics/rebuilds/{id})",
            content = @Content(schema = @Schema(implementation = AnalyticsRebuildService.Rebuild.class)))
    public Response rebuild() {
        AnalyticsRebuildService.Rebuild started = rebuilds.startRebuild(caller.tenantId());
        return Response.accepted(started).location(URI.create("/api/v1/analytics/rebuilds/" + started.id())).build();
    }

    /** A rebuild's state (RUNNING, FINISHED, FAILED) and how many events it applied (administrators). */
    @GET
    @Path("/rebuilds/{id}")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "A rebuild of the school's analytics read model: its state and the events applied")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such rebuild in this school (rebuilds are kept in memory until restart)")
    public AnalyticsRebuildService.Rebuild rebuildState(@PathParam("id") UUID id) {
        AnalyticsRebuildService.Rebuild found = rebuilds.rebuild(caller.tenantId(), id);
        if (found == null) {
            throw new NotFoundException("rebuild", id);
        }
        return found;
    }

    /** The student's dashboard (the student, their class's teachers, administrators). */
    @GET
    @Path("/students/{studentId}/dashboard")
    @Operation(summary = "A student's dashboard: open and overdue work, released grades, attendance, behaviour, lab progress, grade trend")
    @APIResponse(responseCode = "200", description = "The dashboard, with ETag",
            content = @Content(schema = @Schema(implementation = StudentDashboard.class)))
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match names the current ETag")
    public Uni<Response> studentDashboard(@PathParam("studentId") UUID studentId,
                                          @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        return analytics.studentDashboard(caller, studentId, Instant.now()).map(body -> tagged(body, ifNoneMatch));
    }

    /** A class's dashboard for its teachers and administrators; {@code Accept: image/png} answers one of its charts as PNG. */
    @GET
    @Path("/classes/{classId}/dashboard")
    @Produces({MediaType.APPLICATION_JSON, PNG})
    @Operation(summary = "A class's dashboard: work waiting to be graded, hand-in rates, grade histogram, students at risk (Accept: image/png for a chart)")
    @APIResponse(responseCode = "200", description = "The dashboard, with ETag",
            content = @Content(schema = @Schema(implementation = ClassDashboard.class)))
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match names the current ETag")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such class in the school")
    public Uni<Response> classDashboard(@PathParam("classId") UUID classId,
                                        @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                                        @HeaderParam(HttpHeaders.ACCEPT) String accept,
                                        @QueryParam("chart") @DefaultValue("gradeHistogram") String chart,
                                        @QueryParam("width") @DefaultValue("800") @Min(AnalyticsCharts.MIN_SIZE) @Max(AnalyticsCharts.MAX_SIZE) int width,
                                        @QueryParam("height") @DefaultValue("400") @Min(AnalyticsCharts.MIN_SIZE) @Max(AnalyticsCharts.MAX_SIZE) int height) {
        if (wantsPng(accept)) {
            return classDashboardPng(classId, chart, width, height);
        }
        return analytics.classDashboard(caller, classId, Instant.now()).map(body -> tagged(body, ifNoneMatch));
    }

    /** One chart of a class's dashboard as a PNG image ({@code chart}: gradeHistogram, handInRates, waitingToBeGraded). */
    @GET
    @Path("/classes/{classId}/dashboard.png")
    @Produces(PNG)
    @Operation(summary = "One chart of a class's dashboard as PNG: gradeHistogram (default), handInRates or waitingToBeGraded")
    @APIResponse(responseCode = "200", description = "The PNG image", content = @Content(mediaType = PNG))
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such class in the school")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: an unknown chart (400 for width or height not 100-2000)")
    public Uni<Response> classDashboardPng(@PathParam("classId") UUID classId,
                                           @QueryParam("chart") @DefaultValue("gradeHistogram") String chart,
                                           @QueryParam("width") @DefaultValue("800") @Min(AnalyticsCharts.MIN_SIZE) @Max(AnalyticsCharts.MAX_SIZE) int width,
                                           @QueryParam("height") @DefaultValue("400") @Min(AnalyticsCharts.MIN_SIZE) @Max(AnalyticsCharts.MAX_SIZE) int height) {
        return analytics.classDashboard(caller, classId, Instant.now()).emitOn(Infrastructure.getDefaultWorkerPool())
                .map(body -> image(body.charts(), chart, width, height));
    }

    /** The school's overview (administrators); {@code Accept: image/png} answers one of its charts as PNG. */
    @GET
    @Path("/overview")
    @RolesAllowed(Role.ADMIN_NAME)
    @Produces({MediaType.APPLICATION_JSON, PNG})
    @Operation(summary = "The school's overview: counts, attendance and grade averages per class and per subject, lab submissions per day, weekly trends (includes unreleased grades; Accept: image/png for a chart)")
    @APIResponse(responseCode = "200", description = "The overview, with ETag",
            content = @Content(schema = @Schema(implementation = AdminOverview.class)))
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match names the current ETag")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: administrators only")
    public Uni<Response> overview(@HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch,
                                  @HeaderParam(HttpHeaders.ACCEPT) String accept,
                                  @QueryParam("chart") @DefaultValue("gradeAverageByClass") String chart,
                                  @QueryParam("width") @DefaultValue("800") @Min(AnalyticsCharts.MIN_SIZE) @Max(AnalyticsCharts.MAX_SIZE) int width,
                                  @QueryParam("height") @DefaultValue("400") @Min(AnalyticsCharts.MIN_SIZE) @Max(AnalyticsCharts.MAX_SIZE) int height) {
        if (wantsPng(accept)) {
            return overviewPng(chart, width, height);
        }
        return overviews.overview(caller.tenantId(), Instant.now()).map(body -> tagged(body, ifNoneMatch));
    }

    /** One chart of the school's overview as a PNG image (administrators); the names are {@link AdminOverview#charts()}'s. */
    @GET
    @Path("/overview.png")
    @RolesAllowed(Role.ADMIN_NAME)
    @Produces(PNG)
    @Operation(summary = "One chart of the school's overview as PNG (gradeAverageByClass by default; see AdminOverview.charts)")
    @APIResponse(responseCode = "200", description = "The PNG image", content = @Content(mediaType = PNG))
    @APIResponse(responseCode = "403", description = "FORBIDDEN: administrators only")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: an unknown chart (400 for width or height not 100-2000)")
    public Uni<Response> overviewPng(@QueryParam("chart") @DefaultValue("gradeAverageByClass") String chart,
                                     @QueryParam("width") @DefaultValue("800") @Min(AnalyticsCharts.MIN_SIZE) @Max(AnalyticsCharts.MAX_SIZE) int width,
                                     @QueryParam("height") @DefaultValue("400") @Min(AnalyticsCharts.MIN_SIZE) @Max(AnalyticsCharts.MAX_SIZE) int height) {
        return overviews.overview(caller.tenantId(), Instant.now()).emitOn(Infrastructure.getDefaultWorkerPool())
                .map(body -> image(body.charts(), chart, width, height));
    }

    private static boolean wantsPng(String accept) {
        return accept != null && accept.contains(PNG) && !accept.contains("json");
    }

    /** The named chart as a PNG response, or 422 for a name the dashboard has not. */
    private Response image(java.util.Map<String, StudentDashboard.Series> charts, String chart, int width, int height) {
        StudentDashboard.Series series = charts.get(chart);
        if (series == null) {
            throw new ValidationException("chart", "must be one of " + String.join(", ", charts.keySet()));
        }
        return Response.ok(this.charts.png(chart, series, width, height), PNG).header(HttpHeaders.CACHE_CONTROL, "no-cache").build();
    }

    /** A class leaderboard by one metric, standard competition ranking ("1224"). */
    @GET
    @Path("/classes/{classId}/leaderboard")
    @Operation(summary = "A class leaderboard by grade-average, attendance, behavior or lab-score (ties share a rank: 1224)")
    @APIResponse(responseCode = "200", description = "The top entries and the caller's own, with ETag",
            content = @Content(schema = @Schema(implementation = Leaderboard.class)))
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match names the current ETag")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: no part in the class; LEADERBOARD_HIDDEN: the school hides leaderboards from students")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such class in the school")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: metric is not one of grade-average, attendance, behavior, lab-score")
    public Uni<Response> leaderboard(@PathParam("classId") UUID classId,
                                     @QueryParam("metric") @DefaultValue("grade-average") String metric,
                                     @QueryParam("top") @DefaultValue("10") @Min(1) @Max(100) int top,
                                     @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        if (!AnalyticsService.METRICS.contains(metric)) {
            throw new ValidationException("metric", "must be one of " + String.join(", ", AnalyticsService.METRICS));
        }
        return analytics.leaderboard(caller, classId, metric, top).map(body -> tagged(body, ifNoneMatch));
    }

    /** The leaderboard of one grade level in one term, standard competition ranking ("1224"). */
    @GET
    @Path("/grade-levels/{gradeLevel}/leaderboard")
    @Operation(summary = "A grade level's leaderboard in a term (all its classes) by grade-average, attendance, behavior or lab-score")
    @APIResponse(responseCode = "200", description = "The top entries and the caller's own, with ETag",
            content = @Content(schema = @Schema(implementation = GradeLevelLeaderboard.class)))
    @APIResponse(responseCode = "304", description = "Not modified: If-None-Match names the current ETag")
    @APIResponse(responseCode = "403", description = "FORBIDDEN: a student of none of its classes; LEADERBOARD_HIDDEN: the school hides leaderboards from students")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: gradeLevel not 1-13, termId missing, or an unknown metric")
    public Uni<Response> gradeLevelLeaderboard(@PathParam("gradeLevel") int gradeLevel,
                                               @QueryParam("termId") UUID termId,
                                               @QueryParam("metric") @DefaultValue("grade-average") String metric,
                                               @QueryParam("top") @DefaultValue("10") @Min(1) @Max(100) int top,
                                               @HeaderParam(HttpHeaders.IF_NONE_MATCH) String ifNoneMatch) {
        if (gradeLevel < 1 || gradeLevel > 13) {
            throw new ValidationException("gradeLevel", "must be 1 to 13");
        }
        if (termId == null) {
            throw new ValidationException("termId", "is required");
        }
        if (!AnalyticsService.METRICS.contains(metric)) {
            throw new ValidationException("metric", "must be one of " + String.join(", ", AnalyticsService.METRICS));
        }
        return analytics.gradeLevelLeaderboard(caller, termId, gradeLevel, metric, top).map(body -> tagged(body, ifNoneMatch));
    }

    /** 200 with the body and its ETag, or 304 when {@code If-None-Match} lists that tag (or is {@code *}). */
    private Response tagged(Object body, String ifNoneMatch) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (Exception e) {
            throw new IllegalStateException("Cannot write the analytics answer", e);
        }
        String tag;
        try {
            tag = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes)).substring(0, 32);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        EntityTag etag = new EntityTag(tag);
        if (ifNoneMatch != null && Arrays.stream(ifNoneMatch.split(",")).map(String::trim)
                .anyMatch(t -> t.equals("*") || t.replaceFirst("^W/", "").equals("\"" + tag + "\""))) {
            return Response.notModified(etag).build();
        }
        return Response.ok(new String(bytes, StandardCharsets.UTF_8), MediaType.APPLICATION_JSON_TYPE).tag(etag).build();
    }
}
