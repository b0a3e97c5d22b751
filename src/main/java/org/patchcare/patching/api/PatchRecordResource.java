package org.patchcare.patching.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.patchcare.inventory.application.PageRequest;
import org.patchcare.patching.application.PatchCsv;
import org.patchcare.patching.application.PatchFilter;
import org.patchcare.patching.application.PatchService;
import org.patchcare.patching.application.PatchViews.AttachmentContent;
import org.patchcare.patching.application.PatchViews.AttachmentView;
import org.patchcare.patching.application.PatchViews.PatchRecordView;
import org.patchcare.patching.application.UnplannedCommand;
import org.patchcare.patching.domain.PatchAction;
import org.patchcare.patching.domain.PatchAttachment;
import org.patchcare.patching.domain.PatchResult;
import org.patchcare.patching.domain.PatchWork;
import org.patchcare.shared.api.ApiErrors;
import org.patchcare.shared.api.Problem;
import org.patchcare.shared.api.QueryParams;
import org.patchcare.shared.domain.InvalidInputException;
import org.patchcare.shared.io.SizeLimitedInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * Patch records: the work on each device, inside a change request (started from /change-requests/{id}/devices) or
 * unplanned. Writes take the version the caller saw (409 when stale); moves the record's state does not allow answer
 * 409 with what can be done; refused values 422 naming the field; uploads over 10 MB 413.
 */
