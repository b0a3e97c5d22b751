package org.patchcare.inventory.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
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
import org.patchcare.inventory.application.CatalogService;
import org.patchcare.inventory.application.CatalogViews.ModelView;
import org.patchcare.shared.api.Problem;
import org.patchcare.shared.api.QueryParams;

import java.util.List;

/** Device models of the catalogue, by public id. */
@Path("device-models")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalogue", description = "Manufacturers and their device models")
public class DeviceModelResource {

    @Inject
    CatalogService catalog;

    @GET
    @Operation(summary = "List device models", description = "With the number of devices of each; optionally of one manufacturer.")
    public List<ModelView> list(@Parameter(description = "Manufacturer id (see /manufacturers)")
                                @QueryParam("manufacturer") String manufacturer) {
        return catalog.models(QueryParams.text(manufacturer));
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a device model")
    @APIResponse(responseCode = "200", description = "The model")
    @APIResponse(responseCode = "404", description = "No model has this id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ModelView get(@PathParam("id") String id) {
        return catalog.model(id);
    }
}
