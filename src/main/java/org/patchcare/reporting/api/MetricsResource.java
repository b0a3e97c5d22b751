package org.patchcare.reporting.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.patchcare.inventory.application.PageRequest;
import org.patchcare.reporting.application.Grouping;
import org.patchcare.reporting.application.MetricsFilter;
import org.patchcare.reporting.application.MetricsService;
import org.patchcare.reporting.application.MetricsViews.BurnDownPoint;
import org.patchcare.reporting.application.MetricsViews.DurationStats;
import org.patchcare.reporting.application.MetricsViews.ExposureChain;
import org.patchcare.reporting.application.MetricsViews.Headline;
import org.patchcare.reporting.application.MetricsViews.LagBreakdown;
import org.patchcare.reporting.application.MetricsViews.OperationsRow;
import org.patchcare.reporting.application.MetricsViews.OperationsSummary;
import org.patchcare.reporting.application.MetricsViews.OverdueCount;
import org.patchcare.reporting.application.MetricsViews.QuarterTrend;
import org.patchcare.reporting.application.MetricsViews.TopDevice;
import org.patchcare.reporting.application.MetricsViews.TrendPoint;
import org.patchcare.reporting.application.MetricsViews.UnsupportedCount;
import org.patchcare.reporting.application.TimelineRefresh;
import org.patchcare.shared.api.Problem;
import org.patchcare.shared.api.QueryParams;
import org.patchcare.shared.domain.InvalidInputException;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * The metrics behind the dashboards, in JSON, or CSV with {@code ?format=csv} or {@code Accept: text/csv} (a file
 * named after the metric). Every read takes the same filter: facility, department, manufacturer (public id),
 * deviceType, outcome, from, to (days, UTC). Each answer carries its server time in a {@code Server-Timing} header.
 * Roles are enforced by {@link MetricsService}.
 */
