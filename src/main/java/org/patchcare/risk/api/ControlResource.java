package org.patchcare.risk.api;

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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.patchcare.inventory.application.PageRequest;
import org.patchcare.risk.application.ControlCommand;
import org.patchcare.risk.application.ControlService;
import org.patchcare.risk.application.MitigationViews.ControlDetails;
import org.patchcare.risk.application.MitigationViews.ControlFilter;
import org.patchcare.risk.application.MitigationViews.ControlView;
import org.patchcare.shared.api.Problem;
import org.patchcare.shared.api.QueryParams;

import java.net.URI;
import java.util.List;

/**
 * Compensating controls: recorded, changed, withdrawn and attached to exposures by IT security and administrators,
 * read by everyone logged in (enforced by {@link ControlService}).
 */
@Path("controls")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Compensating controls", description = "IPS rules, EDR signatures, segmentation ... that lower an exposure's risk")
@APIResponse(responseCode = "401", description = "No or wrong credentials",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The caller's role may not do this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ControlResource {

    @Inject
    ControlService controls;
    @Context
    UriInfo uriInfo;

    public record ControlPage(List<ControlView> items, int offset, int limit, long total) {
    }

    /** Why a control is withdrawn, and the version the caller saw. */
    public record Withdrawal(String reason, Integer version) {
    }

    /** Exposures to attach the control to, and the decision point it changes there (SYSTEM_EXPOSURE or AUTOMATABLE). */
    public record Attachment(List<String> exposureIds, String point) {
    }

    @POST
    @Operation(summary = "Record a control (IT security, admin)", description = "scope DEVICE (scopeKey: asset tag), "
            + "SEGMENT (network segment) or MODEL (device model id). The owner must be a user; expiresOn is required "
            + "and after appliedOn.")
    @APIResponse(responseCode = "201", description = "Recorded; Location names the new control")
    @APIResponse(responseCode = "422", description = "A value is missing or invalid; errors names the field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@NotNull(message = "send the control as a JSON object") ControlCommand body) {
        ControlDetails created = controls.create(body);
        URI location = uriInfo.getBaseUriBuilder().path(ControlResource.class).segment(created.control().id()).build();
        return Response.created(location).entity(created).build();
    }

    @GET
    @Operation(summary = "List controls", description = "Soonest expiry first by default; every filter given must hold.")
    public ControlPage list(@QueryParam("offset") String offset, @QueryParam("limit") String limit,
                            @Parameter(description = "expiresOn (default), title, appliedOn, status, owner, type")
                            @QueryParam("sort") String sort, @QueryParam("dir") String dir,
                            @Parameter(description = "ACTIVE, WITHDRAWN or EXPIRED") @QueryParam("status") String status,
                            @Parameter(description = "active controls expiring within this many days")
                            @QueryParam("expiringWithin") String expiringWithin,
                            @Parameter(description = "true: expired ones (also those past their date not marked yet)")
                            @QueryParam("expired") String expired,
                            @Parameter(description = "the owner's username") @QueryParam("owner") String owner,
                            @Parameter(description = "part of the title or reference") @QueryParam("q") String q,
                            @Parameter(description = "attached to this exposure") @QueryParam("exposure") String exposure) {
        int first = QueryParams.integer("offset", offset, 0, 0, Integer.MAX_VALUE);
        int size = QueryParams.integer("limit", limit, 50, 1, PageRequest.MAX_LIMIT);
        boolean ascending = QueryParams.ascending("dir", dir);
        Integer within = expiringWithin == null || expiringWithin.isBlank() ? null
                : QueryParams.integer("expiringWithin", expiringWithin, 0, 0, 3650);
        ControlFilter f = new ControlFilter(QueryParams.text(status), within, QueryParams.bool("expired", expired),
                QueryParams.text(owner), QueryParams.text(q), QueryParams.text(exposure));
        return new ControlPage(controls.list(f, new PageRequest(first, size, QueryParams.text(sort), ascending)), first,
                size, controls.count(f));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a control with the exposures it is attached to")
    public ControlDetails get(@PathParam("id") String id) {
        return controls.get(id);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Change a control (IT security, admin)", description = "Send every field and the version you "
            + "saw. The attached exposures are decided again within seconds.")
    @APIResponse(responseCode = "409", description = "Changed by someone else since that version, or withdrawn",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ControlDetails update(@PathParam("id") String id,
                                 @NotNull(message = "send the control as a JSON object") ControlCommand body) {
        return controls.update(id, body);
    }

    @POST
    @Path("{id}/withdraw")
    @Operation(summary = "Withdraw a control (IT security, admin)", description = "A reason is required; the attached "
            + "exposures are decided again without it.")
    public ControlDetails withdraw(@PathParam("id") String id,
                                   @NotNull(message = "send {\"reason\": \"...\"}") Withdrawal body) {
        return controls.withdraw(id, body.reason(), body.version());
    }

    @POST
    @Path("{id}/attachments")
    @Operation(summary = "Attach a control to exposures (IT security, admin)", description = "Every exposure's device "
            + "must lie inside the control's scope; otherwise nothing is attached and errors names each exposure "
            + "outside. The exposures are decided again at once.")
    @APIResponse(responseCode = "422", description = "An exposure is unknown or outside the scope, or the point is not "
            + "SYSTEM_EXPOSURE or AUTOMATABLE",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ControlDetails attach(@PathParam("id") String id,
                                 @NotNull(message = "send {\"exposureIds\": [...], \"point\": \"SYSTEM_EXPOSURE\"}")
                                 Attachment body) {
        return controls.attach(id, body.exposureIds(), body.point());
    }

    @DELETE
    @Path("{id}/attachments/{exposureId}")
    @Operation(summary = "Detach a control from an exposure (IT security, admin)")
    public ControlDetails detach(@PathParam("id") String id, @PathParam("exposureId") String exposureId) {
        return controls.detach(id, exposureId);
    }
}
