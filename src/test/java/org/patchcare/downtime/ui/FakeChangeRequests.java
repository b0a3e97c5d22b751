package org.patchcare.downtime.ui;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import org.patchcare.downtime.application.ApprovalDecision;
import org.patchcare.downtime.application.CalendarService;
import org.patchcare.downtime.application.ChangeRequestCommand;
import org.patchcare.downtime.application.ChangeRequestCommand.WindowProposal;
import org.patchcare.downtime.application.ChangeRequestFilter;
import org.patchcare.downtime.application.ChangeRequestService;
import org.patchcare.downtime.application.ConflictService;
import org.patchcare.downtime.application.DowntimeViews.ApprovalView;
import org.patchcare.downtime.application.DowntimeViews.ChangeRequestDetails;
import org.patchcare.downtime.application.DowntimeViews.ChangeRequestSummary;
import org.patchcare.downtime.application.DowntimeViews.ConflictView;
import org.patchcare.downtime.application.DowntimeViews.DeviceRef;
import org.patchcare.downtime.application.DowntimeViews.DurationSuggestion;
import org.patchcare.downtime.application.DowntimeViews.ExposureRef;
import org.patchcare.downtime.application.DowntimeViews.TransitionView;
import org.patchcare.downtime.application.DowntimeViews.WindowView;
import org.patchcare.downtime.application.WindowFilter;
import org.patchcare.downtime.domain.ApprovalStatus;
import org.patchcare.downtime.domain.ApproverRole;
import org.patchcare.downtime.domain.ChangeRequestKind;
import org.patchcare.downtime.domain.ChangeRequestStatus;
import org.patchcare.downtime.domain.ConflictType;
import org.patchcare.downtime.domain.WindowStatus;
import org.patchcare.inventory.application.PageRequest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/** The downtime services answering from what the test sets, and remembering every call as a line of text. */
final class FakeChangeRequests {

    static final String NEW_YORK = "America/New_York";
    static final String CHICAGO = "America/Chicago";
    /** Sun 1 Nov 2026: New York's clocks go back from 02:00 EDT to 01:00 EST. 00:30 EDT → 02:00 EST. */
    static final Instant DST_START = Instant.parse("2026-11-01T04:30:00Z");
    static final Instant DST_END = Instant.parse("2026-11-01T07:00:00Z");
    /** Tue 1 Dec 2026, 08:00–10:00 CST in Chicago. */
    static final Instant DEC_START = Instant.parse("2026-12-01T14:00:00Z");
    static final Instant DEC_END = Instant.parse("2026-12-01T16:00:00Z");

    /** "approve cr-1 v7 comment=… override=…", "list …", … */
    final List<String> calls = new ArrayList<>();
    final List<ChangeRequestSummary> summaries = new ArrayList<>();
    final List<ChangeRequestFilter> filters = new ArrayList<>();
    final List<ChangeRequestCommand> commands = new ArrayList<>();
    final List<List<WindowProposal>> checked = new ArrayList<>();
    final List<WindowFilter> windowFilters = new ArrayList<>();
    ChangeRequestDetails details;
    List<ChangeRequestSummary> awaiting = List.of();
    List<ConflictView> conflicts = List.of();
    List<WindowView> calendarWindows = List.of();
    DurationSuggestion suggestion = new DurationSuggestion(90, "The advisory says a restart is required.");
    /** When set, every write throws what it supplies (e.g. a stale-edit conflict). */
    Supplier<RuntimeException> failure;

