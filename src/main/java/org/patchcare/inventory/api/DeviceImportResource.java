package org.patchcare.inventory.api;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.patchcare.inventory.application.DeviceImportError;
import org.patchcare.inventory.application.DeviceImportFormat;
import org.patchcare.inventory.application.DeviceImportReport;
import org.patchcare.inventory.application.DeviceImportService;
import org.patchcare.inventory.application.DeviceImportTooLargeException;
import org.patchcare.shared.domain.Roles;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * {@code POST /api/v1/devices/import?dryRun=true|false} with a CSV body (Content-Type text/csv, UTF-8).
 * 200 with a report {created, updated, unchanged, errors: []} when the file is clean (and, unless dry run, imported);
 * 422 problem+json with the same fields and every error {row, column, message} when not (nothing written);
 * 413 problem+json when the file is too large; 403 for roles other than biomedical technician and administrator.
 * {@code GET /api/v1/devices/import/template} returns the empty template.
 */
@Path("devices/import")
@RequestScoped
public class DeviceImportResource {

    public static final String PROBLEM_JSON = "application/problem+json";
    static final String PROBLEM_BASE = org.patchcare.shared.api.ApiErrors.TYPE_PREFIX; // one set of problem types

    /** Looked up once: JSON.createXxx() searches the class path for a provider on every call. */
    private static final JsonProvider JSON = JsonProvider.provider();

    @Inject
    DeviceImportService imports;

    @Context
    SecurityContext security;

    @Context
    ServletContext servletContext;

    @POST
    @Consumes({"text/csv", "application/csv", MediaType.TEXT_PLAIN, MediaType.APPLICATION_OCTET_STREAM})
    @Produces({MediaType.APPLICATION_JSON, PROBLEM_JSON})
    @org.patchcare.shared.api.LargeUpload("PATCHCARE_IMPORT_MAX_BYTES, default 50 MB (DeviceImportLimits)")
    public Response importCsv(@QueryParam("dryRun") @DefaultValue("false") boolean dryRun,
                              @HeaderParam("Content-Length") @DefaultValue("-1") long contentLength,
                              InputStream body) {
        if (!security.isUserInRole(Roles.BIOMED_TECH) && !security.isUserInRole(Roles.ADMIN)) {
            return problem(403, "forbidden", "Not allowed", "Only biomedical technicians and administrators may import devices.")
                    .build();
        }
        DeviceImportReport report;
        try {
            report = imports.importCsv(body, contentLength, dryRun, null);
        } catch (DeviceImportTooLargeException e) {
            return problem(413, "import-too-large", "File too large", e.getMessage())
                    .header("Connection", "close").build();
        }
        JsonObjectBuilder json = report(report);
        if (report.valid()) {
            return Response.ok(json.build().toString(), MediaType.APPLICATION_JSON_TYPE.withCharset("UTF-8")).build();
        }
        json.add("type", PROBLEM_BASE + "invalid-import")
                .add("title", "The CSV file has problems")
                .add("status", 422)
                .add("detail", report.summary() + " First: " + report.errors().getFirst().text());
        return Response.status(422).type(PROBLEM_JSON + ";charset=UTF-8").entity(json.build().toString()).build();
    }

    @GET
    @Path("template")
    @Produces("text/csv")
    public Response template() {
        InputStream in = servletContext.getResourceAsStream("/templates/devices-template.csv");
        Object body = in != null ? in : (DeviceImportFormat.templateHeader() + "\r\n").getBytes(StandardCharsets.UTF_8);
        return Response.ok(body, "text/csv;charset=UTF-8")
                .header("Content-Disposition", "attachment; filename=\"devices-template.csv\"").build();
    }

    static JsonObjectBuilder report(DeviceImportReport r) {
        JsonArrayBuilder errors = JSON.createArrayBuilder();
        for (DeviceImportError e : r.errors()) {
            JsonObjectBuilder o = JSON.createObjectBuilder();
            if (e.row() == null) {
                o.addNull("row");
            } else {
                o.add("row", e.row());
            }
            if (e.column() == null) {
                o.addNull("column");
            } else {
                o.add("column", e.column());
            }
            errors.add(o.add("message", e.message()).add("text", e.text()));
        }
        return JSON.createObjectBuilder()
                .add("dryRun", r.dryRun())
                .add("committed", r.committed())
                .add("rows", r.rows())
                .add("created", r.created())
                .add("updated", r.updated())
                .add("unchanged", r.unchanged())
                .add("errors", errors)
                .add("moreErrors", r.moreErrors())
                .add("summary", r.summary());
    }

    private static Response.ResponseBuilder problem(int status, String type, String title, String detail) {
        return Response.status(status).type(PROBLEM_JSON + ";charset=UTF-8").entity(JSON.createObjectBuilder()
                .add("type", PROBLEM_BASE + type).add("title", title).add("status", status).add("detail", detail)
                .build().toString());
    }
}
