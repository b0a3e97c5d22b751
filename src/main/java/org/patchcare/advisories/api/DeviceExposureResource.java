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

/** One device's exposures; everyone logged in reads. */
@Path("devices/{assetTag}/exposures")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Exposures", description = "Which devices an advisory affects, and in what state")
@APIResponse(responseCode = "401", description = "No or wrong credentials",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The caller's role may not do this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class DeviceExposureResource {

    @Inject
    ExposureService exposures;

    @GET
    @Operation(summary = "A device's exposures", description = "Every advisory and CVE matched to the device, with its state.")
    @APIResponse(responseCode = "404", description = "No device has this asset tag",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public List<ExposureView> forDevice(@PathParam("assetTag") String assetTag) {
        return exposures.forDevice(assetTag);
    }
}
