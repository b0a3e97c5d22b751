package org.patchcare.it;

import org.patchcare.risk.application.RiskService;
import org.patchcare.risk.application.RiskViews;

import org.patchcare.advisories.application.AdvisoryFeedService;
import org.patchcare.advisories.application.AdvisoryService;
import org.patchcare.advisories.application.AdvisoryViews.AdvisoryFilter;
import org.patchcare.advisories.application.ExposureService;
import org.patchcare.advisories.application.ExposureViews;
import org.patchcare.advisories.application.ExposureViews.ExposureFilter;
import org.patchcare.advisories.application.ThreatFeedService;
import org.patchcare.advisories.domain.AdvisoryOrigin;
import org.patchcare.advisories.application.ThreatFeedViews.Feed;
import org.patchcare.audit.application.AuditService;
import org.patchcare.identity.application.UserCommand;
import org.patchcare.identity.application.UserService;
import org.patchcare.inventory.application.CatalogService;
import org.patchcare.inventory.application.DepartmentCommand;
import org.patchcare.inventory.application.DeviceCommand;
import org.patchcare.inventory.application.DeviceFilter;
import org.patchcare.inventory.application.DeviceService;
import org.patchcare.inventory.application.OrganisationService;
import org.patchcare.inventory.application.PageRequest;
import org.patchcare.inventory.domain.DeviceEventType;
import org.patchcare.inventory.domain.MissionImpact;
import org.patchcare.notifications.application.NotificationService;
import org.patchcare.risk.application.AcceptanceService;
import org.patchcare.risk.application.ControlCommand;
import org.patchcare.risk.application.ControlService;
import org.patchcare.risk.application.ExpiryService;
import org.patchcare.risk.application.MitigationViews.AcceptanceFilter;
import org.patchcare.risk.application.MitigationViews.ControlFilter;
import org.patchcare.risk.application.ValidationCommand;
import org.patchcare.risk.application.ValidationService;
import org.patchcare.shared.domain.Roles;
import org.patchcare.downtime.application.ApprovalDecision;
import org.patchcare.downtime.application.ChangeRequestCommand;
import org.patchcare.downtime.application.ChangeRequestFilter;
import org.patchcare.downtime.application.ChangeRequestService;
import org.patchcare.downtime.application.DowntimeJobService;
import org.patchcare.reporting.application.Grouping;
import org.patchcare.reporting.application.MetricsFilter;
import org.patchcare.reporting.application.MetricsService;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * The access-control matrix of the services: every public operation with the roles that may call it, stated from
 * the role rules (not read from the annotations), and a call that is harmless whoever makes it: reads read, and
 * writes are given input that the service refuses (unknown key, failed validation) once the caller got past the
 * role check, so no data changes. Used by the probe servlet (server side) and by ServiceAccessIT (client side).
 */
public final class ServiceMatrix {

    /** Who loads the threat feeds. */
    public static final Set<String> FEED_LOADERS = Set.of(Roles.IT_SECURITY, Roles.ADMIN);

    /** Everyone logged in. */
    public static final Set<String> ANY_ROLE = Set.of(Roles.BIOMED_TECH, Roles.CLINICAL_MANAGER, Roles.IT_SECURITY, Roles.ADMIN);
    /** Who edits the inventory and the catalogue. */
    public static final Set<String> EDITORS = Set.of(Roles.BIOMED_TECH, Roles.ADMIN);
    public static final Set<String> ADMIN_ONLY = Set.of(Roles.ADMIN);
    /** Who records validation evidence. */
    public static final Set<String> IT_ONLY = Set.of(Roles.IT_SECURITY);
    /** Who requests and withdraws risk acceptances. */
    public static final Set<String> REQUESTERS = Set.of(Roles.IT_SECURITY, Roles.BIOMED_TECH);
    /** Who approves and rejects risk acceptances. */
    public static final Set<String> APPROVERS = Set.of(Roles.CLINICAL_MANAGER, Roles.IT_SECURITY);
    /** Who writes blackout windows (clinical managers: of their own departments). */
    public static final Set<String> BLACKOUT_EDITORS = Set.of(Roles.CLINICAL_MANAGER, Roles.ADMIN);

    /** Who cancels change requests (besides the requester's own right). */
    public static final Set<String> CANCELLERS = Set.of(Roles.IT_SECURITY, Roles.BIOMED_TECH, Roles.ADMIN);

    public static final String MISSING = "IT-NO-SUCH-THING";

    /** planning (issue 8): who starts and stops planning runs. */
    public static final Set<String> PLANNERS = Set.of(Roles.BIOMED_TECH, Roles.IT_SECURITY, Roles.ADMIN);

    /** The services as the probe servlet has them injected. */
    public record Services(DeviceService devices, CatalogService catalog, OrganisationService organisation,
                           UserService users, AuditService audit, ThreatFeedService feeds,
                           AdvisoryService advisories, ExposureService exposures, AdvisoryFeedService advisoryFeeds,
                           org.patchcare.risk.application.RiskService risk, ControlService controls,
                           ValidationService validations, AcceptanceService acceptances, ExpiryService expiry,
                           NotificationService notifications,
                           org.patchcare.downtime.application.ConflictService conflicts,
                           org.patchcare.downtime.application.CalendarService calendar,
                           org.patchcare.downtime.application.BlackoutService blackouts,
                           org.patchcare.downtime.application.RedundancyGroupService groups,

                           org.patchcare.downtime.application.ChangeRequestService changeRequests,
                           org.patchcare.downtime.application.DowntimeJobService downtimeJobs,

                           // metrics (issue 6)
                           org.patchcare.reporting.application.MetricsService metrics,
                           // issue 6, exposure report
                           org.patchcare.reporting.application.ExposureReportService reports,

                           // patch execution (issue 6)
                           org.patchcare.patching.application.PatchService patches,

                           // identity hardening (issue 7): API tokens, own password
                           org.patchcare.identity.application.ApiTokenService apiTokens,
                           org.patchcare.identity.application.AccountService account,
                           // ---- planning (issue 8) ----
                           org.patchcare.planning.application.PlanningService planning,
                           org.patchcare.planning.application.PlanningDataService planningData,

                           // found by ServiceMatrixCompletenessTest (issue 7, web-hardening)
                           org.patchcare.inventory.application.DeviceImportService imports,
                           org.patchcare.reporting.application.MetricsJob metricsJob,
                           // identity leftovers (issue 7): forgetting old failed logins
                           org.patchcare.identity.application.LoginAttemptCleanup loginCleanup) {
    }

