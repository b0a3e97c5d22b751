package org.patchcare.patching.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.patchcare.patching.application.PatchService;
import org.patchcare.patching.application.PatchViews.PatchRecordView;
import org.patchcare.patching.application.PatchViews.RequestWork;
import org.patchcare.shared.api.Problem;

import java.net.URI;

/** The device-by-device work of a change request: where each device stands, and starting the work on one. */
@Path("change-requests/{id}/devices")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Patch records")
@APIResponse(responseCode = "401", description = "No or wrong credentials",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The caller's role may not do this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class DeviceWorkResource {

    @Inject
    PatchService patches;
    @Context
    UriInfo uriInfo;

    /** An optional comment for the device's lifecycle event. */
    public record StartBody(String comment) {
    }

    @GET
    @Operation(summary = "Each device of the request with its patch record and what may be done now")
    public RequestWork work(@PathParam("id") String id) {
        return patches.work(id);
    }

    @POST
    @Path("{assetTag}/start")
    @Operation(summary = "Start the work on one device (biomed, IT security)", description = "Only on a scheduled or "
            + "in-progress request; the device goes out of service (planned downtime) and a scheduled request moves to "
            + "in progress.")
    @APIResponse(responseCode = "201", description = "Started; Location names the new patch record")
    @APIResponse(responseCode = "409", description = "Already started, or the request is not scheduled or in progress",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response start(@PathParam("id") String id, @PathParam("assetTag") String assetTag, StartBody body) {
        PatchRecordView v = patches.start(id, assetTag, body == null ? null : body.comment());
        URI location = uriInfo.getBaseUriBuilder().path(PatchRecordResource.class).segment(v.id()).build();
        return Response.created(location).entity(v).build();
    }
}
