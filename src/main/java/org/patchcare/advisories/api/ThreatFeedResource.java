package org.patchcare.advisories.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.patchcare.advisories.application.ThreatFeedService;
import org.patchcare.advisories.application.ThreatFeedViews.CveIntel;
import org.patchcare.advisories.application.ThreatFeedViews.FeedImportResult;
import org.patchcare.advisories.application.ThreatFeedViews.FeedStatus;
import org.patchcare.shared.api.Problem;
import org.patchcare.shared.domain.InvalidInputException;
import org.patchcare.shared.domain.NotFoundException;

import java.io.InputStream;
import java.util.List;

/**
 * The threat feeds: load CISA's KEV catalogue and FIRST's EPSS daily file, and read what they say about a CVE.
 * Loading is for IT security and administrators; reading for everyone logged in.
 */
@Path("threat-feeds")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Threat feeds", description = "CISA Known Exploited Vulnerabilities and FIRST EPSS")
public class ThreatFeedResource {

    @Inject
    ThreatFeedService feeds;

    @GET
    @Operation(summary = "The newest load of each feed", description = "Version, release date, entries, who loaded it and when.")
    public List<FeedStatus> status() {
        return feeds.status();
    }

    @POST
    @Path("kev")
    @Consumes({MediaType.APPLICATION_JSON, MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Load a KEV catalogue",
            description = "The body is known_exploited_vulnerabilities.json as CISA publishes it. New CVEs are added, "
                    + "changed ones updated, CVEs no longer listed are marked withdrawn. The same catalogue again changes nothing.")
    @APIResponse(responseCode = "200", description = "What the load changed")
    @APIResponse(responseCode = "409", description = "The catalogue is older than the one loaded; nothing changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Not a usable catalogue; every problem with its JSON path; nothing changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @org.patchcare.shared.api.LargeUpload("20 MB (KevCatalogReader.MAX_BYTES)")
    public FeedImportResult loadKev(InputStream body) {
        return feeds.importKev(body);
    }

    @POST
    @Path("epss")
    @Consumes({"text/csv", "application/csv", MediaType.TEXT_PLAIN, "application/gzip", MediaType.APPLICATION_OCTET_STREAM})
    @Operation(summary = "Load an EPSS daily file",
            description = "The body is FIRST's daily file, plain or gzipped: the #model_version line, the header "
                    + "cve,epss,percentile, then one row per CVE. The scores of the listed CVEs are replaced.")
    @APIResponse(responseCode = "200", description = "What the load changed")
    @APIResponse(responseCode = "409", description = "The file is older than the scores loaded; nothing changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Not an EPSS file, or bad rows (listed by line); nothing changed",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @org.patchcare.shared.api.LargeUpload("PATCHCARE_EPSS_MAX_BYTES, default 200 MB unpacked (EpssFileReader)")
    public FeedImportResult loadEpss(InputStream body) {
        return feeds.importEpss(body, null);
    }

    @GET
    @Path("cves/{cveId}")
    @Operation(summary = "What KEV and EPSS say about a CVE", description = "kev and epss are absent when the feed does not list the CVE.")
    @APIResponse(responseCode = "404", description = "Neither feed lists the CVE",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    @APIResponse(responseCode = "422", description = "Not a CVE id",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public CveIntel cve(@PathParam("cveId") String cveId) {
        CveIntel intel = feeds.intel(cveId).orElseThrow(() ->
                new InvalidInputException("cveId", "'" + cveId + "' is not a CVE id (CVE-YYYY-NNNN)"));
        if (intel.kev() == null && intel.epss() == null) {
            throw new NotFoundException("Neither KEV nor EPSS lists CVE", intel.cveId());
        }
        return intel;
    }
}
