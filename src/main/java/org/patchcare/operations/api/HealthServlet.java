package org.patchcare.operations.api;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.patchcare.operations.application.DatabaseHealth;
import org.patchcare.shared.persistence.DatabaseMigrator;

import java.io.IOException;

/**
 * Health for load balancers and orchestrators, without a login, in the MicroProfile Health JSON shape:
 * <ul>
 *     <li>{@code GET /health/live}: the server runs and answers; never fails because the database is away
 *     (restarting the server would not bring the database back);</li>
 *     <li>{@code GET /health/ready}: the schema is migrated and the database answers now (checked on each call,
 *     with a 2-second timeout); 503 otherwise, so a load balancer sends traffic elsewhere;</li>
 *     <li>{@code GET /health}: both.</li>
 * </ul>
 * The answers name only the checks and UP/DOWN: no versions, hosts or error messages.
 */
@WebServlet(urlPatterns = {"/health", "/health/live", "/health/ready"})
public class HealthServlet extends HttpServlet {

    @Inject
    DatabaseHealth database;

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getServletPath();
        StringBuilder checks = new StringBuilder();
        boolean up = true;
        check(checks, "server", true);
        if (!path.endsWith("/live")) {
            boolean schema = DatabaseMigrator.migrated();
            boolean db = schema && database.checkNow();
            check(checks, "schema", schema);
            check(checks, "database", db);
            up = schema && db;
        }
        resp.setStatus(up ? 200 : 503);
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.setHeader("Cache-Control", "no-store");
        if (!up) {
            resp.setHeader("Retry-After", "5");
        }
        resp.getWriter().write("{\"status\":\"" + (up ? "UP" : "DOWN") + "\",\"checks\":[" + checks + "]}");
    }

    private static void check(StringBuilder checks, String name, boolean up) {
        if (!checks.isEmpty()) {
            checks.append(',');
        }
        checks.append("{\"name\":\"").append(name).append("\",\"status\":\"").append(up ? "UP" : "DOWN").append("\"}");
    }
}
