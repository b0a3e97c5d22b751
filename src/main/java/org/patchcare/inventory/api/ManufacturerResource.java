package org.patchcare.inventory.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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
import org.patchcare.inventory.application.CatalogViews.ManufacturerView;
import org.patchcare.shared.api.Problem;
import org.patchcare.shared.domain.InvalidInputException;
import org.patchcare.shared.domain.NotFoundException;

import java.util.List;

/** Manufacturers with the other spellings (aliases) that advisories and spreadsheets use for them. */
@Path("manufacturers")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Catalogue", description = "Manufacturers and their device models")
public class ManufacturerResource {

    @Inject
    CatalogService catalog;

    @GET
    @Operation(summary = "List manufacturers", description = "With their aliases and the number of models of each.")
    public List<ManufacturerView> list() {
        return catalog.manufacturers();
    }

    @GET
    @Path("resolve")
    @Operation(summary = "Find the manufacturer a spelling stands for",
            description = "Matches names and aliases regardless of case, punctuation and legal suffixes, e.g. "
                    + "\"Phillips\" or \"General Electric (GE)\" as written in an advisory.")
    @APIResponse(responseCode = "200", description = "The manufacturer")
    @APIResponse(responseCode = "404", description = "No manufacturer is known by this spelling",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public ManufacturerView resolve(@Parameter(description = "The spelling to resolve", required = true)
                                    @QueryParam("name") String name) {
        if (name == null || name.isBlank()) {
            throw new InvalidInputException("name", "give the manufacturer's name as written, e.g. ?name=Phillips");
        }
        return catalog.resolveManufacturer(name)
                .orElseThrow(() -> new NotFoundException("Manufacturer named", name.strip()));
    }
}
