package org.patchcare.inventory.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.patchcare.audit.application.AuditRecord;
import org.patchcare.audit.application.AuditService;
import org.patchcare.inventory.application.DeviceCommand;
import org.patchcare.inventory.application.DeviceDetails;
import org.patchcare.inventory.application.DeviceEventView;
import org.patchcare.inventory.application.DeviceFilter;
import org.patchcare.inventory.application.DeviceListPage;
import org.patchcare.inventory.application.DeviceService;
import org.patchcare.inventory.application.PageRequest;
import org.patchcare.inventory.domain.Criticality;
import org.patchcare.inventory.domain.DeviceStatus;
import org.patchcare.inventory.domain.SupportStatus;
import org.patchcare.shared.api.Problem;
import org.patchcare.shared.api.QueryParams;
import org.patchcare.shared.domain.InvalidInputException;

import java.net.URI;
import java.util.List;

/**
 * Devices by asset tag: list and search, read, create, change, and the lifecycle actions. Everyone logged in reads;
 * biomedical technicians and administrators change (enforced by {@link DeviceService}).
 */
@Path("devices")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Devices", description = "The medical-device inventory")
@APIResponse(responseCode = "401", description = "No or wrong credentials",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The caller's role may not do this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class DeviceResource {

    static final int DEFAULT_LIMIT = 50;
    static final int DEFAULT_HISTORY = 100;

    @Inject
    DeviceService devices;

    @Inject
    AuditService audit;

    @Context
    UriInfo uriInfo;

    @GET
    @Operation(summary = "List devices",
            description = "A page of devices matching every filter given; retired devices only when status=RETIRED.")
    @APIResponse(responseCode = "200", description = "The page and the total number of matching devices")
    @APIResponse(responseCode = "422", description = "A parameter is invalid; errors names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DevicePage list(
            @Parameter(description = "Rows to skip (default 0)", schema = @Schema(type = SchemaType.INTEGER))
            @QueryParam("offset") String offset,
            @Parameter(description = "Rows to return, 1–500 (default 50)", schema = @Schema(type = SchemaType.INTEGER))
            @QueryParam("limit") String limit,
            @Parameter(description = "assetTag (default), serialNumber, manufacturer, model, deviceType, department, "
                    + "status, criticality, installDate, endOfSupport, hostname or ipAddress")
            @QueryParam("sort") String sort,
            @Parameter(description = "asc (default) or desc") @QueryParam("dir") String dir,
            @Parameter(description = "Start of an asset tag, serial, host name, IP or MAC, or part of a model or "
                    + "manufacturer name") @QueryParam("text") String text,
            @Parameter(description = "Department code, e.g. ICU") @QueryParam("department") String department,
            @Parameter(description = "IN_SERVICE, OUT_OF_SERVICE, IN_REPAIR or RETIRED") @QueryParam("status") String status,
            @Parameter(description = "Manufacturer id (see /manufacturers)") @QueryParam("manufacturer") String manufacturer,
            @Parameter(description = "Device model id (see /device-models)") @QueryParam("model") String model,
            @Parameter(description = "LIFE_SUSTAINING, LIFE_SUPPORTING, DIAGNOSTIC, THERAPEUTIC_NON_CRITICAL or NON_CLINICAL")
            @QueryParam("criticality") String criticality,
            @Parameter(description = "SUPPORTED, ENDING_SOON, UNSUPPORTED or UNKNOWN") @QueryParam("support") String support) {
        int from = QueryParams.integer("offset", offset, 0, 0, Integer.MAX_VALUE);
        int size = QueryParams.integer("limit", limit, DEFAULT_LIMIT, 1, PageRequest.MAX_LIMIT);
        boolean ascending = QueryParams.ascending("dir", dir);
        DeviceFilter filter = new DeviceFilter(QueryParams.text(text), QueryParams.text(department),
                QueryParams.enumValue("status", status, DeviceStatus.class), QueryParams.text(manufacturer),
                QueryParams.text(model), QueryParams.enumValue("criticality", criticality, Criticality.class),
                QueryParams.enumValue("support", support, SupportStatus.class));
        PageRequest page = new PageRequest(from, size, QueryParams.text(sort), ascending);
        DeviceListPage found = devices.page(filter, page);
        return new DevicePage(found.items(), from, size, found.total());
    }

    @GET
    @Path("{assetTag}")
    @Operation(summary = "Read a device")
    @APIResponse(responseCode = "200", description = "The device")
    @APIResponse(responseCode = "404", description = "No device has this asset tag",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DeviceDetails get(@PathParam("assetTag") String assetTag) {
        return devices.get(assetTag);
    }

    @POST
    @Operation(summary = "Record a new device",
            description = "The model is named by manufacturer (name or alias) and model name, the department by its code.")
    @APIResponse(responseCode = "201", description = "Recorded; Location names the new device")
    @APIResponse(responseCode = "409", description = "A device with this asset tag exists",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "A value is invalid or names nothing known; errors names the field",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response create(@NotNull(message = "send the device as a JSON object") @Valid DeviceCommand body) {
        DeviceDetails created = devices.create(body);
        URI location = uriInfo.getBaseUriBuilder().path(DeviceResource.class).segment(created.assetTag()).build();
        return Response.created(location).entity(created).build();
    }

    @PUT
    @Path("{assetTag}")
    @Operation(summary = "Change a device",
            description = "Send every field (as read), changed as needed, with the version read: a device changed "
                    + "since then is refused with 409.")
    @APIResponse(responseCode = "200", description = "The changed device")
    @APIResponse(responseCode = "409", description = "Changed by someone else since that version, or retired",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public DeviceDetails update(@PathParam("assetTag") String assetTag,
                                @NotNull(message = "send the device as a JSON object") @Valid DeviceCommand body) {
        if (body.getVersion() == null) {
            throw new InvalidInputException("version", "send the version of the device you read, so that changes "
                    + "made by someone else meanwhile are not overwritten");
        }
        if (body.getAssetTag() == null || body.getAssetTag().isBlank()) {
            body.setAssetTag(assetTag);
        }
        return devices.update(assetTag, body);
    }

    @POST
    @Path("{assetTag}/retire")
    @Operation(summary = "Retire a device", description = "It leaves the default device list; its history stays.")
    public DeviceDetails retire(@PathParam("assetTag") String assetTag, @Valid DeviceActions.Transition body) {
        DeviceActions.Transition b = body == null ? new DeviceActions.Transition(null, null) : body;
        return devices.retire(assetTag, b.comment(), b.version());
    }

    @POST
    @Path("{assetTag}/move")
    @Operation(summary = "Move a device to another department or location")
    public DeviceDetails move(@PathParam("assetTag") String assetTag,
                              @NotNull(message = "send department (and optionally locationId) as a JSON object")
                              @Valid DeviceActions.Move body) {
        return devices.move(assetTag, body.department(), body.locationId(), body.comment(), body.version());
    }

    @POST
    @Path("{assetTag}/out-of-service")
    @Operation(summary = "Take a device out of service", description = "forRepair=true marks it as in repair.")
    public DeviceDetails outOfService(@PathParam("assetTag") String assetTag, @Valid DeviceActions.OutOfService body) {
        DeviceActions.OutOfService b = body == null ? new DeviceActions.OutOfService(false, null, null) : body;
        return devices.takeOutOfService(assetTag, Boolean.TRUE.equals(b.forRepair()), b.comment(), b.version());
    }

    @POST
    @Path("{assetTag}/return-to-service")
    @Operation(summary = "Return a device to service")
    public DeviceDetails returnToService(@PathParam("assetTag") String assetTag, @Valid DeviceActions.Transition body) {
        DeviceActions.Transition b = body == null ? new DeviceActions.Transition(null, null) : body;
        return devices.returnToService(assetTag, b.comment(), b.version());
    }

    @POST
    @Path("{assetTag}/events")
    @Operation(summary = "Record a maintenance event",
            description = "RECEIVED, INSTALLED, REPAIRED or PREVENTIVE_MAINTENANCE, with an optional comment.")
    public DeviceDetails recordEvent(@PathParam("assetTag") String assetTag,
                                     @NotNull(message = "send type (and optionally comment) as a JSON object")
                                     @Valid DeviceActions.Event body) {
        return devices.recordEvent(assetTag, body.type(), body.comment());
    }

    @GET
    @Path("{assetTag}/timeline")
    @Operation(summary = "The device's lifecycle events, newest first")
    public List<DeviceEventView> timeline(@PathParam("assetTag") String assetTag) {
        return devices.timeline(assetTag);
    }

    @GET
    @Path("{assetTag}/history")
    @Operation(summary = "The audit trail of the device, newest first: who changed which field from what to what")
    public List<AuditRecord> history(@PathParam("assetTag") String assetTag,
                                     @Parameter(description = "Entries to return, 1–500 (default 100)",
                                             schema = @Schema(type = SchemaType.INTEGER))
                                     @QueryParam("limit") String limit) {
        int size = QueryParams.integer("limit", limit, DEFAULT_HISTORY, 1, PageRequest.MAX_LIMIT);
        String tag = devices.get(assetTag).assetTag(); // 404 for an unknown device, and the stored spelling
        return audit.history(DeviceService.AUDIT_TYPE, tag, size);
    }
}