@Path("metrics")
@RequestScoped
@Produces({MediaType.APPLICATION_JSON, CsvExportMedia.CSV})
@Tag(name = "Metrics", description = "How fast the hospital patches: time-to-patch, lags, burn-down, overdue")
@APIResponse(responseCode = "401", description = "No or wrong credentials",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "The caller's role may not do this, or a clinical manager asked for "
        + "another department", content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "422", description = "Unknown code in the filter, bad groupBy, period or limit",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class MetricsResource {

    @Inject
    MetricsService metrics;
    @Context
    HttpHeaders headers;

    @BeanParam
    ScopeParams scope;
    @QueryParam("manufacturer")
    @Parameter(description = "manufacturer public id")
    String manufacturer;
    @QueryParam("deviceType")
    @Parameter(description = "device type as on the model")
    String deviceType;
    @QueryParam("outcome")
    @Parameter(description = "IMMEDIATE, OUT_OF_CYCLE, SCHEDULED or DEFER")
    String outcome;
    @QueryParam("from")
    @Parameter(description = "first day of the period, e.g. 2026-01-01")
    String from;
    @QueryParam("to")
    @Parameter(description = "last day of the period (inclusive)")
    String to;

    /** A page of exposure chains. */
    public record ChainPage(List<ExposureChain> items, int offset, int limit, long total) {
    }

    @GET
    @Path("headline")
    @Operation(summary = "Headline numbers now", description = "Open and overdue exposures, summed score, median "
            + "time-to-patch and SLA share of the last 90 days, devices past end of support, when the metrics were "
            + "last refreshed.")
    public Response headline() {
        return answer("headline", () -> metrics.headline(filter()), h -> CsvExport.of(Headline.class, List.of(h)));
    }

    @GET
    @Path("time-to-patch")
    @Operation(summary = "Time-to-patch per group", description = "Advisory published → patched: median, 90th "
            + "percentile and share within the SLA, over the exposures patched in the period.")
    public Response timeToPatch(@QueryParam("groupBy") @Parameter(description = "DEPARTMENT (default), MANUFACTURER, "
            + "DEVICE_TYPE, OUTCOME or QUARTER") String groupBy) {
        Grouping g = grouping(groupBy);
        return answer("time-to-patch-" + g.name().toLowerCase(Locale.ROOT), () -> metrics.timeToPatch(filter(), g),
                l -> CsvExport.of(DurationStats.class, l));
    }

    @GET
    @Path("lags")
    @Operation(summary = "Where the time goes, per group", description = "Median days of each step (vendor, triage, "
            + "approval, scheduling, patch, verification) over the exposures matched in the period.")
    public Response lags(@QueryParam("groupBy") String groupBy) {
        Grouping g = grouping(groupBy);
        return answer("lags-" + g.name().toLowerCase(Locale.ROOT), () -> metrics.lags(filter(), g),
                l -> CsvExport.of(LagBreakdown.class, l));
    }

    @GET
    @Path("time-to-patch/trend")
    @Operation(summary = "Time-to-patch per quarter", description = "Oldest quarter first.")
    public Response trend() {
        return answer("time-to-patch-trend", () -> metrics.timeToPatchTrend(filter()),
                l -> CsvExport.of(QuarterTrend.class, l));
    }

    @GET
    @Path("burn-down")
    @Operation(summary = "Open exposures at the end of each day", description = "With how many of them were overdue; "
            + "default period: the last 365 days.")
    public Response burnDown() {
        return answer("burn-down", () -> metrics.burnDown(filter()), l -> CsvExport.of(BurnDownPoint.class, l));
    }

    @GET
    @Path("score-trend")
    @Operation(summary = "Summed score of the open exposures per week", description = "At the end of each week.")
    public Response scoreTrend() {
        return answer("score-trend", () -> metrics.scoreTrend(filter()), l -> CsvExport.of(TrendPoint.class, l));
    }

    @GET
    @Path("overdue")
    @Operation(summary = "Open exposures past due, per group")
    public Response overdue(@QueryParam("groupBy") String groupBy) {
        Grouping g = grouping(groupBy);
        return answer("overdue-" + g.name().toLowerCase(Locale.ROOT), () -> metrics.overdue(filter(), g),
                l -> CsvExport.of(OverdueCount.class, l));
    }

    @GET
    @Path("top-devices")
    @Operation(summary = "The riskiest devices", description = "Highest score first; limit 1–100 (default 10).")
    public Response topDevices(@QueryParam("limit") String limit) {
        int n = QueryParams.integer("limit", limit, 10, 1, MetricsService.MAX_TOP);
        return answer("top-devices", () -> metrics.topDevices(filter(), n), l -> CsvExport.of(TopDevice.class, l));
    }

    @GET
    @Path("unsupported")
    @Operation(summary = "Devices past end of support per department")
    public Response unsupported() {
        return answer("unsupported-devices", () -> metrics.unsupportedByDepartment(filter()),
                l -> CsvExport.of(UnsupportedCount.class, l));
    }

    @GET
    @Path("operations")
    @Operation(summary = "IT's operations view", description = "Overdue, due within seven days and waiting on an "
            + "approval, in total and per department (the CSV holds the departments).")
    public Response operations() {
        return answer("operations", () -> metrics.operations(filter()),
                (OperationsSummary o) -> CsvExport.of(OperationsRow.class, o.byDepartment()));
    }

    @GET
    @Path("exposures")
    @Operation(summary = "Exposure chains", description = "Each step's instant for the exposures matched in the "
            + "period, newest match first; paged (offset, limit up to 500; the CSV export too).")
    public Response chains(@QueryParam("offset") String offset, @QueryParam("limit") String limit) {
        int first = QueryParams.integer("offset", offset, 0, 0, Integer.MAX_VALUE);
        int size = QueryParams.integer("limit", limit, 100, 1, PageRequest.MAX_LIMIT);
        return answer("exposure-chains", () -> {
            MetricsFilter f = filter();
            return new ChainPage(metrics.chains(f, new PageRequest(first, size, null, true)), first, size,
                    metrics.chainCount(f));
        }, p -> CsvExport.of(ExposureChain.class, p.items()));
    }

    @GET
    @Path("exposures/{id}")
    @Operation(summary = "One exposure's chain")
    @APIResponse(responseCode = "404", description = "Unknown, not visible to the caller, or not refreshed yet",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Response chain(@PathParam("id") String id) {
        return answer("exposure-" + id.replaceAll("[^A-Za-z0-9-]", ""), () -> metrics.chain(id),
                c -> CsvExport.of(ExposureChain.class, List.of(c)));
    }

    @POST
    @Path("refresh")
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(summary = "Refresh the metrics now (IT security, administrators)", description = "Writes the timeline "
            + "of the exposures changed since the last run; full=true rebuilds every exposure (repair). Audited.")
    public TimelineRefresh refresh(@QueryParam("full") String full) {
        return Boolean.TRUE.equals(QueryParams.bool("full", full)) ? metrics.rebuild() : metrics.refresh();
    }

    // ---- internals -----------------------------------------------------------------------------

    private <T> Response answer(String name, Supplier<T> read, java.util.function.Function<T, String> csv) {
        long t0 = System.nanoTime();
        T value = read.get();
        boolean asCsv = wantsCsv();
        Object body = asCsv ? csv.apply(value) : value;
        String timing = String.format(Locale.ROOT, "app;dur=%.1f", (System.nanoTime() - t0) / 1e6);
        Response.ResponseBuilder r = Response.ok(body, asCsv ? CsvExportMedia.CSV_UTF8 : MediaType.APPLICATION_JSON)
                .header("Server-Timing", timing);
        if (asCsv) {
            r.header("Content-Disposition", "attachment; filename=\"patchcare-" + name + "-" + LocalDate.now() + ".csv\"");
        }
        return r.build();
    }

    private boolean wantsCsv() {
        String format = scope.format();
        if (format != null && !format.isBlank()) {
            return switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw new InvalidInputException("format", "'" + format + "' is not csv or json");
            };
        }
        List<MediaType> accepted = headers.getAcceptableMediaTypes();
        return !accepted.isEmpty() && !accepted.getFirst().isWildcardType()
                && accepted.getFirst().isCompatible(MediaType.valueOf(CsvExportMedia.CSV));
    }

    private MetricsFilter filter() {
        return new MetricsFilter(scope.facility(), scope.department(), QueryParams.text(manufacturer),
                QueryParams.text(deviceType), QueryParams.text(outcome), day("from", from), day("to", to));
    }

    private static Grouping grouping(String value) {
        Grouping g = QueryParams.enumValue("groupBy", value, Grouping.class);
        return g == null ? Grouping.DEPARTMENT : g;
    }

    private static LocalDate day(String name, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, "'" + value + "' is not a day; write it as 2026-01-31");
        }
    }
}
