package org.patchcare.downtime.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.patchcare.downtime.application.BlackoutCommand;
import org.patchcare.downtime.application.BlackoutService;
import org.patchcare.downtime.application.DowntimeViews.BlackoutView;
import org.patchcare.shared.api.Problem;
import org.patchcare.shared.api.QueryParams;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/** Blackout windows per department: read by everyone, written by administrators and the department's managers. */
@Path("blackouts")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Blackout windows", description = "When a department's devices must not go down")
@APIResponse(responseCode = "401", description = "No or wrong credentials",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The caller's role may not do this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class BlackoutResource {

    @Inject
    BlackoutService blackouts;
    @Context
    UriInfo uriInfo;

    /**
     * A blackout: weekly ({@code recurring} true, {@code days} such as MONDAY, {@code localStart}/{@code localEnd}
     * like "07:00"; an end before the start runs past midnight) or single days ({@code firstDay}..{@code lastDay}).
     * {@code active} defaults to true; {@code version} is required to change.
     */
    public record BlackoutRequest(String departmentCode, String title, Boolean recurring, Set<DayOfWeek> days,
                                  LocalTime localStart, LocalTime localEnd, LocalDate firstDay, LocalDate lastDay,
                                  Boolean active, Integer version) {
        BlackoutCommand command() {
            return new BlackoutCommand(departmentCode, title, Boolean.TRUE.equals(recurring), days, localStart,
                    localEnd, firstDay, lastDay, active == null || active);
        }
    }

    @GET
    @Operation(summary = "List blackouts", description = "All, or one department's with ?department=ICU")
    public List<BlackoutView> list(@QueryParam("department") String department) {
        return blackouts.list(QueryParams.text(department));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a blackout")
    public BlackoutView get(@PathParam("id") String id) {
        return blackouts.get(id);
    }

    @POST
    @Operation(summary = "Create a blackout (admin, or a clinical manager of the department)")
    @APIResponse(responseCode = "201", description = "Created; Location names it")
    @APIResponse(responseCode = "422", description = "A value is missing or invalid; errors names the field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@NotNull(message = "send the blackout as a JSON object") BlackoutRequest body) {
        BlackoutView created = blackouts.create(body.command());
        return Response.created(uriInfo.getBaseUriBuilder().path(BlackoutResource.class).segment(created.id()).build())
                .entity(created).build();
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Change a blackout", description = "Send every field and the version you saw.")
    @APIResponse(responseCode = "409", description = "Changed by someone else since that version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public BlackoutView update(@PathParam("id") String id,
                               @NotNull(message = "send the blackout as a JSON object") BlackoutRequest body) {
        return blackouts.update(id, body.version(), body.command());
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a blackout", description = "?version= the version you saw")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id, @QueryParam("version") String version) {
        blackouts.delete(id, DowntimeApi.version(version));
        return Response.noContent().build();
    }
}
