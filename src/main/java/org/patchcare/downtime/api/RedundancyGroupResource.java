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
import org.patchcare.downtime.application.DowntimeViews.RedundancyGroupView;
import org.patchcare.downtime.application.RedundancyGroupCommand;
import org.patchcare.downtime.application.RedundancyGroupService;
import org.patchcare.shared.api.Problem;

import java.util.List;

/** Redundancy groups: read by everyone, written by biomed and administrators. */
@Path("redundancy-groups")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Redundancy groups", description = "Devices that stand in for each other, with a minimum in service")
@APIResponse(responseCode = "401", description = "No or wrong credentials",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The caller's role may not do this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class RedundancyGroupResource {

    @Inject
    RedundancyGroupService groups;
    @Context
    UriInfo uriInfo;

    /** A group; {@code minimumAvailable} from 1 to the number of devices − 1; {@code version} required to change. */
    public record GroupRequest(String name, String departmentCode, Integer minimumAvailable, List<String> assetTags,
                               Integer version) {
        RedundancyGroupCommand command() {
            return new RedundancyGroupCommand(name, departmentCode, minimumAvailable, assetTags);
        }
    }

    @GET
    @Operation(summary = "List redundancy groups with how many devices are in service now")
    public List<RedundancyGroupView> list() {
        return groups.list();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a redundancy group")
    public RedundancyGroupView get(@PathParam("id") String id) {
        return groups.get(id);
    }

    @POST
    @Operation(summary = "Create a redundancy group (biomed, admin)")
    @APIResponse(responseCode = "201", description = "Created; Location names it")
    @APIResponse(responseCode = "422", description = "A value is missing or invalid (unknown asset tags are listed)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@NotNull(message = "send the group as a JSON object") GroupRequest body) {
        RedundancyGroupView created = groups.create(body.command());
        return Response.created(uriInfo.getBaseUriBuilder().path(RedundancyGroupResource.class)
                .segment(created.id()).build()).entity(created).build();
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Change a redundancy group (biomed, admin)", description = "Send every field and the version "
            + "you saw.")
    @APIResponse(responseCode = "409", description = "Changed by someone else since that version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public RedundancyGroupView update(@PathParam("id") String id,
                                      @NotNull(message = "send the group as a JSON object") GroupRequest body) {
        return groups.update(id, body.version(), body.command());
    }

    @DELETE
    @Path("{id}")
    @Operation(summary = "Delete a redundancy group (biomed, admin)", description = "?version= the version you saw")
    @APIResponse(responseCode = "204", description = "Deleted")
    public Response delete(@PathParam("id") String id, @QueryParam("version") String version) {
        groups.delete(id, DowntimeApi.version(version));
        return Response.noContent().build();
    }
}
