package org.patchcare.downtime.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
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
import org.patchcare.downtime.application.ApprovalDecision;
import org.patchcare.downtime.application.ChangeRequestCommand;
import org.patchcare.downtime.application.ChangeRequestCommand.WindowProposal;
import org.patchcare.downtime.application.ChangeRequestFilter;
import org.patchcare.downtime.application.ChangeRequestService;
import org.patchcare.downtime.application.DowntimeViews.ChangeRequestDetails;
import org.patchcare.downtime.application.DowntimeViews.ChangeRequestSummary;
import org.patchcare.downtime.application.DowntimeViews.DurationSuggestion;
import org.patchcare.downtime.domain.ChangeRequestKind;
import org.patchcare.downtime.domain.ChangeRequestStatus;
import org.patchcare.inventory.application.PageRequest;
import org.patchcare.shared.api.Problem;
import org.patchcare.shared.api.QueryParams;
import org.patchcare.shared.domain.InvalidInputException;

import java.net.URI;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Change requests: drafted by IT security or biomed, approved by IT security and a clinical manager of each affected
 * department (never the requester), then scheduled, started and completed (or failed and rolled back). Every action
 * takes the version the caller saw (409 when someone changed the request meanwhile); moves the workflow does not allow
 * answer 409 with the states that are possible.
 */