    @FunctionalInterface
    public interface Call {
        Object invoke(Services s) throws Exception;
    }

    public record Operation(Class<?> service, String method, Set<String> allowedRoles, Call call) {
        public String name() {
            return service.getSimpleName() + "." + method;
        }
    }

    /** The callers of the matrix: demo users with one role each, and nobody. */
    public enum Caller {
        ANONYMOUS(null, null),
        BIOMED("biomed", Roles.BIOMED_TECH),
        MANAGER("manager", Roles.CLINICAL_MANAGER),
        ITSEC("itsec", Roles.IT_SECURITY),
        ADMIN("admin", Roles.ADMIN);

        public final String username;
        public final String role;

        Caller(String username, String role) {
            this.username = username;
            this.role = role;
        }

        public boolean mayCall(Operation op) {
            return role != null && op.allowedRoles().contains(role);
        }
    }

    private static Operation op(Class<?> service, String method, Set<String> roles, Call call) {
        return new Operation(service, method, roles, call);
    }

    private static DeviceCommand invalidDevice() {
        return new DeviceCommand(); // no asset tag, model, department: refused by validation
    }

    public static final List<Operation> OPERATIONS = List.of(
            // DeviceService: everyone reads, editors change
            op(DeviceService.class, "list", ANY_ROLE, s -> s.devices().list(DeviceFilter.none(), PageRequest.first(1))),
            op(DeviceService.class, "count", ANY_ROLE, s -> s.devices().count(DeviceFilter.none().withText(MISSING))),
            op(DeviceService.class, "page", ANY_ROLE, s -> s.devices().page(DeviceFilter.none(), PageRequest.first(1))),
            op(DeviceService.class, "countUpTo", ANY_ROLE, s -> s.devices().countUpTo(DeviceFilter.none(), 5)),
            op(DeviceService.class, "forEach", ANY_ROLE, s -> {
                s.devices().forEach(DeviceFilter.none().withText(MISSING), d -> { });
                return null;
            }),
            op(DeviceService.class, "get", ANY_ROLE, s -> s.devices().get(MISSING)),
            op(DeviceService.class, "findByAssetTag", ANY_ROLE, s -> s.devices().findByAssetTag(MISSING)),
            op(DeviceService.class, "timeline", ANY_ROLE, s -> s.devices().timeline(MISSING)),
            op(DeviceService.class, "supportByDepartment", ANY_ROLE, s -> s.devices().supportByDepartment()),
            op(DeviceService.class, "supportByModel", ANY_ROLE, s -> s.devices().supportByModel()),
            op(DeviceService.class, "create", EDITORS, s -> s.devices().create(invalidDevice())),
            op(DeviceService.class, "update", EDITORS, s -> s.devices().update(MISSING, invalidDevice())),
            op(DeviceService.class, "move", EDITORS, s -> s.devices().move(MISSING, "ICU", null, null, null)),
            op(DeviceService.class, "takeOutOfService", EDITORS, s -> s.devices().takeOutOfService(MISSING, true, null, null)),
            op(DeviceService.class, "returnToService", EDITORS, s -> s.devices().returnToService(MISSING, null, null)),
            op(DeviceService.class, "retire", EDITORS, s -> s.devices().retire(MISSING, null, null)),
            // the CSV import's building blocks: null references are refused once the caller got past the role check
            op(DeviceService.class, "createResolved", EDITORS, s -> s.devices().createResolved(invalidDevice(), null, null, null)),
            op(DeviceService.class, "changeResolved", EDITORS, s -> s.devices().changeResolved(null, invalidDevice(), null, null, null)),
            op(DeviceService.class, "recordEvent", EDITORS, s -> s.devices().recordEvent(MISSING, DeviceEventType.PREVENTIVE_MAINTENANCE, null)),

            // CatalogService: everyone reads, editors change
            op(CatalogService.class, "manufacturers", ANY_ROLE, s -> s.catalog().manufacturers()),
            op(CatalogService.class, "resolveManufacturer", ANY_ROLE, s -> s.catalog().resolveManufacturer("Philips")),
            op(CatalogService.class, "models", ANY_ROLE, s -> s.catalog().models(MISSING)),
            op(CatalogService.class, "model", ANY_ROLE, s -> s.catalog().model(MISSING)),
            op(CatalogService.class, "saveManufacturer", EDITORS, s -> s.catalog().saveManufacturer(MISSING, "x", List.of(), 0)),
            op(CatalogService.class, "saveModel", EDITORS, s -> s.catalog().saveModel(null, MISSING, "x", null, "x", LocalDate.now(), null)),

            // OrganisationService: everyone reads, administrators change
            op(OrganisationService.class, "facilities", ANY_ROLE, s -> s.organisation().facilities()),
            op(OrganisationService.class, "homeZone", ANY_ROLE, s -> s.organisation().homeZone()),
            op(OrganisationService.class, "departments", ANY_ROLE, s -> s.organisation().departments()),
            op(OrganisationService.class, "department", ANY_ROLE, s -> s.organisation().department("ICU")),
            op(OrganisationService.class, "locations", ANY_ROLE, s -> s.organisation().locations("ICU")),
            op(OrganisationService.class, "saveFacility", ADMIN_ONLY, s -> s.organisation().saveFacility("ITX", "x", "Not/A_Zone", null)),
            op(OrganisationService.class, "saveDepartment", ADMIN_ONLY, s -> s.organisation().saveDepartment(
                    new DepartmentCommand("ITX", "x", MISSING, MissionImpact.DEGRADED, null))),
            op(OrganisationService.class, "updateDepartment", ADMIN_ONLY, s -> s.organisation().updateDepartment(MISSING,
                    new DepartmentCommand(null, "x", "MAIN", MissionImpact.DEGRADED, 0))),
            op(OrganisationService.class, "addLocation", ADMIN_ONLY, s -> s.organisation().addLocation(MISSING, "x", null, null)),
            op(OrganisationService.class, "removeLocation", ADMIN_ONLY, s -> {
                s.organisation().removeLocation(MISSING);
                return null;
            }),

            // UserService: administrators only, reading included
            op(UserService.class, "list", ADMIN_ONLY, s -> s.users().list()),
            op(UserService.class, "get", ADMIN_ONLY, s -> s.users().get("biomed")),
            op(UserService.class, "save", ADMIN_ONLY, s -> s.users().save(new UserCommand(), true)),

            // AuditService: the trail is read by everyone logged in (writing is internal, in the caller's transaction)
            op(AuditService.class, "history", ANY_ROLE, s -> s.audit().history("Device", MISSING, 5)),

            // ---- audit trail screen and export (issue 7, web-hardening): administrators only ----
            op(AuditService.class, "search", ADMIN_ONLY, s -> s.audit().search(
                    org.patchcare.audit.application.AuditFilter.all(), PageRequest.first(1))),
            op(AuditService.class, "count", ADMIN_ONLY, s -> s.audit().count(
                    org.patchcare.audit.application.AuditFilter.all())),
            op(AuditService.class, "entityTypes", ADMIN_ONLY, s -> s.audit().entityTypes()),
            // no format: refused after the role check, so nothing is recorded
            op(AuditService.class, "recordExport", ADMIN_ONLY, s -> s.audit().recordExport(
                    org.patchcare.audit.application.AuditFilter.all(), null)),
            // ---- end of the audit trail block ----

            // ---- beans ServiceMatrixCompletenessTest found outside the matrix (issue 7, web-hardening) ----
            op(org.patchcare.inventory.application.DeviceImportService.class, "limits", EDITORS,
                    s -> s.imports().limits()),
            // an empty file, dry run: nothing is written
            op(org.patchcare.inventory.application.DeviceImportService.class, "importCsv", EDITORS,
                    s -> s.imports().importCsv(java.io.InputStream.nullInputStream(), 0, true, null)),
            // asynchronous: a refusal may come through the Future; a missing file fails after the role check
            op(org.patchcare.inventory.application.DeviceImportService.class, "importInBackground", EDITORS, s -> {
                try {
                    return s.imports().importInBackground(java.nio.file.Path.of("/nonexistent/it-import.csv"), true,
                            null).get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof jakarta.ejb.EJBAccessException refused) {
                        throw refused;
                    }
                    return "the missing file was refused after the role check";
                }
            }),
            // an incremental refresh of the exposure timeline changes nothing a user sees
            op(org.patchcare.reporting.application.MetricsJob.class, "run", FEED_LOADERS,
                    s -> s.metricsJob().run(false, null)),
            op(org.patchcare.reporting.application.MetricsJob.class, "chunk", ADMIN_ONLY,
                    s -> s.metricsJob().chunk(List.of(), java.time.Instant.now())),
            // LoginAttemptCleanup: the hourly job's work, run as administrator (a "now" at the epoch forgets nothing)
            op(org.patchcare.identity.application.LoginAttemptCleanup.class, "prune", ADMIN_ONLY,
                    s -> s.loginCleanup().prune(java.time.Instant.EPOCH)),
            // ---- end of the completeness block ----

