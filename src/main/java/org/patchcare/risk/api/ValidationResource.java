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
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.patchcare.advisories.application.ExposureViews.ExposureView;
import org.patchcare.risk.application.MitigationViews.ValidationView;
import org.patchcare.risk.application.ValidationCommand;
import org.patchcare.risk.application.ValidationService;
import org.patchcare.shared.api.Problem;

import java.util.List;

/**
 * Validation evidence of one exposure, and "not affected" on the strength of it. Everyone logged in reads; IT security
 * records (enforced by {@link ValidationService}).
 */
@Path("risk") // the same root as RiskResource: a longer root path would hide its /risk/exposures/{id}/decision
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Validation evidence", description = "Breach-and-attack simulations, penetration tests, manual checks")
@APIResponse(responseCode = "401", description = "No or wrong credentials",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The caller's role may not do this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ValidationResource {

    @Inject
    ValidationService validations;

    /** Why the exposure is not affected, added to the reason built from the validation and the controls. */
    public record NotAffected(String comment) {
    }

    @GET
    @Path("exposures/{id}/validations")
    @Operation(summary = "An exposure's validation results", description = "Newest test first; stale ones (older than "
            + "PATCHCARE_RISK_EVIDENCE_FRESH_DAYS) are flagged and do not count; current marks the one that does.")
    public List<ValidationView> list(@PathParam("id") String id) {
        return validations.forExposure(id);
    }

    @POST
    @Path("exposures/{id}/validations")
    @Operation(summary = "Record a validation result (IT security)", description = "outcome EXPLOITABLE, "
            + "BLOCKED_BY_CONTROL (controlId required) or NOT_REACHABLE; method BREACH_AND_ATTACK_SIMULATION, "
            + "PENETRATION_TEST or MANUAL_CHECK; testedOn not in the future; evidence required. The exposure is "
            + "decided again at once.")
    @APIResponse(responseCode = "201", description = "Recorded")
    @APIResponse(responseCode = "422", description = "A value is missing or invalid; errors names the field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response record(@PathParam("id") String id,
                           @NotNull(message = "send the result as a JSON object") ValidationCommand body) {
        return Response.status(Response.Status.CREATED).entity(validations.record(id, body)).build();
    }

    @POST
    @Path("exposures/{id}/not-affected")
    @Operation(summary = "Mark not affected from validation evidence (IT security)", description = "Needs a fresh "
            + "validation that found the exposure not reachable or blocked by a control. The state becomes NOT_AFFECTED "
            + "(inline mitigations already exist) with a reason naming the test and the controls; VEX exports carry it.")
    @APIResponse(responseCode = "409", description = "No fresh evidence that the exposure cannot be exploited here",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ExposureView notAffected(@PathParam("id") String id, NotAffected body) {
        return validations.markNotAffected(id, body == null ? null : body.comment());
    }
}
