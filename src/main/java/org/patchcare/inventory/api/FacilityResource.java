package org.patchcare.inventory.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.patchcare.inventory.application.OrganisationService;
import org.patchcare.inventory.application.OrganisationViews.FacilityView;

import java.util.List;

/** Facilities (hospitals, sites), by code. */
@Path("facilities")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Organisation", description = "Facilities and departments")
public class FacilityResource {

    @Inject
    OrganisationService organisation;

    @GET
    @Operation(summary = "List facilities")
    public List<FacilityView> list() {
        return organisation.facilities();
    }
}