            // ThreatFeedService: everyone reads, IT security and administrators load (not-a-feed input is refused)
            op(ThreatFeedService.class, "intel", ANY_ROLE, s -> s.feeds().intel("CVE-2019-0708")),
            op(ThreatFeedService.class, "kev", ANY_ROLE, s -> s.feeds().kev("CVE-2019-0708")),
            op(ThreatFeedService.class, "epss", ANY_ROLE, s -> s.feeds().epss("CVE-2019-0708")),
            op(ThreatFeedService.class, "status", ANY_ROLE, s -> s.feeds().status()),
            op(ThreatFeedService.class, "importKev", FEED_LOADERS, s -> s.feeds().importKev(notAFeed())),
            op(ThreatFeedService.class, "importEpss", FEED_LOADERS, s -> s.feeds().importEpss(notAFeed(), null)),
            op(ThreatFeedService.class, "importInBackground", FEED_LOADERS, s -> {
                java.nio.file.Path file = java.nio.file.Files.createTempFile("not-a-feed", ".json");
                try {
                    java.nio.file.Files.writeString(file, "not a feed");
                    return s.feeds().importInBackground(Feed.KEV, file, null).get();
                } finally {
                    java.nio.file.Files.deleteIfExists(file);
                }
            }),

            // AdvisoryService: everyone reads, IT security and administrators import (a non-CSAF body is refused)
            op(AdvisoryService.class, "importDocument", FEED_LOADERS,
                    s -> s.advisories().importDocument(notCsaf(), AdvisoryOrigin.API, "matrix")),
            op(AdvisoryService.class, "createManual", FEED_LOADERS, s -> s.advisories().createManual(
                    new org.patchcare.advisories.application.ManualAdvisoryCommand(null, null, null, null, null, null,
                            null, List.of(), null, null, null, null))),
            op(AdvisoryService.class, "get", ANY_ROLE, s -> s.advisories().get(MISSING)),
            op(AdvisoryService.class, "revisionDocument", ANY_ROLE, s -> s.advisories().revisionDocument(MISSING, 1)),
            op(AdvisoryService.class, "list", ANY_ROLE, s -> s.advisories().list(AdvisoryFilter.none(), PageRequest.first(1))),
            op(AdvisoryService.class, "count", ANY_ROLE, s -> s.advisories().count(AdvisoryFilter.none())),
            op(AdvisoryService.class, "vendors", ANY_ROLE, s -> s.advisories().vendors()),

