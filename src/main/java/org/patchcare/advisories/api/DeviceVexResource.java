package org.patchcare.advisories.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.patchcare.advisories.application.ExposureService;

/** VEX for one device. */
@Path("devices/{assetTag}/vex")
@RequestScoped
@Tag(name = "Exposures", description = "Which devices an advisory affects, and in what state")
public class DeviceVexResource {

    @Inject
    ExposureService exposures;

    @GET
    @Produces({MediaType.APPLICATION_JSON, "application/vnd.cyclonedx+json"})
    @Operation(summary = "VEX for the device", description = "format=csaf (default, a CSAF 2.0 VEX document that "
            + "PatchCare's own importer accepts) or format=cyclonedx (CycloneDX 1.6 VEX).")
    public jakarta.ws.rs.core.Response vex(@PathParam("assetTag") String assetTag,
                                           @jakarta.ws.rs.QueryParam("format") String format) {
        ExposureService.VexExport x = exposures.vexForDevice(assetTag, format);
        return jakarta.ws.rs.core.Response.ok(x.content(), x.mediaType())
                .header("Content-Disposition", "attachment; filename=\"" + x.fileName() + "\"").build();
    }
}