    final ChangeRequestService service = new ChangeRequestService() {
        @Override
        public List<ChangeRequestSummary> list(ChangeRequestFilter filter, PageRequest page) {
            filters.add(filter);
            return summaries.stream().skip(page.offset()).limit(page.limit()).toList();
        }

        @Override
        public long count(ChangeRequestFilter filter) {
            filters.add(filter);
            return summaries.size();
        }

        @Override
        public ChangeRequestDetails get(String id) {
            calls.add("get " + id);
            return details;
        }

        @Override
        public List<ChangeRequestSummary> awaitingMyApproval() {
            return awaiting;
        }

        @Override
        public DurationSuggestion suggestDuration(List<String> assetTags, List<String> exposureIds) {
            calls.add("suggest " + assetTags + " " + exposureIds);
            return suggestion;
        }

        @Override
        public ChangeRequestDetails create(ChangeRequestCommand command) {
            failIfAsked();
            commands.add(command);
            calls.add("create");
            return withStatus(details(ChangeRequestStatus.DRAFT, Set.of("submit")), ChangeRequestStatus.DRAFT, 0);
        }

        @Override
        public ChangeRequestDetails update(String id, int version, ChangeRequestCommand command) {
            failIfAsked();
            commands.add(command);
            calls.add("update " + id + " v" + version);
            return withStatus(current(), ChangeRequestStatus.DRAFT, version + 1);
        }

        @Override
        public ChangeRequestDetails submit(String id, int version, String comment) {
            return write("submit", id, version, comment, ChangeRequestStatus.SUBMITTED);
        }

        @Override
        public ChangeRequestDetails approve(String id, int version, ApprovalDecision d) {
            return write("approve", id, version, d.comment() + " override=" + d.conflictOverride(),
                    ChangeRequestStatus.APPROVED);
        }

        @Override
        public ChangeRequestDetails reject(String id, int version, ApprovalDecision d) {
            return write("reject", id, version, d.comment(), ChangeRequestStatus.REJECTED);
        }

        @Override
        public ChangeRequestDetails proposeWindow(String id, int version, ApprovalDecision d) {
            return write("propose", id, version, d.comment() + " " + d.proposedStart() + "/" + d.proposedEnd(),
                    ChangeRequestStatus.DRAFT);
        }

        @Override
        public ChangeRequestDetails schedule(String id, int version, String comment, String conflictOverride) {
            return write("schedule", id, version, comment + " override=" + conflictOverride,
                    ChangeRequestStatus.SCHEDULED);
        }

        @Override
        public ChangeRequestDetails start(String id, int version, String comment) {
            return write("start", id, version, comment, ChangeRequestStatus.IN_PROGRESS);
        }

        @Override
        public ChangeRequestDetails complete(String id, int version, String comment) {
            return write("complete", id, version, comment, ChangeRequestStatus.COMPLETED);
        }

        @Override
        public ChangeRequestDetails fail(String id, int version, String comment) {
            return write("fail", id, version, comment, ChangeRequestStatus.FAILED);
        }

        @Override
        public ChangeRequestDetails rollBack(String id, int version, String comment) {
            return write("roll-back", id, version, comment, ChangeRequestStatus.ROLLED_BACK);
        }

        @Override
        public ChangeRequestDetails cancel(String id, int version, String comment) {
            return write("cancel", id, version, comment, ChangeRequestStatus.CANCELLED);
        }
    };

    final ConflictService conflictService = new ConflictService() {
        @Override
        public List<ConflictView> check(List<WindowProposal> windows, String technician, String excludingRequestId) {
            checked.add(windows);
            calls.add("check " + windows.size() + " technician=" + technician + " excluding=" + excludingRequestId);
            return conflicts;
        }
    };

    final CalendarService calendar = new CalendarService() {
        @Override
        public List<WindowView> windows(WindowFilter filter) {
            windowFilters.add(filter);
            return calendarWindows.stream().filter(w -> filter.departmentCode() == null
                    || filter.departmentCode().equals(w.departmentCode())).toList();
        }
    };

    private ChangeRequestDetails current() {
        return details != null ? details : details(ChangeRequestStatus.DRAFT, Set.of());
    }

    private void failIfAsked() {
        if (failure != null) {
            throw failure.get();
        }
    }

    private ChangeRequestDetails write(String what, String id, int version, String comment, ChangeRequestStatus to) {
        failIfAsked();
        calls.add(what + " " + id + " v" + version + " comment=" + comment);
        return withStatus(current(), to, version + 1);
    }

    // ---- test data -------------------------------------------------------------------------

    static ChangeRequestSummary summary(String id, ChangeRequestStatus status, boolean emergency, boolean needsReview) {
        return new ChangeRequestSummary(id, "CR-2026-0012", "Alaris firmware 12.1.3", ChangeRequestKind.PATCH, status,
                emergency, needsReview, "itsec", 2, "ICU", DST_START, Instant.parse("2026-10-20T09:00:00Z"), 7);
    }

    static DeviceRef pump() {
        return new DeviceRef("BME-0001", "Infusion pump", "Alaris 8015", "ICU", "Intensive Care Unit", "MAIN",
                NEW_YORK, "IN_SERVICE");
    }

    static DeviceRef monitor() {
        return new DeviceRef("BME-0002", "Patient monitor", "IntelliVue MX450", "NICU", "Neonatal Intensive Care",
                "NORTH", CHICAGO, "In service");
    }