            // ExposureService: everyone reads, IT security and administrators change states and decide reviews
            op(ExposureService.class, "forDevice", ANY_ROLE, s -> s.exposures().forDevice(MISSING)),
            op(ExposureService.class, "forAdvisory", ANY_ROLE, s -> s.exposures().forAdvisory(MISSING, 5)),
            op(ExposureService.class, "get", ANY_ROLE, s -> s.exposures().get(MISSING)),
            op(ExposureService.class, "list", ANY_ROLE, s -> s.exposures().list(ExposureFilter.none(), PageRequest.first(1))),
            op(ExposureService.class, "count", ANY_ROLE, s -> s.exposures().count(ExposureFilter.none())),
            op(ExposureService.class, "history", ANY_ROLE, s -> s.exposures().history(MISSING)),
            op(ExposureService.class, "reviewQueue", ANY_ROLE, s -> s.exposures().reviewQueue(null, PageRequest.first(1))),
            op(ExposureService.class, "reviewCount", ANY_ROLE, s -> s.exposures().reviewCount(null)),
            op(ExposureService.class, "reviewItem", ANY_ROLE, s -> s.exposures().reviewItem(MISSING)),
            op(ExposureService.class, "newAdvisoriesAffectingDevices", ANY_ROLE,
                    s -> s.exposures().newAdvisoriesAffectingDevices(5)),
            op(ExposureService.class, "vexForDevice", ANY_ROLE, s -> s.exposures().vexForDevice(MISSING, "csaf")),
            op(ExposureService.class, "vexForModel", ANY_ROLE, s -> s.exposures().vexForModel(MISSING, "csaf")),
            op(ExposureService.class, "changeState", FEED_LOADERS,
                    s -> s.exposures().changeState(MISSING, "FIXED", null, "matrix", null)),
            op(ExposureService.class, "decide", FEED_LOADERS,
                    s -> s.exposures().decide(MISSING, ExposureViews.ReviewDecision.DISMISS, null, null)),

            // AdvisoryFeedService: IT security and administrators only (unknown feeds and folders are refused)
            op(AdvisoryFeedService.class, "feeds", FEED_LOADERS, s -> s.advisoryFeeds().feeds()),
            op(AdvisoryFeedService.class, "addFeed", FEED_LOADERS, s -> s.advisoryFeeds().addFeed("not a url")),
            op(AdvisoryFeedService.class, "removeFeed", FEED_LOADERS, s -> {
                s.advisoryFeeds().removeFeed("https://" + MISSING + ".example/changes.csv");
                return null;
            }),
            op(AdvisoryFeedService.class, "poll", FEED_LOADERS,
                    s -> s.advisoryFeeds().poll("https://" + MISSING + ".example/changes.csv", null)),
            op(AdvisoryFeedService.class, "pollAll", FEED_LOADERS, s -> s.advisoryFeeds().pollAll(null)),
            op(AdvisoryFeedService.class, "recordPoll", FEED_LOADERS, s -> {
                s.advisoryFeeds().recordPoll("https://" + MISSING + ".example/changes.csv", null, null);
                return null;
            }),
            op(AdvisoryFeedService.class, "importConfiguredFolder", FEED_LOADERS,
                    s -> s.advisoryFeeds().importConfiguredFolder()),
            op(AdvisoryFeedService.class, "importFolder", FEED_LOADERS,
                    s -> s.advisoryFeeds().importFolder(java.nio.file.Path.of("/" + MISSING))),

            // RiskService: everyone reads (clinical managers their departments), IT security overrides decision points,
            // IT security and administrators ask for a full re-evaluation (a blank reason is refused)
            op(RiskService.class, "queue", ANY_ROLE, s -> s.risk().queue(RiskViews.QueueFilter.none(), PageRequest.first(1))),
            op(RiskService.class, "queueCount", ANY_ROLE, s -> s.risk().queueCount(RiskViews.QueueFilter.none())),
            op(RiskService.class, "decision", ANY_ROLE, s -> s.risk().decision(MISSING)),
            op(RiskService.class, "history", ANY_ROLE, s -> s.risk().history(MISSING)),
            op(RiskService.class, "override", Set.of(Roles.IT_SECURITY),
                    s -> s.risk().override(MISSING, "EXPLOITATION", "ACTIVE", "matrix")),
            op(RiskService.class, "removeOverride", Set.of(Roles.IT_SECURITY),
                    s -> s.risk().removeOverride(MISSING, "EXPLOITATION", "matrix")),
            op(RiskService.class, "reevaluateAll", FEED_LOADERS, s -> s.risk().reevaluateAll(" ")),
            op(RiskService.class, "pending", ANY_ROLE, s -> s.risk().pending()),
            op(RiskService.class, "dueTimes", ANY_ROLE, s -> s.risk().dueTimes()),
            op(RiskService.class, "departments", ANY_ROLE, s -> s.risk().departments()),
            op(RiskService.class, "facilities", ANY_ROLE, s -> s.risk().facilities()),
            op(RiskService.class, "device", ANY_ROLE, s -> s.risk().device(MISSING)),

