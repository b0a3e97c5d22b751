package org.patchcare.operations.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.patchcare.shared.metrics.AppMetrics;
import org.patchcare.shared.persistence.DatabaseMigrator;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The background check of the database: every {@value #INTERVAL_SECONDS} seconds a connection is taken from the pool
 * and checked with a short timeout. A change of state is logged once (the outage, then the recovery with its length),
 * never every tick. While the database is up, the queue sizes for the metrics are counted every
 * {@value #QUEUE_REFRESH_SECONDS} seconds, so a scrape never runs a query.
 * <p>
 * Open to everybody ({@link PermitAll}): it changes nothing and answers only up or down; the health endpoints that
 * call it are used by load balancers without a login.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@PermitAll
public class DatabaseHealth {

    static final int INTERVAL_SECONDS = 5;
    static final int QUEUE_REFRESH_SECONDS = 30;
    /** Seconds a check may wait for the database to answer. */
    static final int CHECK_TIMEOUT_SECONDS = 2;

    private static final Logger LOG = Logger.getLogger(DatabaseHealth.class.getName());

    /** The queues operators watch, each counted with one indexed query. */
    static final Map<String, String> QUEUES = new LinkedHashMap<>();

    static {
        QUEUES.put("work_queue", "SELECT COUNT(*) FROM exposure WHERE state IN ('UNDER_INVESTIGATION', 'AFFECTED')");
        QUEUES.put("match_review", "SELECT COUNT(*) FROM match_review WHERE status = 'PENDING'");
        QUEUES.put("change_approval", "SELECT COUNT(*) FROM change_request WHERE status = 'SUBMITTED'");
        QUEUES.put("mail_outbox", "SELECT COUNT(*) FROM mail_outbox WHERE status = 'PENDING'");
    }

    @Resource(lookup = "java:jboss/datasources/PatchCareDS")
    DataSource dataSource;

    @Inject
    AppMetrics metrics;

    private volatile boolean up = true;
    private volatile long downSinceMillis;
    private volatile long queuesCountedAtMillis;

    @PostConstruct
    void start() {
        tick();
    }

    /** Up when the schema is migrated and the database answered the last check. */
    public boolean ready() {
        return DatabaseMigrator.migrated() && up;
    }

    /** Checks the database now (a readiness probe asks for this), records and returns the answer. */
    public boolean checkNow() {
        boolean ok;
        String problem = null;
        try (Connection c = dataSource.getConnection()) {
            ok = c.isValid(CHECK_TIMEOUT_SECONDS);
            if (!ok) {
                problem = "the connection did not answer within " + CHECK_TIMEOUT_SECONDS + " s";
            }
        } catch (SQLException | RuntimeException e) {
            ok = false;
            problem = e.getMessage();
        }
        record(ok, problem);
        return ok;
    }

    @Schedule(second = "*/5", minute = "*", hour = "*", persistent = false)
    void tick() {
        if (checkNow() && System.currentTimeMillis() - queuesCountedAtMillis >= QUEUE_REFRESH_SECONDS * 1000L) {
            countQueues();
        }
    }

    private synchronized void record(boolean ok, String problem) {
        metrics.set("patchcare_database_up", "1 if the last check reached the database, else 0", ok ? 1 : 0);
        if (ok == up) {
            return;
        }
        up = ok;
        if (!ok) {
            downSinceMillis = System.currentTimeMillis();
            LOG.warning("Database unavailable (" + problem + "): the API answers 503 and the screens say so; "
                    + "PatchCare checks again every " + INTERVAL_SECONDS + " s and recovers by itself");
            metrics.count("patchcare_database_outages_total", "Times the database became unreachable", 1);
        } else {
            LOG.info("Database available again after " + (System.currentTimeMillis() - downSinceMillis) / 1000 + " s");
        }
    }

    private void countQueues() {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.setQueryTimeout(CHECK_TIMEOUT_SECONDS * 5);
            for (Map.Entry<String, String> q : QUEUES.entrySet()) {
                try (ResultSet rs = st.executeQuery(q.getValue())) {
                    rs.next();
                    metrics.set("patchcare_queue_size", "Items waiting in a queue (counted every "
                            + QUEUE_REFRESH_SECONDS + " s)", rs.getLong(1), "queue", q.getKey());
                }
            }
            queuesCountedAtMillis = System.currentTimeMillis();
        } catch (SQLException e) {
            LOG.log(Level.FINE, "Could not count the queues", e);
        }
    }
}
