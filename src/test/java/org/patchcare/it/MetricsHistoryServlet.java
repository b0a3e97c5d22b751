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
 * {@code touch?exposure=} marks an exposure changed now (its timeline row stays as it is); {@code spoil?exposure=}
 * does that and also spoils its timeline row (score -1), as if the row were out of date; {@code timelineScore?exposure=}
 * answers that row's score; {@code snapshotsAt} answers when the whole-hospital charts were last worked out.
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
                    case "touch", "spoil" -> {
                        try (var ps = c.prepareStatement("UPDATE exposure SET updated_at = ? WHERE public_id = ?")) {
                            ps.setTimestamp(1, java.sql.Timestamp.from(Instant.now()),
                                    java.util.Calendar.getInstance(java.util.TimeZone.getTimeZone("UTC")));
                            ps.setString(2, req.getParameter("exposure"));
                            ps.executeUpdate();
                        }
                        if (action.equals("spoil")) {
                            try (var ps = c.prepareStatement("UPDATE exposure_timeline SET score = -1 WHERE exposure_id = "
                                    + "(SELECT id FROM exposure WHERE public_id = ?)")) {
                                ps.setString(1, req.getParameter("exposure"));
                                ps.executeUpdate();
                            }
                        }
                        yield "ok";
                    }
                    case "timelineScore" -> {
                        try (var ps = c.prepareStatement("SELECT score FROM exposure_timeline WHERE exposure_id = "
                                + "(SELECT id FROM exposure WHERE public_id = ?)")) {
                            ps.setString(1, req.getParameter("exposure"));
                            try (var rs = ps.executeQuery()) {
                                yield rs.next() ? rs.getString(1) : "none";
                            }
                        }
                    }
                    case "snapshotsAt" -> {
                        try (var ps = c.prepareStatement("SELECT MIN(computed_at) FROM metrics_snapshot");
                             var rs = ps.executeQuery()) {
                            yield rs.next() && rs.getTimestamp(1) != null ? rs.getTimestamp(1).toInstant().toString() : null;
                        }
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