            // ControlService: everyone reads, IT security and administrators change (unknown controls are not found)
            op(ControlService.class, "list", ANY_ROLE, s -> s.controls().list(ControlFilter.none(), PageRequest.first(1))),
            op(ControlService.class, "count", ANY_ROLE, s -> s.controls().count(ControlFilter.none())),
            op(ControlService.class, "get", ANY_ROLE, s -> s.controls().get(MISSING)),
            op(ControlService.class, "usableFor", ANY_ROLE, s -> s.controls().usableFor(List.of(MISSING))),
            op(ControlService.class, "suggest", ANY_ROLE, s -> s.controls().suggest(List.of(MISSING))),
            op(ControlService.class, "ownerCandidates", ANY_ROLE, s -> s.controls().ownerCandidates()),
            op(ControlService.class, "create", FEED_LOADERS, s -> s.controls().create(new ControlCommand())),
            op(ControlService.class, "createAndAttach", FEED_LOADERS,
                    s -> s.controls().createAndAttach(new ControlCommand(), List.of(MISSING), null)),
            op(ControlService.class, "update", FEED_LOADERS, s -> s.controls().update(MISSING, new ControlCommand())),
            op(ControlService.class, "withdraw", FEED_LOADERS, s -> s.controls().withdraw(MISSING, "matrix", null)),
            op(ControlService.class, "attach", FEED_LOADERS, s -> s.controls().attach(MISSING, List.of(MISSING), null)),
            op(ControlService.class, "detach", FEED_LOADERS, s -> s.controls().detach(MISSING, MISSING)),

            // ValidationService: everyone reads, IT security records and marks not affected
            op(ValidationService.class, "forExposure", ANY_ROLE, s -> s.validations().forExposure(MISSING)),
            op(ValidationService.class, "record", IT_ONLY, s -> s.validations().record(MISSING,
                    new ValidationCommand(null, null, null, null, null, null))),
            op(ValidationService.class, "markNotAffected", IT_ONLY, s -> s.validations().markNotAffected(MISSING, null)),

            // AcceptanceService: everyone reads; IT security and biomed request and withdraw; clinical managers and
            // IT security decide
            op(AcceptanceService.class, "list", ANY_ROLE,
                    s -> s.acceptances().list(AcceptanceFilter.none(), PageRequest.first(1))),
            op(AcceptanceService.class, "count", ANY_ROLE, s -> s.acceptances().count(AcceptanceFilter.none())),
            op(AcceptanceService.class, "get", ANY_ROLE, s -> s.acceptances().get(MISSING)),
            op(AcceptanceService.class, "request", REQUESTERS, s -> s.acceptances().request(MISSING, "matrix", null)),
            op(AcceptanceService.class, "approve", APPROVERS, s -> s.acceptances().approve(MISSING, null, null)),
            op(AcceptanceService.class, "reject", APPROVERS, s -> s.acceptances().reject(MISSING, "matrix", null)),
            op(AcceptanceService.class, "withdraw", REQUESTERS, s -> s.acceptances().withdraw(MISSING, null, null)),

            // ExpiryService: the hourly job's work, which IT security and administrators may also start (it only does
            // what is due anyway)
            op(ExpiryService.class, "run", FEED_LOADERS, s -> s.expiry().run()),

            // NotificationService: everyone, for their own messages; notify() refuses an unknown recipient
            op(NotificationService.class, "notify", ANY_ROLE, s -> {
                s.notifications().notify(MISSING, "matrix", null, null);
                return null;
            }),
            op(NotificationService.class, "myNotifications", ANY_ROLE, s -> s.notifications().myNotifications(true)),
            op(NotificationService.class, "myNotificationsPage", ANY_ROLE,
                    s -> s.notifications().myNotificationsPage(false, 0, 10)),
            op(NotificationService.class, "myNotificationCount", ANY_ROLE,
                    s -> s.notifications().myNotificationCount(false)),
            op(NotificationService.class, "unreadCount", ANY_ROLE, s -> s.notifications().unreadCount()),
            op(NotificationService.class, "markRead", ANY_ROLE, s -> s.notifications().markRead(MISSING)),
            op(NotificationService.class, "markAllRead", ANY_ROLE, s -> s.notifications().markAllRead()),

