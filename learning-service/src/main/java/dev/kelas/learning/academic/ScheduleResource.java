package dev.kelas.learning.academic;

import dev.kelas.contracts.Role;
import dev.kelas.learning.academic.dto.SlotRequest;
import dev.kelas.learning.academic.dto.SlotResponse;
import dev.kelas.learning.academic.dto.TimetableRequest;
import dev.kelas.runtime.problem.KelasException.FieldError;
import dev.kelas.runtime.problem.ValidationException;
import dev.kelas.runtime.security.Caller;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;

/** The weekly timetable of a term. Administrators write it; everyone in the school reads it. */
@Path("/api/v1/schedule")
@RolesAllowed(Role.ADMIN_NAME)
@APIResponse(responseCode = "403", description = "FORBIDDEN: administrators only")
public class ScheduleResource {
    private final ScheduleService schedule;
    private final Caller caller;

    public ScheduleResource(ScheduleService schedule, Caller caller) {
        this.schedule = schedule;
        this.caller = caller;
    }

    @POST
    @Path("/slots")
    @Operation(summary = "Add a weekly lesson")
    @APIResponse(responseCode = "201", description = "Created")
    @APIResponse(responseCode = "409", description = "CONFLICT: errors[] lists every double-booked teacher, room or class")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: unknown class, subject or teacher; bad times")
    public Uni<Response> createSlot(@NotNull @Valid SlotRequest request) {
        if (request.classId() == null) {
            throw new ValidationException("classId", "must not be null");
        }
        return schedule.createSlot(caller, request.draft())
                .map(s -> Response.created(URI.create("/api/v1/schedule/slots/" + s.id)).entity(SlotResponse.of(s)).build());
    }

    @POST
    @Path("/slots/bulk")
    @Operation(summary = "Add a week's timetable: every slot is checked, then all are written or none")
    @APIResponse(responseCode = "201", description = "All created")
    @APIResponse(responseCode = "409", description = "CONFLICT: errors[].field slots[i].teacherId|room|classId for every clash; nothing written")
    @APIResponse(responseCode = "422", description = "VALIDATION_ERROR: errors[].field slots[i].… for every invalid entry; nothing written")
    public Uni<Response> createTimetable(@NotNull @Valid TimetableRequest request) {
        List<FieldError> missing = new ArrayList<>();
        for (int i = 0; i < request.slots().size(); i++) {
            if (request.slots().get(i).classId() == null) {
                missing.add(new FieldError("slots[" + i + "].classId", "must not be null"));
            }
        }
        if (!missing.isEmpty()) {
            throw new ValidationException("The timetable has invalid entries; nothing was written", missing);
        }
        return schedule.createTimetable(caller, request.slots().stream().map(SlotRequest::draft).toList())
                .map(slots -> Response.status(Response.Status.CREATED).entity(slots.stream().map(SlotResponse::of).toList()).build());
    }

    @PUT
    @Path("/slots/{slotId}")
    @Operation(summary = "Move a lesson to another time, room, teacher or subject (it stays with its class)")
    @APIResponse(responseCode = "409", description = "CONFLICT: errors[] lists every double-booking")
    public Uni<SlotResponse> moveSlot(@PathParam("slotId") UUID slotId, @NotNull @Valid SlotRequest request) {
        return schedule.moveSlot(caller, slotId, request.draft()).map(SlotResponse::of);
    }

    @DELETE
    @Path("/slots/{slotId}")
    @Operation(summary = "Remove a lesson")
    @APIResponse(responseCode = "204", description = "Removed")
    public Uni<Response> deleteSlot(@PathParam("slotId") UUID slotId) {
        return schedule.deleteSlot(caller, slotId).map(ignored -> Response.noContent().build());
    }

    @GET
    @Path("/slots")
    @Authenticated
    @Operation(summary = "A term's timetable (default: the active term), optionally of one class, teacher or room")
    public Uni<List<SlotResponse>> listSlots(@QueryParam("termId") UUID termId, @QueryParam("classId") UUID classId,
                                             @QueryParam("teacherId") UUID teacherId, @QueryParam("room") String room) {
        return schedule.listSlots(caller, termId, classId, teacherId, room)
                .map(list -> list.stream().map(SlotResponse::of).toList());
    }
}
