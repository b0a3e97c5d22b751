package org.patchcare.it;

import jakarta.annotation.Resource;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.UserTransaction;

import javax.sql.DataSource;
import java.io.IOException;
import java.sql.Connection;
import java.time.Instant;

/**
 * Test-only: writes {@link MetricsHistory} into the server's database in one transaction (so the risk job never sees
 * an exposure without its decision). {@code POST /it/metrics-history/write?now=...} answers the written codes as JSON;
 * {@code POST /it/metrics-history/patch?tag=&performed=&verified=} records an unplanned patch.
 */
@WebServlet("/it/metrics-history/*")
public class MetricsHistoryServlet extends HttpServlet {

    @Resource(lookup = "java:jboss/datasources/PatchCareDS")
    DataSource dataSource;
    @Resource
    UserTransaction tx;
    private final Jsonb jsonb = JsonbBuilder.create();

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        if (req.getUserPrincipal() == null) {
            resp.sendError(401);
            return;
        }
        String action = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
        Object out;
        try {
            tx.begin();
            try (Connection c = dataSource.getConnection()) {
                out = switch (action) {
                    case "write" -> MetricsHistory.write(c, MetricsHistory.plan(Instant.parse(req.getParameter("now"))));
                    case "patch" -> {
                        String verified = req.getParameter("verified");
                        MetricsHistory.unplannedPatch(c, req.getParameter("tag"), Instant.parse(req.getParameter("performed")),
                                verified == null ? null : Instant.parse(verified));
                        yield "ok";
                    }
                    default -> throw new IllegalArgumentException("unknown action " + action);
                };
            }
            tx.commit();
        } catch (Exception e) {
            try {
                tx.rollback();
            } catch (Exception ignored) {
                // the transaction may already be gone; the original failure is what the test needs to see
            }
            throw new IOException("metrics history " + action + " failed: " + e, e);
        }
        resp.setContentType("application/json");
        resp.getWriter().write(jsonb.toJson(out));
    }
}