            // downtime: everyone reads and checks; managers (own departments) and admins write blackouts; biomed and
            // admins write redundancy groups; everyone has calendar feeds of their own
            op(org.patchcare.downtime.application.ConflictService.class, "check", ANY_ROLE, s -> s.conflicts().check(
                    List.of(new org.patchcare.downtime.application.ChangeRequestCommand.WindowProposal(MISSING,
                            java.time.Instant.parse("2026-12-02T08:00:00Z"),
                            java.time.Instant.parse("2026-12-02T09:00:00Z"))), null, null)),
            op(org.patchcare.downtime.application.CalendarService.class, "windows", ANY_ROLE, s -> s.calendar().windows(
                    org.patchcare.downtime.application.WindowFilter.between(java.time.Instant.parse("2026-12-01T00:00:00Z"),
                            java.time.Instant.parse("2026-12-02T00:00:00Z")))),
            op(org.patchcare.downtime.application.CalendarService.class, "createFeed", ANY_ROLE,
                    s -> s.calendar().createFeed(MISSING)),
            op(org.patchcare.downtime.application.CalendarService.class, "myFeeds", ANY_ROLE, s -> s.calendar().myFeeds()),
            op(org.patchcare.downtime.application.CalendarService.class, "revokeFeed", ANY_ROLE, s -> {
                s.calendar().revokeFeed(MISSING);
                return null;
            }),
            op(org.patchcare.downtime.application.BlackoutService.class, "list", ANY_ROLE, s -> s.blackouts().list(null)),
            op(org.patchcare.downtime.application.BlackoutService.class, "get", ANY_ROLE, s -> s.blackouts().get(MISSING)),
            op(org.patchcare.downtime.application.BlackoutService.class, "create", BLACKOUT_EDITORS,
                    s -> s.blackouts().create(new org.patchcare.downtime.application.BlackoutCommand(MISSING, "",
                            true, null, null, null, null, null, true))),
            op(org.patchcare.downtime.application.BlackoutService.class, "update", BLACKOUT_EDITORS,
                    s -> s.blackouts().update(MISSING, 0, new org.patchcare.downtime.application.BlackoutCommand(
                            MISSING, "", true, null, null, null, null, null, true))),
            op(org.patchcare.downtime.application.BlackoutService.class, "delete", BLACKOUT_EDITORS, s -> {
                s.blackouts().delete(MISSING, 0);
                return null;
            }),
            op(org.patchcare.downtime.application.RedundancyGroupService.class, "list", ANY_ROLE, s -> s.groups().list()),
            op(org.patchcare.downtime.application.RedundancyGroupService.class, "get", ANY_ROLE, s -> s.groups().get(MISSING)),
            op(org.patchcare.downtime.application.RedundancyGroupService.class, "create", EDITORS,
                    s -> s.groups().create(new org.patchcare.downtime.application.RedundancyGroupCommand("", null, 0,
                            List.of(MISSING)))),
            op(org.patchcare.downtime.application.RedundancyGroupService.class, "update", EDITORS,
                    s -> s.groups().update(MISSING, 0, new org.patchcare.downtime.application.RedundancyGroupCommand(
                            "", null, 0, List.of(MISSING)))),
            op(org.patchcare.downtime.application.RedundancyGroupService.class, "delete", EDITORS, s -> {
                s.groups().delete(MISSING, 0);
                return null;
            }),

            // ChangeRequestService: everyone reads (clinical managers the requests of their departments); IT security
            // and biomed write, submit and carry out; clinical managers and IT security decide; the requester, IT
            // security or an administrator cancel
            op(ChangeRequestService.class, "create", REQUESTERS, s -> s.changeRequests().create(emptyRequest())),
            op(ChangeRequestService.class, "update", REQUESTERS, s -> s.changeRequests().update(MISSING, 0, emptyRequest())),
            op(ChangeRequestService.class, "get", ANY_ROLE, s -> s.changeRequests().get(MISSING)),
            op(ChangeRequestService.class, "list", ANY_ROLE,
                    s -> s.changeRequests().list(ChangeRequestFilter.all(), PageRequest.first(1))),
            op(ChangeRequestService.class, "count", ANY_ROLE, s -> s.changeRequests().count(ChangeRequestFilter.all())),
            op(ChangeRequestService.class, "awaitingMyApproval", ANY_ROLE, s -> s.changeRequests().awaitingMyApproval()),
            op(ChangeRequestService.class, "suggestDuration", ANY_ROLE,
                    s -> s.changeRequests().suggestDuration(List.of(MISSING), List.of())),
            op(ChangeRequestService.class, "submit", REQUESTERS, s -> s.changeRequests().submit(MISSING, 0, null)),
            op(ChangeRequestService.class, "approve", APPROVERS,
                    s -> s.changeRequests().approve(MISSING, 0, ApprovalDecision.comment(null))),
            op(ChangeRequestService.class, "reject", APPROVERS,
                    s -> s.changeRequests().reject(MISSING, 0, ApprovalDecision.comment("matrix"))),
            op(ChangeRequestService.class, "proposeWindow", APPROVERS,
                    s -> s.changeRequests().proposeWindow(MISSING, 0, ApprovalDecision.comment("matrix"))),
            op(ChangeRequestService.class, "schedule", REQUESTERS, s -> s.changeRequests().schedule(MISSING, 0, null, null)),
            op(ChangeRequestService.class, "start", REQUESTERS, s -> s.changeRequests().start(MISSING, 0, null)),
            op(ChangeRequestService.class, "complete", REQUESTERS, s -> s.changeRequests().complete(MISSING, 0, null)),
            op(ChangeRequestService.class, "fail", REQUESTERS, s -> s.changeRequests().fail(MISSING, 0, null)),
            op(ChangeRequestService.class, "rollBack", REQUESTERS, s -> s.changeRequests().rollBack(MISSING, 0, null)),
            op(ChangeRequestService.class, "cancel", CANCELLERS, s -> s.changeRequests().cancel(MISSING, 0, null)),

            // DowntimeJobService: the downtime job's work, run as administrator (a "now" at the epoch finds nothing due)
            op(DowntimeJobService.class, "run", ADMIN_ONLY, s -> s.downtimeJobs().run(java.time.Instant.EPOCH)),

