package dev.kelas.learning.calendar;

import dev.kelas.contracts.Role;
import dev.kelas.learning.calendar.dto.CalendarEntryResponse;
import dev.kelas.learning.calendar.dto.CalendarEventPatch;
import dev.kelas.learning.calendar.dto.CalendarEventRequest;
import dev.kelas.learning.calendar.dto.CalendarEventResponse;
import dev.kelas.learning.calendar.dto.CalendarPage;
import dev.kelas.learning.calendar.dto.FeedTokenResponse;
import dev.kelas.learning.calendar.dto.TimeZoneSetting;
import dev.kelas.runtime.problem.PreconditionFailedException;
import dev.kelas.runtime.problem.ValidationException;
import dev.kelas.runtime.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/**
 * The school calendar: events with audiences and recurrence, a person's whole calendar (events,
 * lessons, due dates) and its iCalendar feed. Dates in queries are local dates of the school's time
 * zone ({@code 2026-12-07}); {@code to} is inclusive.
 */
@Path("/api/v1/calendar")
@Authenticated
public class CalendarResource {
    /** The iCalendar media type (RFC 5545 section 8.1). */
    public static final String TEXT_CALENDAR = "text/calendar";

    private final CalendarService calendar;
    private final PersonalCalendarService personal;
    private final CalendarFeedService feeds;
    private final SchoolTimeZone timeZone;
    private final Caller caller;

    public CalendarResource(CalendarService calendar, PersonalCalendarService personal, CalendarFeedService feeds,
                            SchoolTimeZone timeZone, Caller caller) {
        this.calendar = calendar;
        this.personal = personal;
        this.feeds = feeds;
        this.timeZone = timeZone;
        this.caller = caller;
    }

    @GET
    @Path("/settings")
    @Operation(summary = "The school's time zone, in which calendar, timetable and register dates are local")
    public Uni<TimeZoneSetting> settings() {
        return timeZone.read(caller.tenantId()).map(zone -> new TimeZoneSetting(zone.getId()));
    }

    @PUT
    @Path("/settings")
    @RolesAllowed(Role.ADMIN_NAME)
    @Operation(summary = "Set the school's IANA time zone")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: not a known IANA time zone")
    public Uni<TimeZoneSetting> changeSettings(@NotNull @Valid TimeZoneSetting request) {
        return timeZone.change(caller.tenantId(), request.timeZone()).map(zone -> new TimeZoneSetting(zone.getId()));
    }