@Path("change-requests")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Change requests", description = "Downtime work on devices and its approvals")
@APIResponse(responseCode = "401", description = "No or wrong credentials",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The caller's role may not do this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "409", description = "Changed by someone else since that version, or not possible in "
        + "the request's state", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "422", description = "A value was refused; errors name the field",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ChangeRequestResource {

    @Inject
    ChangeRequestService requests;
    @Context
    UriInfo uriInfo;

    public record ChangeRequestPage(List<ChangeRequestSummary> items, int offset, int limit, long total) {
    }

    /** A change request as the requester writes it; {@code version} only on PUT. Instants in ISO-8601 UTC. */
    public record ChangeRequestBody(ChangeRequestKind kind, String title, String plannedAction, String vendorReference,
                                    Boolean manufacturerValidated, Integer expectedMinutes, String clinicalImpact,
                                    String backupEquipment, String rollbackPlan, String technician,
                                    List<String> assetTags, List<String> exposureIds, List<WindowProposal> windows,
                                    Boolean emergency, Integer version) {
        ChangeRequestCommand command() {
            return new ChangeRequestCommand(kind, title, plannedAction, vendorReference,
                    Boolean.TRUE.equals(manufacturerValidated), expectedMinutes, clinicalImpact, backupEquipment,
                    rollbackPlan, technician, assetTags, exposureIds, windows, Boolean.TRUE.equals(emergency));
        }
    }

    /**
     * An action on a request: the version the caller saw, a comment (required to reject and to propose), the reason
     * for going ahead despite conflicts (approve, schedule), and the other window an approver proposes.
     */
    public record Action(Integer version, String comment, String conflictOverride, java.time.Instant proposedStart,
                         java.time.Instant proposedEnd) {
        ApprovalDecision decision() {
            return new ApprovalDecision(comment, conflictOverride, proposedStart, proposedEnd);
        }
    }

    @POST
    @Operation(summary = "Create a draft (IT security, biomed)", description = "Devices by asset tag and exposures by "
            + "id (their devices are added); windows per device. Without expectedMinutes the suggestion is used.")
    @APIResponse(responseCode = "201", description = "Created; Location names it")
    public Response create(@NotNull(message = "send the change request as a JSON object") ChangeRequestBody body) {
        ChangeRequestDetails d = requests.create(body.command());
        URI location = uriInfo.getBaseUriBuilder().path(ChangeRequestResource.class).segment(d.summary().id()).build();
        return Response.created(location).entity(d).build();
    }

    @GET
    @Operation(summary = "List change requests", description = "Newest first unless sorted. Clinical managers see "
            + "requests touching their departments.")
    public ChangeRequestPage list(@QueryParam("offset") String offset, @QueryParam("limit") String limit,
                                  @Parameter(description = "comma-separated states, e.g. SUBMITTED,APPROVED")
                                  @QueryParam("status") String status,
                                  @Parameter(description = "department code") @QueryParam("department") String department,
                                  @Parameter(description = "username") @QueryParam("requestedBy") String requestedBy,
                                  @Parameter(description = "part of the reference or title") @QueryParam("q") String q,
                                  @Parameter(description = "reference, title, status, kind, submittedAt, createdAt, "
                                          + "requestedBy") @QueryParam("sort") String sort,
                                  @QueryParam("ascending") String ascending) {
        int first = QueryParams.integer("offset", offset, 0, 0, Integer.MAX_VALUE);
        int size = QueryParams.integer("limit", limit, 50, 1, PageRequest.MAX_LIMIT);
        ChangeRequestFilter f = new ChangeRequestFilter(statuses(status), QueryParams.text(department),
                QueryParams.text(requestedBy), QueryParams.text(q));
        return new ChangeRequestPage(requests.list(f, new PageRequest(first, size, QueryParams.text(sort),
                QueryParams.ascending("ascending", ascending))), first, size, requests.count(f));
    }

    private static Set<ChangeRequestStatus> statuses(String s) {
        if (s == null || s.isBlank()) {
            return null;
        }
        Set<ChangeRequestStatus> out = EnumSet.noneOf(ChangeRequestStatus.class);
        for (String part : s.split(",")) {
            try {
                out.add(ChangeRequestStatus.valueOf(part.strip().toUpperCase(Locale.ROOT).replace('-', '_')));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("status", "'" + part.strip() + "' is not a state; use "
                        + Arrays.toString(ChangeRequestStatus.values()) + ".");
            }
        }
        return out;
    }

    @GET
    @Path("awaiting-my-approval")
    @Operation(summary = "Requests with an approval the caller may give now")
    public List<ChangeRequestSummary> awaitingMyApproval() {
        return requests.awaitingMyApproval();
    }

    @GET
    @Path("duration-suggestion")
    @Operation(summary = "Suggested duration", description = "From the advisories' restart_required and the median of "
            + "past completed requests of the same device models; the reason explains.")
    public DurationSuggestion durationSuggestion(@QueryParam("assetTag") List<String> assetTags,
                                                 @QueryParam("exposureId") List<String> exposureIds) {
        return requests.suggestDuration(assetTags, exposureIds);
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a change request with its devices, windows, approvals, history and conflicts")
    public ChangeRequestDetails get(@PathParam("id") String id) {
        return requests.get(id);
    }

    @PUT
    @Path("{id}")
    @Operation(summary = "Edit a draft (the requester or IT security)")
    public ChangeRequestDetails update(@PathParam("id") String id,
                                       @NotNull(message = "send the change request as a JSON object") ChangeRequestBody body) {
        return requests.update(id, version(body.version()), body.command());
    }

    @POST
    @Path("{id}/submit")
    @Operation(summary = "Submit for approval", description = "Every device needs a window; conflicts are shown but "
            + "do not block. Clinical managers and IT security are notified.")
    public ChangeRequestDetails submit(@PathParam("id") String id, Action body) {
        return requests.submit(id, version(body), comment(body));
    }

    @POST
    @Path("{id}/approve")
    @Operation(summary = "Approve (IT security, clinical manager of an affected department)", description = "Never the "
            + "requester; one person one approval. Conflicts block unless conflictOverride gives the reason.")
    public ChangeRequestDetails approve(@PathParam("id") String id, Action body) {
        return requests.approve(id, version(body), body.decision());
    }

    @POST
    @Path("{id}/reject")
    @Operation(summary = "Reject with a reason")
    public ChangeRequestDetails reject(@PathParam("id") String id, Action body) {
        return requests.reject(id, version(body), body.decision());
    }

    @POST
    @Path("{id}/propose")
    @Operation(summary = "Propose another window", description = "comment, proposedStart and proposedEnd; the request "
            + "goes back to its requester as a draft.")
    public ChangeRequestDetails propose(@PathParam("id") String id, Action body) {
        return requests.proposeWindow(id, version(body), body.decision());
    }

    @POST
    @Path("{id}/schedule")
    @Operation(summary = "Confirm the windows of an approved request", description = "Conflicts block unless "
            + "conflictOverride gives the reason.")
    public ChangeRequestDetails schedule(@PathParam("id") String id, Action body) {
        return requests.schedule(id, version(body), comment(body), body.conflictOverride());
    }

    @POST
    @Path("{id}/start")
    @Operation(summary = "Start the work")
    public ChangeRequestDetails start(@PathParam("id") String id, Action body) {
        return requests.start(id, version(body), comment(body));
    }

    @POST
    @Path("{id}/complete")
    @Operation(summary = "Complete the work")
    public ChangeRequestDetails complete(@PathParam("id") String id, Action body) {
        return requests.complete(id, version(body), comment(body));
    }

    @POST
    @Path("{id}/fail")
    @Operation(summary = "Record that the work failed")
    public ChangeRequestDetails fail(@PathParam("id") String id, Action body) {
        return requests.fail(id, version(body), comment(body));
    }

    @POST
    @Path("{id}/roll-back")
    @Operation(summary = "Record that a failed change was rolled back")
    public ChangeRequestDetails rollBack(@PathParam("id") String id, Action body) {
        return requests.rollBack(id, version(body), comment(body));
    }

    @POST
    @Path("{id}/cancel")
    @Operation(summary = "Cancel (the requester, IT security or an administrator) before the work started")
    public ChangeRequestDetails cancel(@PathParam("id") String id, Action body) {
        return requests.cancel(id, version(body), comment(body));
    }

    private static int version(Action body) {
        return version(body == null ? null : body.version());
    }

    /** A missing version becomes -1, which the service refuses on the field version after its role check. */
    private static int version(Integer v) {
        return v == null ? ChangeRequestService.NO_VERSION : v;
    }

    private static String comment(Action body) {
        return body == null ? null : body.comment();
    }
}
