package org.patchcare.advisories.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.patchcare.advisories.application.AdvisoryService;
import org.patchcare.advisories.application.AdvisoryViews.AdvisoryDetails;
import org.patchcare.advisories.application.AdvisoryViews.AdvisoryFilter;
import org.patchcare.advisories.application.AdvisoryViews.ImportOutcome;
import org.patchcare.advisories.application.AdvisoryViews.ImportResult;
import org.patchcare.advisories.application.ManualAdvisoryCommand;
import org.patchcare.advisories.domain.AdvisoryOrigin;
import org.patchcare.inventory.application.PageRequest;
import org.patchcare.shared.api.ApiErrors;
import org.patchcare.shared.api.Problem;
import org.patchcare.shared.api.QueryParams;
import org.patchcare.shared.io.SizeLimitedInputStream;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.util.Locale;

/**
 * Vendor advisories: import a CSAF 2.0 document, list and read them. Importing is for IT security and
 * administrators; reading for everyone logged in (enforced by {@link AdvisoryService}).
 */
@Path("advisories")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Advisories", description = "Vendor security advisories (CSAF 2.0) and what they affect")
@APIResponse(responseCode = "401", description = "No or wrong credentials",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The caller's role may not do this",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AdvisoryResource {

    static final int DEFAULT_LIMIT = 50;

    @Inject
    AdvisoryService advisories;
    @Context
    UriInfo uriInfo;

    @POST
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Import a CSAF 2.0 advisory",
            description = "The body is the CSAF JSON. It is checked against the CSAF 2.0 schema and the mandatory tests "
                    + "6.1.1–6.1.33; optional and informative findings are kept as warnings. A changed document with a "
                    + "known tracking id becomes a new revision; the same content again changes nothing.")
    @APIResponse(responseCode = "201", description = "New advisory or new revision: tracking id, revision, warnings, affected devices")
    @APIResponse(responseCode = "200", description = "This content is already stored; nothing changed")
    @APIResponse(responseCode = "409", description = "A newer revision of this advisory is stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "413", description = "The document is larger than 20 MB",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Rejected: every failed test with its id (code), JSON path (field) "
            + "and message; nothing was stored",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @org.patchcare.shared.api.LargeUpload("20 MB (AdvisoryService.MAX_DOCUMENT_BYTES)")
    public Response importDocument(InputStream body) {
        byte[] bytes;
        try {
            bytes = read(body);
        } catch (DocumentTooLarge e) {
            return Response.status(413).type(Problem.MEDIA_TYPE).header("Connection", "close")
                    .entity(new Problem(ApiErrors.TYPE_PREFIX + "document-too-large", "Document too large", 413,
                            e.getMessage(), uriInfo.getRequestUri().getPath(), null)).build();
        }
        ImportResult result = advisories.importDocument(bytes, AdvisoryOrigin.API, "API upload");
        if (result.outcome() == ImportOutcome.UNCHANGED) {
            return Response.ok(result).build();
        }
        URI location = uriInfo.getBaseUriBuilder().path(AdvisoryResource.class).segment(result.trackingId()).build();
        return Response.created(location).entity(result).build();
    }

    @POST
    @Path("manual")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Record a vendor notice by hand",
            description = "For notices that come as PDF or e-mail: title, publisher, date, vendor, product, affected "
                    + "versions, CVEs (with optional CVSS vectors) and the remediation. Matched like an imported advisory.")
    @APIResponse(responseCode = "201", description = "Recorded (or a new revision of the same tracking id)")
    @APIResponse(responseCode = "422", description = "A field is missing or invalid; errors names it",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response createManual(ManualAdvisoryCommand body) {
        ImportResult result = advisories.createManual(body);
        if (result.outcome() == ImportOutcome.UNCHANGED) {
            return Response.ok(result).build();
        }
        URI location = uriInfo.getBaseUriBuilder().path(AdvisoryResource.class).segment(result.trackingId()).build();
        return Response.created(location).entity(result).build();
    }

    static byte[] read(InputStream body) {
        if (body == null) {
            return new byte[0];
        }
        try (InputStream in = new SizeLimitedInputStream(body, AdvisoryService.MAX_DOCUMENT_BYTES,
                max -> new DocumentTooLarge(max))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read the request body: " + e.getMessage(), e);
        }
    }

    /** Answered with 413. */
    static final class DocumentTooLarge extends RuntimeException {
        public DocumentTooLarge(long max) {
            super(String.format(Locale.ROOT, "The document is larger than %,d bytes, the most PatchCare accepts.", max));
        }
    }

    @GET
    @Operation(summary = "List advisories", description = "Newest first by default; every filter given must hold.")
    @APIResponse(responseCode = "200", description = "The page and the total number of matching advisories")
    public AdvisoryPage list(
            @Parameter(description = "Rows to skip (default 0)") @QueryParam("offset") String offset,
            @Parameter(description = "Rows to return, 1–500 (default 50)") @QueryParam("limit") String limit,
            @Parameter(description = "currentRelease (default), initialRelease, trackingId, maxCvss, importedAt, affectedDevices")
            @QueryParam("sort") String sort,
            @Parameter(description = "desc (default) or asc") @QueryParam("dir") String dir,
            @Parameter(description = "Part of the tracking id, title or a CVE") @QueryParam("text") String text,
            @Parameter(description = "Part of a vendor name") @QueryParam("vendor") String vendor,
            @Parameter(description = "Released on or after (YYYY-MM-DD)") @QueryParam("from") String from,
            @Parameter(description = "Released before the end of (YYYY-MM-DD)") @QueryParam("to") String to,
            @Parameter(description = "true: only advisories with a CVE in CISA's KEV catalogue") @QueryParam("kev") String kev,
            @Parameter(description = "Highest CVSS at least") @QueryParam("minCvss") String minCvss,
            @Parameter(description = "Highest CVSS at most") @QueryParam("maxCvss") String maxCvss,
            @Parameter(description = "true: only advisories with open exposures of our devices")
            @QueryParam("affectsMyDevices") String affects) {
        int first = QueryParams.integer("offset", offset, 0, 0, Integer.MAX_VALUE);
        int size = QueryParams.integer("limit", limit, DEFAULT_LIMIT, 1, PageRequest.MAX_LIMIT);
        boolean ascending = dir != null && !dir.isBlank() && QueryParams.ascending("dir", dir);
        AdvisoryFilter filter = new AdvisoryFilter(QueryParams.text(text), QueryParams.text(vendor),
                QueryParams.day("from", from, false), QueryParams.day("to", to, true), QueryParams.bool("kev", kev),
                QueryParams.cvss("minCvss", minCvss), QueryParams.cvss("maxCvss", maxCvss),
                QueryParams.bool("affectsMyDevices", affects));
        PageRequest page = new PageRequest(first, size, QueryParams.text(sort), ascending);
        return new AdvisoryPage(advisories.list(filter, page), first, size, advisories.count(filter));
    }

    @GET
    @Path("{trackingId}")
    @Operation(summary = "Read an advisory",
            description = "Products, vulnerabilities with CVSS, KEV and EPSS, remediations, warnings and revisions.")
    @APIResponse(responseCode = "200", description = "The advisory as its newest revision describes it")
    @APIResponse(responseCode = "404", description = "No advisory has this tracking id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public AdvisoryDetails get(@PathParam("trackingId") String trackingId) {
        return advisories.get(trackingId);
    }

    @GET
    @Path("{trackingId}/revisions/{revision}/document")
    @Operation(summary = "The original document of one revision")
    public Response document(@PathParam("trackingId") String trackingId, @PathParam("revision") String revision) {
        int n = QueryParams.integer("revision", revision, 1, 1, Integer.MAX_VALUE);
        return Response.ok(advisories.revisionDocument(trackingId, n), MediaType.APPLICATION_JSON).build();
    }
}