    @POST
    @Path("/events")
    @RolesAllowed({Role.ADMIN_NAME, Role.TEACHER_NAME})
    @Operation(summary = "Create a calendar event (administrators: any; teachers: their classes' events, no holidays)")
    @APIResponse(responseCode = "201", description = "Created; ETag is its version")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such class in your school")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: missing or reversed dates, a bad RRULE, an audience without its class or role")
    public Uni<Response> createEvent(@NotNull @Valid CalendarEventRequest request) {
        return calendar.createEvent(caller, request.toDraft()).map(event -> Response.created(URI.create("/api/v1/calendar/events/" + event.id))
                .tag(etag(event)).entity(CalendarEventResponse.of(event)).build());
    }

    @GET
    @Path("/events")
    @Operation(summary = "Occurrences of the calendar events you may see in a date range (default: the next 30 days)")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: a reversed window, one over 366 days, or a bad date")
    public Uni<CalendarPage> events(@QueryParam("from") String from, @QueryParam("to") String to,
                                    @QueryParam("type") CalendarEventType type, @QueryParam("classId") UUID classId,
                                    @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                    @QueryParam("size") @DefaultValue("100") @Min(1) @Max(500) int size) {
        LocalDate start = date("from", from, LocalDate.now());
        LocalDate end = date("to", to, start.plusDays(30));
        return calendar.events(caller, start, end, type, classId).map(entries -> page(entries, page, size));
    }

    @GET
    @Path("/events/{eventId}")
    @Operation(summary = "One calendar event as stored, with its rule; ETag is its version")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such event for you")
    public Uni<Response> event(@PathParam("eventId") UUID eventId) {
        return calendar.event(caller, eventId).map(event -> Response.ok(CalendarEventResponse.of(event)).tag(etag(event)).build());
    }

    @PATCH
    @Path("/events/{eventId}")
    @RolesAllowed({Role.ADMIN_NAME, Role.TEACHER_NAME})
    @Operation(summary = "Change a calendar event; with If-Match, only if it is still the version you read")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such event in your school")
    @APIResponse(responseCode = "412", description = "PRECONDITION_FAILED: the event changed since you read it")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: reversed dates or a bad RRULE")
    public Uni<Response> updateEvent(@PathParam("eventId") UUID eventId, @HeaderParam("If-Match") String ifMatch,
                                     @NotNull @Valid CalendarEventPatch patch) {
        return calendar.updateEvent(caller, eventId, patch.toChange(), expectedVersion(ifMatch))
                .map(event -> Response.ok(CalendarEventResponse.of(event)).tag(etag(event)).build());
    }

    @DELETE
    @Path("/events/{eventId}")
    @RolesAllowed({Role.ADMIN_NAME, Role.TEACHER_NAME})
    @Operation(summary = "Delete a calendar event")
    @APIResponse(responseCode = "204", description = "Deleted")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: no such event in your school")
    public Uni<Response> deleteEvent(@PathParam("eventId") UUID eventId) {
        return calendar.deleteEvent(caller, eventId).replaceWith(Response.noContent().build());
    }

    @GET
    @Path("/me")
    @Operation(summary = "Your calendar in a date range: your audiences' events, your classes' lessons and due dates")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: a reversed window, one over 366 days, or a bad date")
    public Uni<CalendarPage> myCalendar(@QueryParam("from") String from, @QueryParam("to") String to,
                                        @QueryParam("page") @DefaultValue("0") @Min(0) int page,
                                        @QueryParam("size") @DefaultValue("100") @Min(1) @Max(500) int size) {
        LocalDate start = date("from", from, LocalDate.now());
        LocalDate end = date("to", to, start.plusDays(30));
        return personal.entries(caller, start, end).map(entries -> page(entries, page, size));
    }

    @POST
    @Path("/feed-token")
    @Operation(summary = "Get a new secret iCalendar feed URL for your calendar; the previous one stops working")
    @APIResponse(responseCode = "201", description = "The token and the feed's path")
    public Uni<Response> issueFeedToken() {
        return feeds.issueToken(caller).map(token -> Response.status(201)
                .entity(new FeedTokenResponse(token, "/api/v1/calendar/feed/" + token + ".ics")).build());
    }

    @DELETE
    @Path("/feed-token")
    @Operation(summary = "Stop your iCalendar feed")
    @APIResponse(responseCode = "204", description = "Revoked")
    public Uni<Response> revokeFeedToken() {
        return feeds.revokeToken(caller).replaceWith(Response.noContent().build());
    }

    @GET
    @Path("/feed/{token: [^/]+}.ics")
    @PermitAll
    @Produces(TEXT_CALENDAR)
    @Operation(summary = "A calendar feed (RFC 5545) for calendar apps; the secret token in the path is the credential")
    @APIResponse(responseCode = "404", description = "NOT_FOUND: unknown or rotated token")
    public Uni<Response> feed(@PathParam("token") String token) {
        return feeds.feed(token).map(ics -> Response.ok(ics, TEXT_CALENDAR + "; charset=utf-8")
                .header("Cache-Control", "private, max-age=300").build());
    }

    private static CalendarPage page(List<CalendarEntry> entries, int page, int size) {
        int from = (int) Math.min((long) page * size, entries.size());
        int to = Math.min(from + size, entries.size());
        return new CalendarPage(entries.subList(from, to).stream().map(CalendarEntryResponse::of).toList(), page, size, entries.size());
    }

    private static EntityTag etag(CalendarEvent event) {
        return new EntityTag(Integer.toString(event.version));
    }

    /**
     * The version an If-Match header names: null when absent or {@code *}.
     *
     * @throws PreconditionFailedException when it names no version this API hands out
     */
    static Integer expectedVersion(String ifMatch) {
        if (ifMatch == null || ifMatch.isBlank() || ifMatch.strip().equals("*")) {
            return null;
        }
        String tag = ifMatch.strip();
        if (tag.startsWith("W/")) {
            tag = tag.substring(2);
        }
        if (tag.length() >= 2 && tag.startsWith("\"") && tag.endsWith("\"")) {
            tag = tag.substring(1, tag.length() - 1);
        }
        try {
            return Integer.parseInt(tag);
        } catch (NumberFormatException e) {
            throw new PreconditionFailedException("If-Match names no version of this event");
        }
    }

    private static LocalDate date(String field, String value, LocalDate fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new ValidationException(field, "must be a date such as 2026-12-07");
        }
    }
}
