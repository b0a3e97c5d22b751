package org.patchcare.advisories.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.patchcare.advisories.application.ExposureService;

/** VEX for every device of one model, one product per software version. */
@Path("device-models/{modelId}/vex")
@RequestScoped
@Tag(name = "Exposures", description = "Which devices an advisory affects, and in what state")
public class ModelVexResource {

    @Inject
    ExposureService exposures;

    @GET
    @Produces({MediaType.APPLICATION_JSON, "application/vnd.cyclonedx+json"})
    @Operation(summary = "VEX for all devices of a model", description = "format=csaf (default) or format=cyclonedx.")
    public Response vex(@PathParam("modelId") String modelId, @QueryParam("format") String format) {
        ExposureService.VexExport x = exposures.vexForModel(modelId, format);
        return Response.ok(x.content(), x.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + x.fileName() + "\"").build();
    }
}
