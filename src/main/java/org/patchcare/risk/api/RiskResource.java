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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.patchcare.inventory.application.PageRequest;
import org.patchcare.risk.application.RiskService;
import org.patchcare.risk.application.RiskViews.DecisionChangeView;
import org.patchcare.risk.application.RiskViews.DecisionDetails;
import org.patchcare.risk.application.RiskViews.DeviceRisk;
import org.patchcare.risk.application.RiskViews.QueueFilter;
import org.patchcare.risk.application.RiskViews.QueueItem;
import org.patchcare.risk.application.RiskViews.RiskRollup;
import org.patchcare.shared.api.Problem;
import org.patchcare.shared.api.QueryParams;

import java.util.List;
import java.util.Map;

/**
 * SSVC decisions: the work queue, one exposure's decision with evidence and history, IT security's overrides, and
 * the roll-ups per department, facility and device. Roles are enforced by {@link RiskService}.
 */
@Path("risk")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Risk", description = "SSVC priority of every exposure")
@APIResponse(responseCode = "401", description = "No or wrong credentials",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The caller's role may not do this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class RiskResource {

    @Inject
    RiskService risk;

    public record QueuePage(List<QueueItem> items, int offset, int limit, long total) {
    }

    /** An override of one decision point: the value (e.g. ACTIVE, OPEN, NO, VERY_HIGH) and why. */
    public record OverrideRequest(String value, String reason) {
    }

    public record Reason(String reason) {
    }

    @GET
    @Path("queue")
    @Operation(summary = "The work queue", description = "Open exposures with their decision and score, most urgent "
            + "first (immediate → defer, then due date). Exposures under an approved risk acceptance are left out "
            + "unless accepted=true.")
    public QueuePage queue(@QueryParam("offset") String offset, @QueryParam("limit") String limit,
                           @Parameter(description = "IMMEDIATE, OUT_OF_CYCLE, SCHEDULED or DEFER") @QueryParam("outcome") String outcome,
                           @Parameter(description = "department code") @QueryParam("department") String department,
                           @Parameter(description = "NONE, PUBLIC_POC or ACTIVE") @QueryParam("exploitation") String exploitation,
                           @Parameter(description = "true: only past their due date") @QueryParam("overdue") String overdue,
                           @Parameter(description = "true: include accepted risks") @QueryParam("accepted") String accepted,
                           @Parameter(description = "asset tag or CVE id") @QueryParam("q") String q,
                           @Parameter(description = "true: only those due within the next seven days (not yet overdue)")
                           @QueryParam("dueWithinWeek") String dueWithinWeek) {
        int first = QueryParams.integer("offset", offset, 0, 0, Integer.MAX_VALUE);
        int size = QueryParams.integer("limit", limit, 50, 1, PageRequest.MAX_LIMIT);
        QueueFilter f = new QueueFilter(QueryParams.text(outcome), QueryParams.text(department),
                QueryParams.text(exploitation), QueryParams.bool("overdue", overdue), QueryParams.bool("accepted", accepted),
                QueryParams.text(q), QueryParams.bool("dueWithinWeek", dueWithinWeek));
        return new QueuePage(risk.queue(f, new PageRequest(first, size, null, true)), first, size, risk.queueCount(f));
    }

    @GET
    @Path("exposures/{id}/decision")
    @Operation(summary = "An exposure's SSVC decision", description = "Each decision point with its evidence, "
            + "whether it is overridden, the outcome, the due date and the score with its factors.")
    public DecisionDetails decision(@PathParam("id") String id) {
        return risk.decision(id);
    }

    @GET
    @Path("exposures/{id}/decision/history")
    @Operation(summary = "How an exposure's decision changed", description = "Newest first, each with its cause.")
    public List<DecisionChangeView> history(@PathParam("id") String id) {
        return risk.history(id);
    }

    @PUT
    @Path("exposures/{id}/decision/overrides/{point}")
    @Operation(summary = "Override one decision point (IT security)", description = "point: EXPLOITATION, "
            + "SYSTEM_EXPOSURE, AUTOMATABLE or HUMAN_IMPACT. The exposure is decided again at once; audited.")
    @APIResponse(responseCode = "422", description = "Unknown point or value, or no reason",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DecisionDetails override(@PathParam("id") String id, @PathParam("point") String point,
                                    @NotNull(message = "send the override as a JSON object") OverrideRequest body) {
        return risk.override(id, point, body.value(), body.reason());
    }

    @DELETE
    @Path("exposures/{id}/decision/overrides/{point}")
    @Operation(summary = "Remove an override (IT security)", description = "The derived value counts again.")
    public DecisionDetails removeOverride(@PathParam("id") String id, @PathParam("point") String point,
                                          @QueryParam("reason") String reason) {
        return risk.removeOverride(id, point, reason);
    }

    @GET
    @Path("departments")
    @Operation(summary = "Roll-up per department", description = "Clinical managers see their departments.")
    public List<RiskRollup> departments() {
        return risk.departments();
    }

    @GET
    @Path("facilities")
    @Operation(summary = "Roll-up per facility")
    public List<RiskRollup> facilities() {
        return risk.facilities();
    }

    @GET
    @Path("devices/{assetTag}")
    @Operation(summary = "Roll-up of one device")
    public DeviceRisk device(@PathParam("assetTag") String assetTag) {
        return risk.device(assetTag);
    }

    @POST
    @Path("reevaluate")
    @Operation(summary = "Evaluate every exposure again (IT security, admin)",
            description = "Marks every decision; they are evaluated within seconds. 202 with the number marked.")
    public Response reevaluate(@NotNull(message = "send {\"reason\": \"...\"}") Reason body) {
        return Response.accepted(Map.of("marked", risk.reevaluateAll(body.reason()))).build();
    }

    @GET
    @Path("pending")
    @Operation(summary = "How many exposures wait for evaluation")
    public Map<String, Long> pending() {
        return Map.of("pending", risk.pending());
    }
}
