package org.patchcare.planning.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.patchcare.planning.application.PlanningDataService;
import org.patchcare.planning.application.PlanningViews.LowCensusView;
import org.patchcare.planning.application.PlanningViews.TechnicianView;
import org.patchcare.planning.application.PlanningViews.VendorVisitView;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

/** The planner's data: technicians, vendor engineers' visits, departments' low-census hours. */
@Path("planning")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Planning data", description = "Technicians, vendor visits, low-census hours")
public class PlanningDataResource {

    @Inject
    PlanningDataService data;

    public record TechnicianRequest(Integer dailyMinutes, Set<String> skills, Boolean active, Integer version) {
    }

    public record VendorVisitRequest(String manufacturer, String engineer, Instant start, Instant end) {
    }

    public record LowCensusRequest(String departmentCode, String title, Set<DayOfWeek> days, LocalTime localStart,
                                   LocalTime localEnd) {
    }

    @GET
    @Path("technicians")
    @Operation(summary = "Technicians with skills and daily minutes")
    public List<TechnicianView> technicians() {
        return data.technicians();
    }

    @PUT
    @Path("technicians/{username}")
    @Operation(summary = "Create or change the technician of a user (biomed, admin)")
    public TechnicianView saveTechnician(@PathParam("username") String username,
                                         @NotNull(message = "send the technician as a JSON object") TechnicianRequest b) {
        return data.saveTechnician(username, b.version(), b.dailyMinutes() == null ? 0 : b.dailyMinutes(), b.skills(),
                b.active() == null || b.active());
    }

    @GET
    @Path("vendor-visits")
    @Operation(summary = "Vendor engineers' visits", description = "?days= ahead (60)")
    public List<VendorVisitView> vendorVisits(@QueryParam("days") Integer days) {
        Instant now = Instant.now();
        return data.vendorVisits(now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(days == null ? 60
                : Math.max(1, Math.min(days, 366)))));
    }

    @POST
    @Path("vendor-visits")
    @Operation(summary = "Add a vendor engineer's visit (biomed, admin)")
    public Response addVendorVisit(@NotNull(message = "send the visit as a JSON object") VendorVisitRequest b) {
        return Response.status(Response.Status.CREATED).entity(data.addVendorVisit(b.manufacturer(), b.engineer(),
                b.start(), b.end())).build();
    }

    @DELETE
    @Path("vendor-visits/{id}")
    @Operation(summary = "Delete a vendor visit (biomed, admin)")
    public Response deleteVendorVisit(@PathParam("id") String id) {
        data.deleteVendorVisit(id);
        return Response.noContent().build();
    }

    @GET
    @Path("low-census")
    @Operation(summary = "Departments' low-census hours")
    public List<LowCensusView> lowCensus() {
        return data.lowCensus();
    }

    @POST
    @Path("low-census")
    @Operation(summary = "Add low-census hours (admin, or a clinical manager of the department)")
    public Response addLowCensus(@NotNull(message = "send the hours as a JSON object") LowCensusRequest b) {
        return Response.status(Response.Status.CREATED).entity(data.addLowCensus(b.departmentCode(), b.title(),
                b.days(), b.localStart(), b.localEnd())).build();
    }

    @DELETE
    @Path("low-census/{id}")
    @Operation(summary = "Delete low-census hours (admin, or a clinical manager of the department)")
    public Response deleteLowCensus(@PathParam("id") String id) {
        data.deleteLowCensus(id);
        return Response.noContent().build();
    }
}
