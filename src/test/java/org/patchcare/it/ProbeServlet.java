package org.patchcare.it;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.transaction.Status;
import jakarta.transaction.Transaction;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.UserTransaction;
import org.patchcare.audit.application.AuditService;
import org.patchcare.identity.application.UserService;
import org.patchcare.inventory.application.CatalogService;
import org.patchcare.inventory.application.DepartmentCommand;
import org.patchcare.inventory.application.DeviceCommand;
import org.patchcare.inventory.application.DeviceFilter;
import org.patchcare.inventory.application.DeviceService;
import org.patchcare.inventory.application.DeviceSummary;
import org.patchcare.inventory.application.OrganisationService;
import org.patchcare.inventory.application.PageRequest;
import org.patchcare.inventory.domain.Connectivity;
import org.patchcare.inventory.domain.Criticality;
import org.patchcare.inventory.domain.MissionImpact;
import org.patchcare.inventory.domain.SupportStatus;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Test-only window into the services, deployed with the test WAR only. It runs as whoever the request
 * authenticates as (HTTP Basic, or nobody), so every EJB call carries that caller's identity and roles.
 * {@code /it/probe/<action>?params} answers JSON: {@code {"ok":true,"value":...}} or
 * {@code {"ok":false,"exception":"ConflictException","message":"..."}}.
 */
@WebServlet("/it/probe/*")
public class ProbeServlet extends HttpServlet {

    @Inject
    DeviceService devices;
    // issue 7 (web-hardening): beans ServiceMatrixCompletenessTest found outside the matrix
    @Inject
    org.patchcare.inventory.application.DeviceImportService imports;
    @Inject
    org.patchcare.reporting.application.MetricsJob metricsJob;
    @Inject
    CatalogService catalog;
    @Inject
    OrganisationService organisation;
    @Inject
    UserService users;
    @Inject
    AuditService audit;
    @Inject
    ContextEventRecorder contextEvents;
    @Inject
    org.patchcare.advisories.application.ThreatFeedService feeds;
    @Inject
    org.patchcare.advisories.application.AdvisoryService advisories;
    @Inject
    org.patchcare.advisories.application.ExposureService exposures;
    @Inject
    org.patchcare.advisories.application.AdvisoryFeedService advisoryFeeds;
    @Inject
    org.patchcare.risk.application.RiskService risk;
    @Inject
    org.patchcare.risk.application.ControlService controls;
    @Inject
    org.patchcare.risk.application.ValidationService validations;
    @Inject
    org.patchcare.risk.application.AcceptanceService acceptances;
    @Inject
    org.patchcare.risk.application.ExpiryService expiry;
    @Inject
    org.patchcare.risk.application.DecisionEngine decisionEngine;
    @Inject
    org.patchcare.notifications.application.NotificationService notifications;
    @Inject
    org.patchcare.downtime.application.ConflictService conflicts;
    @Inject
    org.patchcare.downtime.application.CalendarService calendar;
    @Inject
    org.patchcare.downtime.application.BlackoutService blackouts;
    @Inject
    org.patchcare.downtime.application.RedundancyGroupService groups;
    @Inject
    org.patchcare.downtime.application.ChangeRequestService changeRequests;
    @Inject
    org.patchcare.downtime.application.DowntimeJobService downtimeJobs;
    // metrics (issue 6)
    @Inject
    org.patchcare.reporting.application.MetricsService metrics;
    // issue 6, exposure report
    @Inject
    org.patchcare.reporting.application.ExposureReportService reports;
    @Inject
    org.patchcare.patching.application.PatchService patches;
    // identity hardening (issue 7)
    @Inject
    org.patchcare.identity.application.ApiTokenService apiTokens;
    @Inject
    org.patchcare.identity.application.AccountService account;
    @Inject
    org.patchcare.identity.application.LoginAttemptCleanup loginCleanup;
    // ---- planning (issue 8) ----
    @Inject
    org.patchcare.planning.application.PlanningService planning;
    @Inject
    org.patchcare.planning.application.PlanningDataService planningData;
    @Resource(lookup = "java:jboss/datasources/PatchCareDS")
    javax.sql.DataSource dataSource;
    @Resource
    UserTransaction tx;
    @Resource
    ManagedExecutorService executor;

    private final Jsonb jsonb = JsonbBuilder.create();