    static WindowView window(String id, String requestId, String tag, String department, String zone, Instant start,
                             Instant end, WindowStatus status) {
        return new WindowView(id, requestId, "CR-2026-00" + id.length(), "Other work " + id, ChangeRequestKind.PATCH,
                ChangeRequestStatus.APPROVED, false, tag, "Device " + tag, "Infusion pump", department,
                department + " department", "MAIN", zone, start, end, status, "tech1", 0);
    }

    static ConflictView blackout() {
        return new ConflictView(ConflictType.BLACKOUT, "BME-0001", "ICU does not allow downtime during the morning "
                + "round.", DST_START, DST_END);
    }

    /** A request of two devices in two hospitals (New York across the DST change, Chicago in December). */
    static ChangeRequestDetails details(ChangeRequestStatus status, Set<String> allowed) {
        ChangeRequestSummary s = summary("cr-1", status, false, false);
        return new ChangeRequestDetails(s, "Install firmware 12.1.3", "BD-PSA-2026-07", true, 90,
                "Two pumps of eight out of use for 90 minutes", "Spare pumps from the equipment library",
                "Reinstall 12.1.2", "tech1", List.of(pump(), monitor()),
                List.of(new ExposureRef("e-1", "BME-0001", "CVE-2016-8375", "ICSMA-17-017-01", "OUT_OF_CYCLE",
                        Instant.parse("2026-12-05T00:00:00Z"))),
                List.of(window("w-1", "cr-1", "BME-0001", "ICU", NEW_YORK, DST_START, DST_END, WindowStatus.PROPOSED),
                        window("w-2", "cr-1", "BME-0002", "NICU", CHICAGO, DEC_START, DEC_END, WindowStatus.PROPOSED)),
                List.of(new ApprovalView("ICU", ApproverRole.CLINICAL, "ICU", "Intensive Care Unit",
                                ApprovalStatus.APPROVED, "manager", Instant.parse("2026-10-21T13:15:00Z"),
                                "Fine after the morning round", null, null, null, false),
                        new ApprovalView("SECURITY", ApproverRole.SECURITY, null, null, ApprovalStatus.PENDING, null,
                                null, null, null, null, null, false)),
                List.of(new TransitionView(null, ChangeRequestStatus.DRAFT, "itsec", Instant.parse("2026-10-20T08:00:00Z"),
                                null),
                        new TransitionView(ChangeRequestStatus.DRAFT, ChangeRequestStatus.SUBMITTED, "itsec",
                                Instant.parse("2026-10-20T09:00:00Z"), "Please before the weekend")),
                List.of(), new LinkedHashSet<>(allowed));
    }

    static ChangeRequestDetails withConflicts(ChangeRequestDetails d, List<ConflictView> conflicts) {
        return new ChangeRequestDetails(d.summary(), d.plannedAction(), d.vendorReference(), d.manufacturerValidated(),
                d.expectedMinutes(), d.clinicalImpact(), d.backupEquipment(), d.rollbackPlan(), d.technician(),
                d.devices(), d.exposures(), d.windows(), d.approvals(), d.transitions(), conflicts, d.allowedActions());
    }

    static ChangeRequestDetails withStatus(ChangeRequestDetails d, ChangeRequestStatus status, int version) {
        ChangeRequestSummary s = d.summary();
        ChangeRequestSummary n = new ChangeRequestSummary(s.id(), s.reference(), s.title(), s.kind(), status,
                s.emergency(), s.needsReview(), s.requestedBy(), s.deviceCount(), s.departments(), s.firstWindowStart(),
                s.submittedAt(), version);
        return new ChangeRequestDetails(n, d.plannedAction(), d.vendorReference(), d.manufacturerValidated(),
                d.expectedMinutes(), d.clinicalImpact(), d.backupEquipment(), d.rollbackPlan(), d.technician(),
                d.devices(), d.exposures(), d.windows(), d.approvals(), d.transitions(), d.conflicts(), Set.of());
    }

    /** The browserless request answers as this user with these roles (as the container would after log-in). */
    static void logInAs(String user, String... roles) {
        ServletRequest r = ((VaadinServletRequest) VaadinRequest.getCurrent()).getRequest();
        while (!(r instanceof FakeRequest) && r instanceof ServletRequestWrapper w) {
            r = w.getRequest();
        }
        FakeRequest fake = (FakeRequest) r;
        fake.setUserPrincipalInt(() -> user);
        Set<String> granted = Set.of(roles);
        fake.setUserInRole((principal, role) -> granted.contains(role));
    }
}
