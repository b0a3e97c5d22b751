package org.patchcare.advisories.api;

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
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.patchcare.advisories.application.ExposureService;
import org.patchcare.advisories.application.ExposureViews.ExposureEventView;
import org.patchcare.advisories.application.ExposureViews.ExposureFilter;
import org.patchcare.advisories.application.ExposureViews.ExposureView;
import org.patchcare.advisories.application.ExposureViews.ReviewDecision;
import org.patchcare.advisories.application.ExposureViews.ReviewItem;
import org.patchcare.advisories.application.ExposureViews.ReviewOutcome;
import org.patchcare.inventory.application.PageRequest;
import org.patchcare.shared.api.Problem;
import org.patchcare.shared.api.QueryParams;

import java.util.List;

/**
 * Exposures (device × vulnerability × advisory) with their VEX state, and the match-review queue. Everyone logged in
 * reads; IT security and administrators change states and decide reviews (enforced by {@link ExposureService}).
 */
@Path("exposures")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Exposures", description = "Which devices an advisory affects, and in what state")
@APIResponse(responseCode = "401", description = "No or wrong credentials",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The caller's role may not do this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ExposureResource {

    @Inject
    ExposureService exposures;

    /** One page of exposures. */
    public record ExposurePage(List<ExposureView> items, int offset, int limit, long total) {
    }

    /** A new VEX state: state, justification (for NOT_AFFECTED), reason, and the version the caller saw. */
    public record StateChange(String state, String justification, String reason, Integer version) {
    }

    @GET
    @Operation(summary = "List exposures", description = "Highest CVSS first by default; every filter given must hold.")
    public ExposurePage list(@QueryParam("offset") String offset, @QueryParam("limit") String limit,
                             @Parameter(description = "cvss (default), assetTag, trackingId, state, updatedAt, cve")
                             @QueryParam("sort") String sort, @QueryParam("dir") String dir,
                             @QueryParam("assetTag") String assetTag, @QueryParam("trackingId") String trackingId,
                             @QueryParam("cve") String cve,
                             @Parameter(description = "UNDER_INVESTIGATION, AFFECTED, NOT_AFFECTED or FIXED")
                             @QueryParam("state") String state,
                             @Parameter(description = "true: only affected and under investigation")
                             @QueryParam("open") String open,
                             @Parameter(description = "true: only CVEs in CISA's KEV catalogue") @QueryParam("kev") String kev) {
        int first = QueryParams.integer("offset", offset, 0, 0, Integer.MAX_VALUE);
        int size = QueryParams.integer("limit", limit, 50, 1, PageRequest.MAX_LIMIT);
        boolean ascending = dir != null && !dir.isBlank() && QueryParams.ascending("dir", dir);
        ExposureFilter filter = new ExposureFilter(QueryParams.text(assetTag), QueryParams.text(trackingId),
                QueryParams.text(cve), QueryParams.text(state), QueryParams.bool("open", open),
                QueryParams.bool("kev", kev));
        return new ExposurePage(exposures.list(filter, new PageRequest(first, size, QueryParams.text(sort), ascending)),
                first, size, exposures.count(filter));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read an exposure")
    public ExposureView get(@PathParam("id") String id) {
        return exposures.get(id);
    }

    @GET
    @Path("{id}/history")
    @Operation(summary = "An exposure's state changes", description = "Who, when, from → to, justification and why; newest first.")
    public List<ExposureEventView> history(@PathParam("id") String id) {
        return exposures.history(id);
    }

    @PUT
    @Path("{id}/state")
    @Operation(summary = "Set an exposure's VEX state",
            description = "NOT_AFFECTED needs a justification: COMPONENT_NOT_PRESENT, VULNERABLE_CODE_NOT_PRESENT, "
                    + "VULNERABLE_CODE_NOT_IN_EXECUTE_PATH, VULNERABLE_CODE_CANNOT_BE_CONTROLLED_BY_ADVERSARY or "
                    + "INLINE_MITIGATIONS_ALREADY_EXIST. A reason is always needed.")
    @APIResponse(responseCode = "409", description = "Someone else changed the exposure since version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Missing reason or justification, or an unknown state",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ExposureView changeState(@PathParam("id") String id,
                                    @NotNull(message = "send the change as a JSON object") StateChange body) {
        return exposures.changeState(id, body.state(), body.justification(), body.reason(), body.version());
    }
}