            // metrics (issue 6): reads for everyone (clinical managers narrowed to their departments); refresh and
            // rebuild of the derived exposure timeline (no business data changes) for IT security and administrators
            op(MetricsService.class, "headline", ANY_ROLE, s -> s.metrics().headline(MetricsFilter.all())),
            op(MetricsService.class, "timeToPatch", ANY_ROLE, s -> s.metrics().timeToPatch(MetricsFilter.all(), Grouping.OUTCOME)),
            op(MetricsService.class, "lags", ANY_ROLE, s -> s.metrics().lags(MetricsFilter.all(), Grouping.QUARTER)),
            op(MetricsService.class, "timeToPatchTrend", ANY_ROLE, s -> s.metrics().timeToPatchTrend(MetricsFilter.all())),
            op(MetricsService.class, "burnDown", ANY_ROLE, s -> s.metrics().burnDown(MetricsFilter.all())),
            op(MetricsService.class, "scoreTrend", ANY_ROLE, s -> s.metrics().scoreTrend(MetricsFilter.all())),
            op(MetricsService.class, "overdue", ANY_ROLE, s -> s.metrics().overdue(MetricsFilter.all(), Grouping.DEPARTMENT)),
            op(MetricsService.class, "topDevices", ANY_ROLE, s -> s.metrics().topDevices(MetricsFilter.all(), 3)),
            op(MetricsService.class, "unsupportedByDepartment", ANY_ROLE, s -> s.metrics().unsupportedByDepartment(MetricsFilter.all())),
            op(MetricsService.class, "operations", ANY_ROLE, s -> s.metrics().operations(MetricsFilter.all())),
            op(MetricsService.class, "chain", ANY_ROLE, s -> s.metrics().chain(MISSING)),
            op(MetricsService.class, "chains", ANY_ROLE, s -> s.metrics().chains(MetricsFilter.all(), PageRequest.first(1))),
            op(MetricsService.class, "chainCount", ANY_ROLE, s -> s.metrics().chainCount(MetricsFilter.all())),
            op(MetricsService.class, "refresh", FEED_LOADERS, s -> s.metrics().refresh()),
            op(MetricsService.class, "rebuild", FEED_LOADERS, s -> s.metrics().rebuild()),
            op(MetricsService.class, "storeSnapshots", ADMIN_ONLY, s -> s.metrics().storeSnapshots()),


            // issue 6, exposure report: ExposureReportService, everyone (clinical managers their departments); an
            // unknown department is refused before anything is read or audited
            op(org.patchcare.reporting.application.ExposureReportService.class, "scopes", ANY_ROLE,
                    s -> s.reports().scopes()),
            op(org.patchcare.reporting.application.ExposureReportService.class, "scope", ANY_ROLE,
                    s -> s.reports().scope(missingReport())),
            op(org.patchcare.reporting.application.ExposureReportService.class, "preview", ANY_ROLE,
                    s -> s.reports().preview(missingReport())),
            op(org.patchcare.reporting.application.ExposureReportService.class, "write", ANY_ROLE, s -> {
                s.reports().write(missingReport(), org.patchcare.reporting.application.ReportViews.ReportFormat.CSV,
                        java.io.OutputStream.nullOutputStream());
                return null;
            }),

            // patch execution (issue 6): biomed and IT security do the work (and move the device through its patch
            // downtime); everyone reads, clinical managers the records of their departments' devices
            op(DeviceService.class, "startPatchWork", REQUESTERS, s -> s.devices().startPatchWork(MISSING, null)),
            op(DeviceService.class, "finishPatchWork", REQUESTERS,
                    s -> s.devices().finishPatchWork(MISSING, null, true, null)),
            op(org.patchcare.patching.application.PatchService.class, "start", REQUESTERS,
                    s -> s.patches().start(MISSING, MISSING, null)),
            op(org.patchcare.patching.application.PatchService.class, "record", REQUESTERS,
                    s -> s.patches().record(MISSING, 0, new org.patchcare.patching.domain.PatchWork(null, null, null,
                            null, null, null, null))),
            op(org.patchcare.patching.application.PatchService.class, "verify", REQUESTERS,
                    s -> s.patches().verify(MISSING, 0, "matrix", true)),
            op(org.patchcare.patching.application.PatchService.class, "rollBack", REQUESTERS,
                    s -> s.patches().rollBack(MISSING, 0, "matrix", null)),
            op(org.patchcare.patching.application.PatchService.class, "recordUnplanned", REQUESTERS,
                    s -> s.patches().recordUnplanned(MISSING, new org.patchcare.patching.application.UnplannedCommand(
                            new org.patchcare.patching.domain.PatchWork(null, null, null, null, null, null, null), null,
                            null, null))),
            op(org.patchcare.patching.application.PatchService.class, "addAttachment", REQUESTERS,
                    s -> s.patches().addAttachment(MISSING, "a.txt", "text/plain", new byte[]{1})),
            op(org.patchcare.patching.application.PatchService.class, "attachments", ANY_ROLE,
                    s -> s.patches().attachments(MISSING)),
            op(org.patchcare.patching.application.PatchService.class, "attachment", ANY_ROLE,
                    s -> s.patches().attachment(MISSING, MISSING)),
            op(org.patchcare.patching.application.PatchService.class, "get", ANY_ROLE, s -> s.patches().get(MISSING)),
            op(org.patchcare.patching.application.PatchService.class, "work", ANY_ROLE, s -> s.patches().work(MISSING)),
            op(org.patchcare.patching.application.PatchService.class, "list", ANY_ROLE,
                    s -> s.patches().list(org.patchcare.patching.application.PatchFilter.all(), PageRequest.first(1))),
            op(org.patchcare.patching.application.PatchService.class, "count", ANY_ROLE,
                    s -> s.patches().count(org.patchcare.patching.application.PatchFilter.all())),

