package org.patchcare.inventory.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.patchcare.inventory.application.DepartmentCommand;
import org.patchcare.inventory.application.OrganisationService;
import org.patchcare.inventory.application.OrganisationViews.DepartmentView;
import org.patchcare.shared.api.Problem;

import java.util.List;

/** Departments of the hospital, by code (e.g. ICU). Everyone reads; administrators change (enforced by the service). */
@Path("departments")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Organisation", description = "Facilities and departments")
public class DepartmentResource {

    @Inject
    OrganisationService organisation;

    @GET
    @Operation(summary = "List departments")
    public List<DepartmentView> list() {
        return organisation.departments();
    }

    @GET
    @Path("{code}")
    @Operation(summary = "Read a department")
    @APIResponse(responseCode = "200", description = "The department")
    @APIResponse(responseCode = "404", description = "No department has this code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DepartmentView get(@PathParam("code") String code) {
        return organisation.department(code);
    }

    @PUT
    @Path("{code}")
    @Operation(summary = "Change a department",
            description = "Send name, facilityCode and missionImpact (DEGRADED, MEF_SUPPORT_CRIPPLED, MEF_FAILURE or "
                    + "MISSION_FAILURE: what the department loses while one of its devices is down) with the version "
                    + "read: a department changed since then is refused with 409. Administrators only.")
    @APIResponse(responseCode = "200", description = "The changed department")
    @APIResponse(responseCode = "404", description = "No department has this code",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "409", description = "Changed by someone else since that version",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A value is invalid or missing; errors names the field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DepartmentView update(@PathParam("code") String code,
                                 @NotNull(message = "send the department as a JSON object") DepartmentCommand body) {
        return organisation.updateDepartment(code, body);
    }
}