@Path("patch-records")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Patch records", description = "Patch execution device by device, verification, rollback, unplanned work")
@APIResponse(responseCode = "401", description = "No or wrong credentials",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The caller's role may not do this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "409", description = "Changed by someone else since that version, or not possible in "
        + "the record's state", content = @Content(mediaType = Problem.MEDIA_TYPE,
        schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "422", description = "A value was refused; errors name the field",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class PatchRecordResource {

    static final int CSV_PAGE = 500;

    @Inject
    PatchService patches;
    @Context
    UriInfo uriInfo;

    public record PatchRecordPage(List<PatchRecordView> items, int offset, int limit, long total) {
    }

    /** What was done: SOFTWARE_UPDATE with toVersion (fromVersion defaults to the device's), or CONTROL_APPLIED. */
    public record WorkBody(Integer version, PatchAction action, String fromVersion, String toVersion,
                           String controlApplied, String vendorEngineer, String notes, PatchResult result) {
        PatchWork work() {
            return new PatchWork(action, fromVersion, toVersion, controlApplied, vendorEngineer, notes, result);
        }
    }

    public record VerifyBody(Integer version, String functionalCheck, Boolean returnedToService) {
    }

    public record RollBackBody(Integer version, String restored, String notes) {
    }

    /** Unplanned work on a device: what was done and when, the check and when; instants in ISO-8601. */
    public record UnplannedBody(String assetTag, PatchAction action, String fromVersion, String toVersion,
                                String controlApplied, String vendorEngineer, String notes, PatchResult result,
                                Instant performedAt, String functionalCheck, Instant verifiedAt) {
        UnplannedCommand command() {
            return new UnplannedCommand(new PatchWork(action, fromVersion, toVersion, controlApplied, vendorEngineer,
                    notes, result), performedAt, functionalCheck, verifiedAt);
        }
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "List patch records", description = "Newest first unless sorted; every filter given must "
            + "hold. format=csv answers every matching record as CSV (no paging). Clinical managers see their "
            + "departments' devices.")
    public Response list(@Parameter(description = "asset tag") @QueryParam("device") String device,
                         @Parameter(description = "change request id") @QueryParam("changeRequest") String changeRequest,
                         @Parameter(description = "true: only unplanned work; false: only planned")
                         @QueryParam("unplanned") String unplanned,
                         @QueryParam("offset") String offset, @QueryParam("limit") String limit,
                         @Parameter(description = "performedAt, verifiedAt, startedAt, assetTag, status, createdAt")
                         @QueryParam("sort") String sort, @QueryParam("ascending") String ascending,
                         @Parameter(description = "json (default) or csv") @QueryParam("format") String format) {
        PatchFilter f = new PatchFilter(QueryParams.text(device), QueryParams.text(changeRequest),
                bool("unplanned", unplanned));
        String sortBy = QueryParams.text(sort);
        boolean asc = QueryParams.ascending("ascending", ascending);
        if (format != null && format.strip().equalsIgnoreCase("csv")) {
            patches.list(f, new PageRequest(0, 1, sortBy, asc)); // refuses a bad sort before the stream starts
            StreamingOutput body = out -> {
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                PatchCsv.write(w, o -> patches.list(f, new PageRequest(o, CSV_PAGE, sortBy, asc)), CSV_PAGE);
                w.flush();
            };
            return Response.ok(body, "text/csv;charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"patch-records.csv\"").build();
        }
        if (format != null && !format.isBlank() && !format.strip().equalsIgnoreCase("json")) {
            throw new InvalidInputException("format", "Use json or csv.");
        }
        int first = QueryParams.integer("offset", offset, 0, 0, Integer.MAX_VALUE);
        int size = QueryParams.integer("limit", limit, 50, 1, PageRequest.MAX_LIMIT);
        return Response.ok(new PatchRecordPage(patches.list(f, new PageRequest(first, size, sortBy, asc)), first, size,
                patches.count(f)), MediaType.APPLICATION_JSON_TYPE).build();
    }

    private static Boolean bool(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidInputException(name, "Use true or false.");
        };
    }

    @POST
    @Operation(summary = "Record unplanned work (biomed, IT security)", description = "Work done outside a change "
            + "request, e.g. a vendor visit: flagged unplanned; performedAt and verifiedAt not in the future. A new "
            + "software version is written to the device and matching runs again.")
    @APIResponse(responseCode = "201", description = "Recorded; Location names it")
    public Response recordUnplanned(@NotNull(message = "send the work as a JSON object") UnplannedBody body) {
        PatchRecordView v = patches.recordUnplanned(body.assetTag(), body.command());
        return Response.created(location(v.id())).entity(v).build();
    }

    @GET
    @Path("{id}")
    @Operation(summary = "Read a patch record")
    public PatchRecordView get(@PathParam("id") String id) {
        return patches.get(id);
    }

    @PUT
    @Path("{id}/work")
    @Operation(summary = "Record what was done and the result (biomed, IT security)", description = "Until it is "
            + "verified the work may be recorded again. A FAILED result fails the change request; the device waits "
            + "for its rollback record.")
    public PatchRecordView record(@PathParam("id") String id,
                                  @NotNull(message = "send the work as a JSON object") WorkBody body) {
        return patches.record(id, version(body.version()), body.work());
    }

    @POST
    @Path("{id}/verify")
    @Operation(summary = "Verify: functional check passed, device back in service (biomed, IT security)",
            description = "A new software version is written to the device (SOFTWARE_CHANGED) and matching runs "
                    + "again; the change request completes when every device is verified.")
    public PatchRecordView verify(@PathParam("id") String id,
                                  @NotNull(message = "send the verification as a JSON object") VerifyBody body) {
        return patches.verify(id, version(body.version()), body.functionalCheck(),
                Boolean.TRUE.equals(body.returnedToService()));
    }

    @POST
    @Path("{id}/roll-back")
    @Operation(summary = "Record the rollback of failed work (biomed, IT security)", description = "The device "
            + "returns to service on its old version; the change request is rolled back once every failure is.")
    public PatchRecordView rollBack(@PathParam("id") String id,
                                    @NotNull(message = "send the rollback as a JSON object") RollBackBody body) {
        return patches.rollBack(id, version(body.version()), body.restored(), body.notes());
    }

    @GET
    @Path("{id}/attachments")
    @Operation(summary = "The files kept with a patch record")
    public List<AttachmentView> attachments(@PathParam("id") String id) {
        return patches.attachments(id);
    }

    @POST
    @Path("{id}/attachments")
    @Consumes(MediaType.WILDCARD)
    @Operation(summary = "Attach a file (biomed, IT security)", description = "The body is the file; Content-Type its "
            + "type (PDF, PNG, JPEG, plain text, CSV) and fileName its name. At most 10 MB. The answer has its SHA-256.")
    @APIResponse(responseCode = "201", description = "Kept; Location names the download")
    @APIResponse(responseCode = "413", description = "The file is larger than 10 MB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @org.patchcare.shared.api.LargeUpload("10 MB (PatchAttachment.MAX_BYTES)")
    public Response addAttachment(@PathParam("id") String id, @QueryParam("fileName") String fileName,
                                  @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, InputStream body) {
        byte[] bytes;
        try {
            bytes = read(body);
        } catch (FileTooLarge e) {
            return Response.status(413).type(Problem.MEDIA_TYPE).header("Connection", "close")
                    .entity(new Problem(ApiErrors.TYPE_PREFIX + "file-too-large", "File too large", 413,
                            e.getMessage(), uriInfo.getRequestUri().getPath(), null)).build();
        }
        AttachmentView a = patches.addAttachment(id, fileName, contentType, bytes);
        URI location = uriInfo.getBaseUriBuilder().path(PatchRecordResource.class).segment(id, "attachments", a.id())
                .build();
        return Response.created(location).entity(a).build();
    }

    @GET
    @Path("{id}/attachments/{attachmentId}")
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "Download an attached file", description = "Repr-Digest carries its SHA-256 (RFC 9530).")
    public Response download(@PathParam("id") String id, @PathParam("attachmentId") String attachmentId) {
        AttachmentContent c = patches.attachment(id, attachmentId);
        String digest = Base64.getEncoder().encodeToString(HexFormat.of().parseHex(c.attachment().sha256()));
        return Response.ok(c.content(), c.attachment().contentType())
                .header("Content-Disposition", "attachment; filename=\"" + c.attachment().fileName()
                        .replaceAll("[\"\\\\\\r\\n]", "_") + "\"")
                .header("Repr-Digest", "sha-256=:" + digest + ":")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    private URI location(String id) {
        return uriInfo.getBaseUriBuilder().path(PatchRecordResource.class).segment(id).build();
    }

    /** A missing version becomes -1, which the service refuses on the field version after its role check. */
    static int version(Integer v) {
        return v == null ? PatchService.NO_VERSION : v;
    }

    static byte[] read(InputStream body) {
        if (body == null) {
            return new byte[0];
        }
        try (InputStream in = new SizeLimitedInputStream(body, PatchAttachment.MAX_BYTES, FileTooLarge::new)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the file: " + e.getMessage(), e);
        }
    }

    /** Answered with 413. */
    static final class FileTooLarge extends RuntimeException {
        FileTooLarge(long max) {
            super(String.format(Locale.ROOT, "The file is larger than %,d bytes (10 MB), the most PatchCare keeps "
                    + "with a patch record.", max));
        }
    }
}
