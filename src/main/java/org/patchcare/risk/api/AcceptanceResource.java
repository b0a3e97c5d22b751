package org.patchcare.risk.api;

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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.patchcare.inventory.application.PageRequest;
import org.patchcare.risk.application.AcceptanceService;
import org.patchcare.risk.application.MitigationViews.AcceptanceFilter;
import org.patchcare.risk.application.MitigationViews.AcceptanceView;
import org.patchcare.shared.api.Problem;
import org.patchcare.shared.api.QueryParams;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;

/**
 * Risk acceptances: requested by IT security or biomed, approved by a clinical manager of the device's department and
 * by IT security, never by the requester (enforced by {@link AcceptanceService}).
 */
@Path("acceptances")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Risk acceptances", description = "Accepting an exposure's risk until a date, with two approvals")
@APIResponse(responseCode = "401", description = "No or wrong credentials",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The caller's role may not do this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AcceptanceResource {

    @Inject
    AcceptanceService acceptances;
    @Context
    UriInfo uriInfo;

    public record AcceptancePage(List<AcceptanceView> items, int offset, int limit, long total) {
    }

    /** A request: the exposure, why its risk can be accepted, and until when (at most 365 days ahead). */
    public record AcceptanceRequest(String exposureId, String reason, LocalDate expiresOn) {
    }

    /** An approval, rejection or withdrawal: a comment (required to reject) and the version the caller saw. */
    public record Decision(String comment, Integer version) {
    }

    @POST
    @Operation(summary = "Request a risk acceptance (IT security, biomed)", description = "For an open exposure without "
            + "a requested or approved acceptance; expiresOn after today and at most " + AcceptanceService.MAX_DAYS
            + " days ahead.")
    @APIResponse(responseCode = "201", description = "Requested; Location names it")
    @APIResponse(responseCode = "409", description = "The exposure is closed or already has an acceptance running",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "No reason, or an end date outside the allowed range",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response request(@NotNull(message = "send the request as a JSON object") AcceptanceRequest body) {
        AcceptanceView a = acceptances.request(body.exposureId(), body.reason(), body.expiresOn());
        URI location = uriInfo.getBaseUriBuilder().path(AcceptanceResource.class).segment(a.id()).build();
        return Response.created(location).entity(a).build();
    }

    @GET
    @Operation(summary = "List risk acceptances", description = "Newest first. Clinical managers see those of their "
            + "departments; awaitingMe=true lists those the caller may still approve.")
    public AcceptancePage list(@QueryParam("offset") String offset, @QueryParam("limit") String limit,
                               @Parameter(description = "true: only those waiting for the caller's approval")
                               @QueryParam("awaitingMe") String awaitingMe,
                               @Parameter(description = "REQUESTED, APPROVED, REJECTED, WITHDRAWN or EXPIRED")
                               @QueryParam("status") String status,
                               @Parameter(description = "of this exposure") @QueryParam("exposure") String exposure) {
        int first = QueryParams.integer("offset", offset, 0, 0, Integer.MAX_VALUE);
        int size = QueryParams.integer("limit", limit, 50, 1, PageRequest.MAX_LIMIT);
        AcceptanceFilter f = new AcceptanceFilter(QueryParams.bool("awaitingMe", awaitingMe), QueryParams.text(status),
                QueryParams.text(exposure));
        return new AcceptancePage(acceptances.list(f, new PageRequest(first, size, null, false)), first, size,
                acceptances.count(f));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a risk acceptance")
    public AcceptanceView get(@PathParam("id") String id) {
        return acceptances.get(id);
    }

    @POST
    @Path("{id}/approve")
    @Operation(summary = "Approve (clinical manager of the department, IT security)", description = "IT security gives "
            + "the security approval, a clinical manager assigned to the device's department the clinical one; the "
            + "requester never approves their own. Both given: approved, the exposure leaves the work queue.")
    @APIResponse(responseCode = "409", description = "Decided by someone else since that version, or no longer waiting",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "The caller may not decide on this request (field approver)",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AcceptanceView approve(@PathParam("id") String id, Decision body) {
        return acceptances.approve(id, body == null ? null : body.comment(), body == null ? null : body.version());
    }

    @POST
    @Path("{id}/reject")
    @Operation(summary = "Reject (clinical manager of the department, IT security)", description = "A comment is "
            + "required; one rejection ends the request.")
    public AcceptanceView reject(@PathParam("id") String id,
                                 @NotNull(message = "send {\"comment\": \"...\"}") Decision body) {
        return acceptances.reject(id, body.comment(), body.version());
    }

    @POST
    @Path("{id}/withdraw")
    @Operation(summary = "Withdraw (the requester)", description = "A requested or approved acceptance; an approved "
            + "one's exposure returns to the work queue.")
    public AcceptanceView withdraw(@PathParam("id") String id, Decision body) {
        return acceptances.withdraw(id, body == null ? null : body.comment(), body == null ? null : body.version());
    }
}
