package org.patchcare.planning.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.patchcare.planning.application.PlanCommand;
import org.patchcare.planning.application.PlanningService;
import org.patchcare.planning.application.PlanningViews.RunSummary;
import org.patchcare.planning.application.PlanningViews.RunView;
import org.patchcare.shared.api.Problem;

import java.time.Instant;
import java.util.List;

/** Planning runs: start a solve, follow it, stop it, accept its proposals as submitted change requests. */
@Path("planning/runs")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Planning", description = "Proposed downtime schedules from the constraint solver")
@APIResponse(responseCode = "401", description = "No or wrong credentials",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The caller's role may not do this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class PlanningResource {

    @Inject
    PlanningService planning;
    @Context
    UriInfo uriInfo;

    /** A run to start: the horizon, and departments (codes), draft change requests or exposures (ids) to plan. */
    public record StartRequest(Instant from, Instant to, List<String> departments, List<String> requestIds,
                               List<String> exposureIds, Integer timeLimitSeconds) {
    }

    /** The devices whose windows to accept; none: every window of the plan. */
    public record AcceptRequest(List<String> assetTags) {
    }

    @POST
    @Operation(summary = "Start a planning run", description = "Solves in the background; follow it with GET.")
    @APIResponse(responseCode = "201", description = "Started; Location names the run")
    @APIResponse(responseCode = "409", description = "Another plan is being solved on this server",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A value is missing or invalid; errors names the field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response start(@NotNull(message = "send the run as a JSON object") StartRequest body) {
        RunView run = planning.start(new PlanCommand(body.from(), body.to(), body.departments(), body.requestIds(),
                body.exposureIds(), body.timeLimitSeconds()));
        return Response.created(uriInfo.getBaseUriBuilder().path(PlanningResource.class).segment(run.id()).build())
                .entity(run).build();
    }

    @GET
    @Operation(summary = "Recent planning runs")
    public List<RunSummary> list(@QueryParam("limit") Integer limit) {
        return planning.list(limit == null ? 20 : limit);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "A run: status, progress, best score so far and its proposals with explanations")
    public RunView get(@PathParam("id") String id) {
        return planning.get(id);
    }

    @POST
    @Path("{id}/stop")
    @Operation(summary = "Stop a run early; its best plan so far stays")
    public RunView stop(@PathParam("id") String id) {
        return planning.stop(id);
    }

    @POST
    @Path("{id}/accept")
    @Operation(summary = "Accept windows as submitted change requests", description = "All, or the asset tags sent")
    public RunView accept(@PathParam("id") String id, AcceptRequest body) {
        return planning.accept(id, body == null ? null : body.assetTags());
    }
}
