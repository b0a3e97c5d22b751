package org.patchcare.audit.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.patchcare.audit.application.AuditCsv;
import org.patchcare.audit.application.AuditFilter;
import org.patchcare.audit.application.AuditRecord;
import org.patchcare.audit.application.AuditService;
import org.patchcare.inventory.application.PageRequest;
import org.patchcare.shared.api.Problem;
import org.patchcare.shared.api.QueryParams;
import org.patchcare.shared.domain.InvalidInputException;

import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The audit trail, for administrators only: search it page by page, or export every matching entry as CSV (the
 * export is itself recorded in the trail).
 */
@Path("audit")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Audit trail", description = "Who changed what, when, from what to what, and why (administrators)")
@APIResponse(responseCode = "401", description = "No or wrong credentials",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "403", description = "Only administrators read the audit trail",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
@APIResponse(responseCode = "422", description = "A filter is not valid; the field is named",
        content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
public class AuditResource {

    static final int CSV_PAGE = 500;

    @Inject
    AuditService audit;

    /** One page of the trail. */
    public record AuditPage(List<AuditRecord> items, int offset, int limit, long total) {
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @Operation(summary = "Search the audit trail (administrators)", description = "Newest first unless sorted. "
            + "from/to: ISO-8601 instants or dates (UTC days; to is exclusive, a date means the end of that day). "
            + "actor and entityKey match from their start, q anywhere in the key, the changed values and the reason. "
            + "format=csv answers every matching entry, oldest first, one row per changed field (no paging); the "
            + "export is recorded in the trail.")
    public Response search(@QueryParam("from") String from, @QueryParam("to") String to,
                           @QueryParam("actor") String actor,
                           @Parameter(description = "e.g. Device, ChangeRequest, User") @QueryParam("entityType") String entityType,
                           @QueryParam("entityKey") String entityKey,
                           @Parameter(description = "CREATE, UPDATE, DELETE or EVENT") @QueryParam("action") String action,
                           @Parameter(description = "free text") @QueryParam("q") String q,
                           @QueryParam("offset") String offset, @QueryParam("limit") String limit,
                           @Parameter(description = "occurredAt, actor, entityType, entityKey, action")
                           @QueryParam("sort") String sort, @QueryParam("ascending") String ascending,
                           @Parameter(description = "json (default) or csv") @QueryParam("format") String format) {
        AuditFilter filter = new AuditFilter(instant("from", from, false), instant("to", to, true), actor, entityType,
                entityKey, action, q);
        String fmt = format == null || format.isBlank() ? "json" : format.strip().toLowerCase(java.util.Locale.ROOT);
        if (fmt.equals("csv")) {
            AuditFilter bounded = filter.endingBy(audit.recordExport(filter, "CSV"));
            StreamingOutput body = out -> {
                Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                AuditCsv.write(w, o -> audit.search(bounded, new PageRequest(o, CSV_PAGE, "occurredAt", true)),
                        CSV_PAGE);
                w.flush();
            };
            return Response.ok(body, "text/csv;charset=UTF-8")
                    .header("Content-Disposition", "attachment; filename=\"audit-trail.csv\"").build();
        }
        if (!fmt.equals("json")) {
            throw new InvalidInputException("format", "Use json or csv.");
        }
        int first = QueryParams.integer("offset", offset, 0, 0, Integer.MAX_VALUE);
        int size = QueryParams.integer("limit", limit, 50, 1, PageRequest.MAX_LIMIT);
        List<AuditRecord> items = audit.search(filter, new PageRequest(first, size, QueryParams.text(sort),
                QueryParams.ascending("ascending", ascending)));
        return Response.ok(new AuditPage(items, first, size, audit.count(filter)), MediaType.APPLICATION_JSON_TYPE)
                .build();
    }

    /** An ISO-8601 instant, or a date: its start, or with {@code endOfDay} the start of the next day (UTC). */
    static Instant instant(String name, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            try {
                return QueryParams.day(name, value, endOfDay);
            } catch (InvalidInputException notADay) {
                throw new InvalidInputException(name, "must be an instant like 2026-11-24T08:00:00Z or a date like "
                        + "2026-11-24");
            }
        }
    }
}