    @Override
    protected void service(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        req.setCharacterEncoding("UTF-8"); // the Probe client sends UTF-8 form parameters
        String action = req.getPathInfo() == null ? "" : req.getPathInfo().substring(1);
        Map<String, Object> out;
        try {
            out = ok(run(action, req));
        } catch (Throwable t) {
            out = failure(t);
        }
        resp.setContentType("application/json");
        resp.setCharacterEncoding("UTF-8");
        resp.getWriter().write(jsonb.toJson(out));
    }

    private Object run(String action, HttpServletRequest req) throws Exception {
        return switch (action) {
            case "whoami" -> req.getUserPrincipal() == null ? null : req.getUserPrincipal().getName();
            case "matrix" -> matrix();
            case "device/create" -> devices.create(command(req, new DeviceCommand()));
            case "device/get" -> devices.get(req.getParameter("tag"));
            case "device/update" -> devices.update(req.getParameter("tag"), command(req, current(req.getParameter("tag"))));
            case "device/move" -> devices.move(req.getParameter("tag"), req.getParameter("department"),
                    req.getParameter("location"), req.getParameter("comment"), intParam(req, "version"));
            case "device/takeOutOfService" -> devices.takeOutOfService(req.getParameter("tag"),
                    Boolean.parseBoolean(req.getParameter("repair")), req.getParameter("comment"), intParam(req, "version"));
            case "device/retire" -> devices.retire(req.getParameter("tag"), req.getParameter("comment"), intParam(req, "version"));
            case "device/timeline" -> devices.timeline(req.getParameter("tag"));
            case "device/list" -> list(req);
            case "audit/history" -> audit.history(req.getParameter("type"), req.getParameter("key"), 100);
            case "organisation/locations" -> organisation.locations(req.getParameter("department"));
            case "organisation/saveDepartment" -> organisation.saveDepartment(new DepartmentCommand(
                    req.getParameter("code"), req.getParameter("name"), req.getParameter("facility"),
                    MissionImpact.valueOf(req.getParameter("missionImpact")), intParam(req, "version")));
            case "events/deviceContext" -> contextEvents.device(req.getParameter("tag"));
            case "events/departmentContext" -> contextEvents.department(req.getParameter("code"));
            case "device/updateThenFailInSameTransaction" -> updateThenFail(req);
            case "device/staleUpdateAfterOtherCommit" -> staleUpdateAfterOtherCommit(req);
            case "device/race" -> race(req);
            case "fixture/model" -> model(req.getParameter("manufacturer"), req.getParameter("model"));
            case "fixture/user" -> user(req.getParameter("username"), req.getParameter("role"), req.getParameter("department"),
                    req.getParameter("email"));
            case "fixture/notify" -> {
                notifications.notify(req.getParameter("recipient"), req.getParameter("subject"),
                        req.getParameter("body") == null ? "probe" : req.getParameter("body"), req.getParameter("link"));
                yield null;
            }
            case "fixture/notifyThenRollback" -> {
                tx.begin();
                try {
                    notifications.notify(req.getParameter("recipient"), req.getParameter("subject"), "probe", null);
                } finally {
                    tx.rollback();
                }
                yield null;
            }
            case "fixture/myNotifications" -> notifications.myNotifications(false).stream()
                    .map(org.patchcare.notifications.application.NotificationView::subject).toList();
            case "risk/expiry" -> expiry.run();
            case "risk/decisionRace" -> decisionRace(Integer.parseInt(req.getParameter("rounds")));
            case "downtime/window" -> DowntimeFixtures.window(dataSource, req.getParameter("tag"),
                    java.time.Instant.parse(req.getParameter("start")), java.time.Instant.parse(req.getParameter("end")),
                    req.getParameter("requestStatus"), req.getParameter("windowStatus"), req.getParameter("technician"));
            case "downtime/job" -> downtimeJobs.run(req.getParameter("at") == null ? java.time.Instant.now()
                    : java.time.Instant.parse(req.getParameter("at")));
            case "risk/date" -> setDate(req.getParameter("table"), req.getParameter("id"),
                    LocalDate.parse(req.getParameter("date")));
            // identity hardening (issue 7): lockouts, token expiry, resets, as the calling user
            case "identity/endLock" -> sql("UPDATE login_attempt SET locked_until = ? WHERE attempt_key = ?",
                    java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(1)), "user:" + req.getParameter("username"));
            case "identity/clearLocks" -> sql("DELETE FROM login_attempt WHERE attempt_key = ? OR attempt_key LIKE 'ip:%'",
                    "user:" + req.getParameter("username"));
            case "identity/expireToken" -> sql("UPDATE api_token SET expires_at = ? WHERE public_id = ?",
                    java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60)), req.getParameter("id"));
            case "identity/saveUser" -> hostileUser(req.getParameter("username"), req.getParameter("displayName"),
                    req.getParameter("email"));
            case "identity/reset" -> users.resetPassword(req.getParameter("username"), req.getParameter("password"));
            case "identity/setEnabled" -> users.setEnabled(req.getParameter("username"),
                    Boolean.parseBoolean(req.getParameter("enabled")), null).enabled();
            // identity leftovers (issue 7): failed-login counters of a given age, their pruning (as the calling user)
            case "identity/attempt" -> sql("INSERT INTO login_attempt (attempt_key, failures, lockouts, locked_until, "
                    + "last_failure_at) VALUES (?, 1, 0, ?, ?)", req.getParameter("key"),
                    req.getParameter("lockedMinutes") == null ? null : java.sql.Timestamp.from(java.time.Instant.now()
                            .plusSeconds(60L * Long.parseLong(req.getParameter("lockedMinutes")))),
                    java.sql.Timestamp.from(java.time.Instant.now().minusSeconds(60L * Long.parseLong(req.getParameter("ageMinutes")))));
            case "identity/attemptKeys" -> attemptKeys(req.getParameter("prefix"));
            case "identity/prune" -> loginCleanup.prune(java.time.Instant.now());
            case "identity/changePassword" -> account.changePassword(req.getParameter("current"), req.getParameter("next"));
            default -> throw new IllegalArgumentException("unknown probe action '" + action + "'");
        };
    }

    /** identity hardening (issue 7): one SQL update with positional parameters; answers the changed row count. */
    private int sql(String sql, Object... params) throws java.sql.SQLException {
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            return ps.executeUpdate();
        }
    }

    /** identity leftovers (issue 7): the keys of {@code login_attempt} that start with {@code prefix}, sorted. */
    private List<String> attemptKeys(String prefix) throws java.sql.SQLException {
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.PreparedStatement ps = c.prepareStatement(
                "SELECT attempt_key FROM login_attempt WHERE attempt_key LIKE ? ORDER BY attempt_key")) {
            ps.setString(1, prefix + "%");
            List<String> keys = new java.util.ArrayList<>();
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
            return keys;
        }
    }

    // ---- fixtures of the risk tests ------------------------------------------------------------

    /** A device model of a (test) manufacturer, both created when missing; answers the model's public id. */
    private String model(String manufacturer, String name) {
        var mf = catalog.resolveManufacturer(manufacturer)
                .orElseGet(() -> catalog.saveManufacturer(null, manufacturer, List.of(), null));
        return catalog.models(mf.id()).stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseGet(() -> catalog.saveModel(null, mf.id(), name, null, "Test device", null, null)).id();
    }

    /** A new biomedical technician with the given names, as the Users screen makes one (hostile-input corpus). */
    private org.patchcare.identity.application.UserView hostileUser(String username, String displayName, String email) {
        org.patchcare.identity.application.UserCommand c = new org.patchcare.identity.application.UserCommand();
        c.setUsername(username);
        c.setDisplayName(displayName);
        c.setEmail(email);
        c.setPassword("Hostile input corpus " + java.util.UUID.randomUUID());
        c.setRoles(java.util.EnumSet.of(org.patchcare.identity.domain.Role.BIOMED_TECH));
        return users.save(c, true);
    }

    /** A user with one role (and department, e-mail address), password "{username}-demo-2026" like the demo users; kept when present. */
    private String user(String username, String role, String department, String email) {
        if (users.list().stream().anyMatch(u -> u.username().equals(username))) {
            return username;
        }
        org.patchcare.identity.application.UserCommand c = new org.patchcare.identity.application.UserCommand();
        c.setUsername(username);
        c.setDisplayName("Test " + username);
        c.setPassword(ItConfig.password(username));
        c.setEmail(email);
        c.setRoles(java.util.EnumSet.of(org.patchcare.identity.domain.Role.valueOf(role)));
        if (department != null) {
            c.setDepartments(java.util.Set.of(department));
        }
        return users.save(c, true).username();
    }

    /**
     * Moves a date so the tests need no clock: the end of a risk acceptance or a control (table acceptance or control),
     * or the day an exposure was found (table exposure; start of that day, UTC).
     */
    private int setDate(String table, String publicId, LocalDate date) throws java.sql.SQLException {
        String sql = switch (table) {
            case "acceptance" -> "UPDATE risk_acceptance SET expires_on = ? WHERE public_id = ?";
            case "control" -> "UPDATE compensating_control SET expires_on = ? WHERE public_id = ?";
            case "exposure" -> "UPDATE exposure SET created_at = ? WHERE public_id = ?";
            default -> throw new IllegalArgumentException("table must be acceptance, control or exposure");
        };
        try (var c = dataSource.getConnection(); var ps = c.prepareStatement(sql)) {
            if (table.equals("exposure")) {
                ps.setTimestamp(1, java.sql.Timestamp.from(date.atStartOfDay(java.time.ZoneOffset.UTC).toInstant()),
                        java.util.Calendar.getInstance(java.util.TimeZone.getTimeZone("UTC")));
            } else {
                ps.setDate(1, java.sql.Date.valueOf(date));
            }
            ps.setString(2, publicId);
            return ps.executeUpdate();
        }
    }

    // ---- access matrix -----------------------------------------------------------------------

    /** Every operation of the matrix as the current caller: "ALLOWED" (with how it ended) or "DENIED". */
    private Map<String, String> matrix() {
        ServiceMatrix.Services services = new ServiceMatrix.Services(devices, catalog, organisation, users, audit, feeds,
                advisories, exposures, advisoryFeeds, risk, controls, validations, acceptances, expiry, notifications,
                conflicts, calendar, blackouts, groups, changeRequests, downtimeJobs,
                metrics, reports, patches,
                apiTokens, account, // identity hardening (issue 7)
                planning, planningData,
                imports, metricsJob, // web hardening (issue 7)
                loginCleanup); // identity leftovers (issue 7)
        Map<String, String> result = new LinkedHashMap<>();
        for (ServiceMatrix.Operation op : ServiceMatrix.OPERATIONS) {
            String outcome;
            try {
                op.call().invoke(services);
                outcome = "ALLOWED: returned";
            } catch (EJBAccessException e) {
                outcome = "DENIED";
            } catch (Exception e) {
                Throwable root = unwrap(e);
                outcome = root instanceof EJBAccessException ? "DENIED"
                        : "ALLOWED: " + root.getClass().getSimpleName() + " " + root.getMessage();
            }
            result.put(op.name(), outcome);
        }
        return result;
    }

    // ---- devices -----------------------------------------------------------------------------

    private List<String> list(HttpServletRequest req) {
        String support = req.getParameter("support");
        DeviceFilter f = new DeviceFilter(req.getParameter("text"), req.getParameter("department"), null, null, null,
                null, support == null ? null : SupportStatus.valueOf(support));
        return devices.list(f, new PageRequest(0, PageRequest.MAX_LIMIT, "assetTag", true)).stream()
                .map(DeviceSummary::assetTag).toList();
    }

    private DeviceCommand current(String tag) {
        return devices.get(tag).toCommand();
    }

    /** Fills the command from request parameters named like its properties; absent parameters leave it as it is. */
    private static DeviceCommand command(HttpServletRequest req, DeviceCommand c) {
        Map<String, String[]> p = req.getParameterMap();
        if (p.containsKey("assetTag")) c.setAssetTag(req.getParameter("assetTag"));
        if (p.containsKey("manufacturer")) c.setManufacturer(req.getParameter("manufacturer"));
        if (p.containsKey("model")) c.setModel(req.getParameter("model"));
        if (p.containsKey("department")) c.setDepartment(req.getParameter("department"));
        if (p.containsKey("locationId")) c.setLocationId(req.getParameter("locationId"));
        if (p.containsKey("criticality")) c.setCriticality(Criticality.valueOf(req.getParameter("criticality")));
        if (p.containsKey("connectivity")) c.setConnectivity(Connectivity.valueOf(req.getParameter("connectivity")));
        if (p.containsKey("redundant")) c.setRedundant(Boolean.parseBoolean(req.getParameter("redundant")));
        if (p.containsKey("serialNumber")) c.setSerialNumber(req.getParameter("serialNumber"));
        if (p.containsKey("hostname")) c.setHostname(req.getParameter("hostname"));
        if (p.containsKey("ipAddress")) c.setIpAddress(req.getParameter("ipAddress"));
        if (p.containsKey("softwareVersion")) c.setSoftwareVersion(req.getParameter("softwareVersion"));
        if (p.containsKey("notes")) c.setNotes(req.getParameter("notes"));
        if (p.containsKey("installDate")) c.setInstallDate(date(req.getParameter("installDate")));
        if (p.containsKey("endOfSupportOverride")) c.setEndOfSupportOverride(date(req.getParameter("endOfSupportOverride")));
        if (p.containsKey("version")) c.setVersion(intParam(req, "version"));
        return c;
    }

    /**
     * One transaction: a valid change of the notes (service writes its audit row), then a change of the same device
     * that fails validation. The transaction rolls back; the caller then checks that neither change nor audit row stayed.
     */
    private Map<String, Object> updateThenFail(HttpServletRequest req) throws Exception {
        String tag = req.getParameter("tag");
        Map<String, Object> r = new LinkedHashMap<>();
        tx.begin();
        try {
            DeviceCommand good = current(tag);
            good.setNotes(req.getParameter("notes"));
            r.put("firstUpdateVersion", devices.update(tag, good).version());
            DeviceCommand bad = current(tag);
            bad.setIpAddress("999.1.2.3.4.5");
            bad.setHostname("not a hostname!");
            try {
                devices.update(tag, bad);
                r.put("secondUpdate", "accepted");
            } catch (Exception e) {
                r.put("secondUpdate", unwrap(e).getClass().getSimpleName() + ": " + unwrap(e).getMessage());
            }
            r.put("markedForRollback", tx.getStatus() == Status.STATUS_MARKED_ROLLBACK);
        } finally {
            tx.rollback();
        }
        return r;
    }

    /**
     * Two open transactions over the same device, both having read the same version: the second commits a change
     * first; then the first one tries to save its change. Deterministic, no threads.
     */
    private Map<String, Object> staleUpdateAfterOtherCommit(HttpServletRequest req) throws Exception {
        String tag = req.getParameter("tag");
        TransactionManager tm = transactionManager();
        Map<String, Object> r = new LinkedHashMap<>();
        tm.begin();
        DeviceCommand mine = current(tag); // loads the device into this transaction at version v
        mine.setNotes(req.getParameter("first"));
        Transaction first = tm.suspend();
        try {
            tm.begin();
            try {
                DeviceCommand theirs = current(tag);
                theirs.setNotes(req.getParameter("second"));
                r.put("otherCommitted", devices.update(tag, theirs).version());
                tm.commit();
            } catch (Exception e) {
                if (tm.getTransaction() != null) {
                    tm.rollback();
                }
                throw e;
            }
        } finally {
            tm.resume(first);
        }
        try {
            devices.update(tag, mine);
            tm.commit();
            r.put("staleUpdate", "saved");
        } catch (Exception e) {
            Throwable root = unwrap(e);
            r.put("staleUpdate", root.getClass().getSimpleName() + ": " + root.getMessage());
            if (tm.getTransaction() != null) {
                tm.rollback();
            }
        }
        return r;
    }

    /**
     * Two threads, each in its own transaction, read the device at the same version, meet at a barrier, and both
     * save a different change. Reports how each ended.
     */
    private List<String> race(HttpServletRequest req) throws Exception {
        String tag = req.getParameter("tag");
        CyclicBarrier barrier = new CyclicBarrier(2);
        List<Future<String>> futures = new ArrayList<>();
        for (String notes : List.of(req.getParameter("a"), req.getParameter("b"))) {
            futures.add(executor.submit(() -> {
                tx.setTransactionTimeout(60);
                tx.begin();
                try {
                    DeviceCommand c = current(tag);
                    c.setNotes(notes);
                    barrier.await(30, TimeUnit.SECONDS);
                    devices.update(tag, c);
                    tx.commit();
                    return "saved " + notes;
                } catch (Exception e) {
                    Throwable root = unwrap(e);
                    if (tx.getStatus() != Status.STATUS_NO_TRANSACTION) {
                        tx.rollback();
                    }
                    return root.getClass().getSimpleName() + ": " + root.getMessage();
                }
            }));
        }
        List<String> outcomes = new ArrayList<>();
        for (Future<String> f : futures) {
            outcomes.add(f.get(90, TimeUnit.SECONDS));
        }
        return outcomes;
    }

    /**
     * Two transactions decide the same exposures for the first time at once (what the risk job and a control
     * attachment do when they meet on a new exposure): up to 20 decided exposures lose their decision row, then both
     * evaluate them behind a barrier. Answers each transaction's outcome per round ("stored" or the root exception)
     * and, last, "decided N of M": how many of the exposures have their one decision row afterwards.
     */
    private List<String> decisionRace(int rounds) throws Exception {
        List<Long> ids = new ArrayList<>();
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.PreparedStatement ps = c.prepareStatement(
                "SELECT exposure_id FROM exposure_decision ORDER BY exposure_id")) {
            ps.setMaxRows(20);
            try (java.sql.ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        if (ids.isEmpty()) {
            throw new IllegalStateException("no decided exposure to race on");
        }
        String in = ids.stream().map(String::valueOf).collect(java.util.stream.Collectors.joining(","));
        Map<Long, String> causes = new java.util.HashMap<>();
        ids.forEach(id -> causes.put(id, "decision race probe"));
        List<String> outcomes = new ArrayList<>();
        for (int round = 0; round < rounds; round++) {
            sql("DELETE FROM exposure_decision WHERE exposure_id IN (" + in + ")");
            CyclicBarrier barrier = new CyclicBarrier(2);
            List<Future<String>> futures = new ArrayList<>();
            for (int t = 0; t < 2; t++) {
                futures.add(executor.submit(() -> {
                    tx.setTransactionTimeout(60);
                    tx.begin();
                    try {
                        barrier.await(30, TimeUnit.SECONDS);
                        decisionEngine.evaluate(causes);
                        tx.commit();
                        return "stored";
                    } catch (Exception e) {
                        Throwable root = unwrap(e);
                        if (tx.getStatus() != Status.STATUS_NO_TRANSACTION) {
                            tx.rollback();
                        }
                        return root.getClass().getSimpleName() + ": " + root.getMessage();
                    }
                }));
            }
            for (Future<String> f : futures) {
                outcomes.add(f.get(90, TimeUnit.SECONDS));
            }
        }
        try (java.sql.Connection c = dataSource.getConnection(); java.sql.PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM exposure_decision WHERE exposure_id IN (" + in + ")");
             java.sql.ResultSet rs = ps.executeQuery()) {
            rs.next();
            outcomes.add("decided " + rs.getLong(1) + " of " + ids.size());
        }
        return outcomes;
    }

    // ---- helpers -----------------------------------------------------------------------------

    private static TransactionManager transactionManager() throws NamingException {
        return (TransactionManager) new InitialContext().lookup("java:/TransactionManager");
    }

    private static Integer intParam(HttpServletRequest req, String name) {
        String v = req.getParameter(name);
        return v == null || v.isBlank() ? null : Integer.valueOf(v);
    }

    private static LocalDate date(String v) {
        return v == null || v.isBlank() ? null : LocalDate.parse(v);
    }

    /** The exception that says what happened, under EJB and transaction wrappers. */
    static Throwable unwrap(Throwable t) {
        Throwable cur = t;
        while ((cur instanceof EJBException && !(cur instanceof EJBAccessException)
                || cur instanceof java.util.concurrent.ExecutionException
                || cur instanceof java.lang.reflect.InvocationTargetException
                || cur instanceof jakarta.transaction.RollbackException)
                && cur.getCause() != null) {
            cur = cur.getCause();
        }
        return cur;
    }

    private static Map<String, Object> ok(Object value) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", true);
        m.put("value", value);
        return m;
    }

    private static Map<String, Object> failure(Throwable t) {
        Throwable root = unwrap(t);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("ok", false);
        m.put("exception", root.getClass().getSimpleName());
        m.put("message", String.valueOf(root.getMessage()));
        if (root instanceof org.patchcare.shared.domain.InvalidInputException invalid) {
            m.put("fields", invalid.violations().stream().map(org.patchcare.shared.domain.InvalidInputException.Violation::field)
                    .toList());
        }
        return m;
    }
}