            // identity hardening (issue 7): administrators manage API tokens, reset passwords, disable users;
            // everyone changes their own password (a wrong current password is refused after the role check)
            op(org.patchcare.identity.application.ApiTokenService.class, "list", ADMIN_ONLY, s -> s.apiTokens().list()),
            op(org.patchcare.identity.application.ApiTokenService.class, "create", ADMIN_ONLY,
                    s -> s.apiTokens().create(new org.patchcare.identity.application.ApiTokenViews.TokenCommand(
                            null, null, null))),
            op(org.patchcare.identity.application.ApiTokenService.class, "revoke", ADMIN_ONLY,
                    s -> s.apiTokens().revoke(MISSING)),
            op(org.patchcare.identity.application.ApiTokenService.class, "grantableRoles", ADMIN_ONLY,
                    s -> s.apiTokens().grantableRoles()),
            op(UserService.class, "resetPassword", ADMIN_ONLY, s -> s.users().resetPassword(MISSING, null)),
            op(UserService.class, "setEnabled", ADMIN_ONLY, s -> s.users().setEnabled(MISSING, true, null)),
            op(org.patchcare.identity.application.AccountService.class, "changePassword", ANY_ROLE,
                    s -> s.account().changePassword("not the current password", "a new pass phrase for the test")),
            // ---- planning (issue 8): biomed, IT security and admins plan; those who create change requests accept;
            // everyone reads (clinical managers: their departments' proposals); planning data as blackouts/inventory
            op(org.patchcare.planning.application.PlanningService.class, "start", PLANNERS,
                    s -> s.planning().start(new org.patchcare.planning.application.PlanCommand(null, null, null, null,
                            null, null))),
            op(org.patchcare.planning.application.PlanningService.class, "get", ANY_ROLE,
                    s -> s.planning().get(MISSING)),
            op(org.patchcare.planning.application.PlanningService.class, "list", ANY_ROLE,
                    s -> s.planning().list(1)),
            op(org.patchcare.planning.application.PlanningService.class, "stop", PLANNERS,
                    s -> s.planning().stop(MISSING)),
            op(org.patchcare.planning.application.PlanningService.class, "accept", REQUESTERS,
                    s -> s.planning().accept(MISSING, null)),
            op(org.patchcare.planning.application.PlanningDataService.class, "technicians", ANY_ROLE,
                    s -> s.planningData().technicians()),
            op(org.patchcare.planning.application.PlanningDataService.class, "saveTechnician", EDITORS,
                    s -> s.planningData().saveTechnician(MISSING, null, 480, Set.of(), true)),
            op(org.patchcare.planning.application.PlanningDataService.class, "vendorVisits", ANY_ROLE,
                    s -> s.planningData().vendorVisits(java.time.Instant.parse("2026-12-01T00:00:00Z"),
                            java.time.Instant.parse("2026-12-02T00:00:00Z"))),
            op(org.patchcare.planning.application.PlanningDataService.class, "addVendorVisit", EDITORS,
                    s -> s.planningData().addVendorVisit(MISSING, null, null, null)),
            op(org.patchcare.planning.application.PlanningDataService.class, "deleteVendorVisit", EDITORS,
                    s -> { s.planningData().deleteVendorVisit(MISSING); return null; }),
            op(org.patchcare.planning.application.PlanningDataService.class, "lowCensus", ANY_ROLE,
                    s -> s.planningData().lowCensus()),
            op(org.patchcare.planning.application.PlanningDataService.class, "addLowCensus", BLACKOUT_EDITORS,
                    s -> s.planningData().addLowCensus(MISSING, null, null, null, null)),
            op(org.patchcare.planning.application.PlanningDataService.class, "deleteLowCensus", BLACKOUT_EDITORS,
                    s -> { s.planningData().deleteLowCensus(MISSING); return null; }));
            // ---- end planning ----

    /** issue 6, exposure report: a report of a department that does not exist. */
    private static org.patchcare.reporting.application.ReportViews.ReportRequest missingReport() {
        return new org.patchcare.reporting.application.ReportViews.ReportRequest(
                org.patchcare.reporting.application.ReportViews.ScopeKind.DEPARTMENT, MISSING);
    }

    /** A change request that fails validation once the caller got past the role check. */
    private static ChangeRequestCommand emptyRequest() {
        return new ChangeRequestCommand(null, null, null, null, false, 5, null, null, null, null, List.of(), List.of(),
                List.of(), false);
    }

    /** A CSAF upload that fails validation once the caller got past the role check. */
    private static byte[] notCsaf() {
        return "{\"document\": {}}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static java.io.InputStream notAFeed() {
        return new java.io.ByteArrayInputStream("not a feed".getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Public methods of the audited services that are deliberately not in the matrix. */
    public static final Set<String> NOT_IN_MATRIX = Set.of(
            "AuditService.created", "AuditService.changed", "AuditService.deleted", "AuditService.event",
            // the job's own step (moves the timeline's cursor): public only for its REQUIRES_NEW self-call
            "MetricsJob.finish");

    public static final List<Class<?>> SERVICES = List.of(DeviceService.class, CatalogService.class,
            OrganisationService.class, UserService.class, AuditService.class, ThreatFeedService.class,
            AdvisoryService.class, ExposureService.class, AdvisoryFeedService.class, RiskService.class,
            ControlService.class, ValidationService.class, AcceptanceService.class, ExpiryService.class,
            NotificationService.class, org.patchcare.downtime.application.ConflictService.class,
            org.patchcare.downtime.application.CalendarService.class,
            org.patchcare.downtime.application.BlackoutService.class,
            org.patchcare.downtime.application.RedundancyGroupService.class,

            ChangeRequestService.class, DowntimeJobService.class,

            // metrics (issue 6)
            MetricsService.class,
            // issue 6, exposure report
            org.patchcare.reporting.application.ExposureReportService.class,

            // patch execution (issue 6)
            org.patchcare.patching.application.PatchService.class,

            // identity hardening (issue 7)
            org.patchcare.identity.application.ApiTokenService.class,
            org.patchcare.identity.application.AccountService.class,
            // ---- planning (issue 8) ----
            org.patchcare.planning.application.PlanningService.class,
            org.patchcare.planning.application.PlanningDataService.class,

            // found by ServiceMatrixCompletenessTest (issue 7, web-hardening)
            org.patchcare.inventory.application.DeviceImportService.class,
            org.patchcare.reporting.application.MetricsJob.class,
            // identity leftovers (issue 7)
            org.patchcare.identity.application.LoginAttemptCleanup.class);

    private ServiceMatrix() {
    }
}
