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

/** The match-review queue: likely matches; IT security and administrators decide (enforced by {@link ExposureService}). */
@Path("match-reviews")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Match review", description = "Likely matches IT confirms or dismisses")
@APIResponse(responseCode = "401", description = "No or wrong credentials",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The caller's role may not do this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class MatchReviewResource {

    @Inject
    ExposureService exposures;

    /** A review decision: CONFIRM or DISMISS, an optional comment, and the version the caller saw. */
    public record Decision(ReviewDecision decision, String comment, Integer version) {
    }

    /** One page of the review queue. */
    public record ReviewPage(List<ReviewItem> items, int offset, int limit, long total) {
    }

    @GET
    @Operation(summary = "The match-review queue", description = "Likely matches; status PENDING (default), CONFIRMED or DISMISSED.")
    public ReviewPage reviews(@QueryParam("status") String status, @QueryParam("offset") String offset,
                              @QueryParam("limit") String limit) {
        int first = QueryParams.integer("offset", offset, 0, 0, Integer.MAX_VALUE);
        int size = QueryParams.integer("limit", limit, 50, 1, PageRequest.MAX_LIMIT);
        return new ReviewPage(exposures.reviewQueue(status, new PageRequest(first, size, null, true)), first, size,
                exposures.reviewCount(status));
    }

    @POST
    @Path("{id}/decision")
    @Operation(summary = "Confirm or dismiss a likely match", description = "Remembered for the model and product.")
    public ReviewOutcome decide(@PathParam("id") String id,
                                @NotNull(message = "send the decision as a JSON object") Decision body) {
        return exposures.decide(id, body.decision(), body.comment(), body.version());
    }
}
