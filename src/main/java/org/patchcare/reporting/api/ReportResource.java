package org.patchcare.reporting.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.patchcare.reporting.application.ExposureReportService;
import org.patchcare.reporting.application.ReportViews.ReportFormat;
import org.patchcare.reporting.application.ReportViews.ReportRequest;
import org.patchcare.reporting.application.ReportViews.Scope;
import org.patchcare.reporting.application.ReportViews.ScopeKind;
import org.patchcare.shared.api.Problem;
import org.patchcare.shared.domain.InvalidInputException;

import java.time.Clock;

/**
 * The transparent exposure report of a department or a facility as a PDF or CSV download. The scope is checked
 * before the first byte is sent (422 unknown, 403 not the caller's department), then the report is streamed.
 */
@Path("reports")
@RequestScoped
@Tag(name = "Reports", description = "Exposure report for the committee that reviews cyber risk")
@APIResponse(responseCode = "401", description = "No or wrong credentials",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "A clinical manager asked for a department that is not theirs",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class ReportResource {

    @Inject
    ExposureReportService reports;
    @Inject
    Clock clock;

    @GET
    @Path("exposures")
    // any Accept: the format parameter decides what comes back (clients of the JSON API send Accept: application/json)
    @Produces(MediaType.WILDCARD)
    @Operation(summary = "Exposure report (PDF or CSV)", description = "Open exposures of one department or facility "
            + "with their SSVC outcome, score, due date, controls and acceptances; the PDF adds the summary counts, "
            + "the data's freshness and how the score is computed, and lists at most 2,000 exposures (the CSV has all: "
            + "UTF-8 with BOM, one row per exposure). Give exactly one of department and facility. Audited.")
    @APIResponse(responseCode = "200", description = "The report",
            content = {@Content(mediaType = "application/pdf"), @Content(mediaType = "text/csv")})
    @APIResponse(responseCode = "422", description = "Unknown department or facility, both or neither given, or a "
            + "format other than pdf or csv",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response exposures(@BeanParam ScopeParams params) {
        String dep = params.department();
        String fac = params.facility();
        if ((dep == null) == (fac == null)) {
            throw new InvalidInputException(dep == null ? "department" : "facility",
                    "Give either a department or a facility (one of the two).");
        }
        ReportFormat f = ReportFormat.parse(params.format());
        ReportRequest request = new ReportRequest(dep != null ? ScopeKind.DEPARTMENT : ScopeKind.FACILITY,
                dep != null ? dep : fac);
        Scope scope = reports.scope(request);
        StreamingOutput body = out -> reports.write(request, f, out);
        return Response.ok(body, f.contentType())
                .header("Content-Disposition", "attachment; filename=\""
                        + scope.fileName(f, clock.instant()) + "\"")
                .header("Cache-Control", "no-store")
                .build();
    }
}
