package org.patchcare.reporting.ui;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import org.patchcare.inventory.application.OrganisationService;
import org.patchcare.inventory.application.OrganisationViews.DepartmentView;
import org.patchcare.inventory.application.OrganisationViews.FacilityView;
import org.patchcare.inventory.domain.MissionImpact;
import org.patchcare.reporting.application.Grouping;
import org.patchcare.reporting.application.MetricsFilter;
import org.patchcare.reporting.application.MetricsService;
import org.patchcare.reporting.application.MetricsViews.BurnDownPoint;
import org.patchcare.reporting.application.MetricsViews.DurationStats;
import org.patchcare.reporting.application.MetricsViews.Headline;
import org.patchcare.reporting.application.MetricsViews.LagBreakdown;
import org.patchcare.reporting.application.MetricsViews.OperationsRow;
import org.patchcare.reporting.application.MetricsViews.OperationsSummary;
import org.patchcare.reporting.application.MetricsViews.OverdueCount;
import org.patchcare.reporting.application.MetricsViews.QuarterTrend;
import org.patchcare.reporting.application.MetricsViews.TopDevice;
import org.patchcare.reporting.application.MetricsViews.TrendPoint;
import org.patchcare.reporting.application.MetricsViews.UnsupportedCount;
import org.patchcare.risk.application.RiskService;
import org.patchcare.risk.application.RiskViews.RiskRollup;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The metrics service answering from fields the test sets, and remembering what the screens asked ("headline",
 * "timeToPatch OUTCOME", …, each with its filter). {@link #history()} fills it with a small hospital's year.
 */
class FakeMetrics extends MetricsService {

    static final Instant NOW = Instant.parse("2026-11-23T09:00:00Z");
    static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);
    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);

    static final FacilityView MAIN = new FacilityView("MAIN", "St. Elsewhere General", "Europe/Berlin", 0);
    static final FacilityView NORTH = new FacilityView("NORTH", "North Clinic", "Europe/Berlin", 0);
    static final DepartmentView ICU = new DepartmentView("ICU", "Intensive Care Unit", "MAIN", MAIN.name(),
            MissionImpact.MEF_FAILURE, 0);
    static final DepartmentView ED = new DepartmentView("ED", "Emergency Department", "MAIN", MAIN.name(),
            MissionImpact.MEF_FAILURE, 0);
    static final DepartmentView LAB = new DepartmentView("LAB", "Laboratory", "NORTH", NORTH.name(),
            MissionImpact.DEGRADED, 0);

    /** What the screens asked, in order: "headline", "timeToPatch OUTCOME", "topDevices 10", … */
    final List<String> calls = new ArrayList<>();
    final List<MetricsFilter> filters = new ArrayList<>();

    Headline headline = new Headline(0, 0, 0, null, null, 0, NOW);
    List<BurnDownPoint> burnDown = List.of();
    List<TrendPoint> scoreTrend = List.of();
    List<QuarterTrend> trend = List.of();
    final Map<Grouping, List<DurationStats>> timeToPatch = new EnumMap<>(Grouping.class);
    final Map<Grouping, List<LagBreakdown>> lags = new EnumMap<>(Grouping.class);
    final Map<Grouping, List<OverdueCount>> overdue = new EnumMap<>(Grouping.class);
    List<TopDevice> top = List.of();
    List<UnsupportedCount> unsupported = List.of();
    OperationsSummary operations = new OperationsSummary(0, 0, 0, List.of());

    /** A year of history in three departments, one of them named like markup. */
    FakeMetrics history() {
        headline = new Headline(57, 9, 3120, 21.5, 0.82, 14, NOW);
        List<BurnDownPoint> days = new ArrayList<>();
        for (int i = 0; i < 365; i++) {
            days.add(new BurnDownPoint(TODAY.minusDays(364 - i), 120 - i / 6, Math.max(0, 30 - i / 12)));
        }
        burnDown = days;
        List<TrendPoint> weeks = new ArrayList<>();
        for (int i = 0; i < 52; i++) {
            LocalDate monday = TODAY.minusWeeks(51 - i);
            weeks.add(new TrendPoint(monday, "Week of " + monday, 6000 - 50.0 * i));
        }
        scoreTrend = weeks;
        trend = List.of(new QuarterTrend("2026-Q1", 40, 41.0, 98.0, 0.6), new QuarterTrend("2026-Q2", 52, 33.5, 80.0,
                0.7), new QuarterTrend("2026-Q3", 61, 27.0, 66.0, 0.78), new QuarterTrend("2026-Q4", 18, 21.5, 50.0,
                0.82));
        timeToPatch.put(Grouping.OUTCOME, List.of(
                new DurationStats("IMMEDIATE", "Immediate", 10, 2.0, 5.5, 8, 0.8),
                new DurationStats("SCHEDULED", "Scheduled", 120, 40.0, 85.0, 100, 100 / 120.0)));
        timeToPatch.put(Grouping.QUARTER, trend.stream().map(q -> new DurationStats(q.quarter(), q.quarter(),
                q.patched(), q.medianDays(), q.p90Days(), Math.round(q.patched() * q.slaShare()), q.slaShare()))
                .toList());
        timeToPatch.put(Grouping.MANUFACTURER, List.of(
                new DurationStats("m-bd", "Becton Dickinson", 70, 30.0, 70.0, 50, 0.71),
                new DurationStats("m-ge", "GE Healthcare", 41, 45.0, 95.0, 30, 0.73),
                new DurationStats("m-none", "Nobody patched", 0, null, null, 0, null)));
        timeToPatch.put(Grouping.DEVICE_TYPE, List.of(new DurationStats("Infusion pump", "Infusion pump", 70, 30.0,
                70.0, 50, 0.71)));
        lags.put(Grouping.QUARTER, List.of(new LagBreakdown("2026-Q3", "2026-Q3", 61, 12.0, 2.0, 4.0, 6.0, 1.0, 2.0)));
        lags.put(Grouping.DEPARTMENT, List.of(
                new LagBreakdown("ICU", "Intensive Care Unit", 40, 10.0, 2.0, 3.0, 8.0, 1.0, 1.0),
                new LagBreakdown("RAD", "<script>alert('x')</script>", 12, 20.0, 4.0, null, 9.0, 1.0, 1.0)));
        overdue.put(Grouping.OUTCOME, List.of(new OverdueCount("IMMEDIATE", "Immediate", 2, 3),
                new OverdueCount("SCHEDULED", "Scheduled", 7, 40), new OverdueCount("DEFER", "Defer", 0, 0)));
        top = List.of(new TopDevice("BME-000123", "Alaris 8015", "Becton Dickinson", "ICU", "Intensive Care Unit", 92,
                4, 1), new TopDevice("BME-000200", "CARESCAPE B650", "GE Healthcare", "ED", "Emergency Department", 71,
                2, 0));
        unsupported = List.of(new UnsupportedCount("ICU", "Intensive Care Unit", 9, 120),
                new UnsupportedCount("RAD", "<script>alert('x')</script>", 5, 40));
        operations = new OperationsSummary(9, 6, 3, List.of(
                new OperationsRow("ICU", "Intensive Care Unit", 5, 2, 2),
                new OperationsRow("ED", "Emergency Department", 4, 4, 1),
                new OperationsRow("LAB", "Laboratory", 0, 0, 0)));
        return this;
    }

    private <T> T asked(String call, MetricsFilter filter, T answer) {
        calls.add(call);
        filters.add(filter);
        return answer;
    }

    @Override
    public Headline headline(MetricsFilter filter) {
        return asked("headline", filter, headline);
    }

    @Override
    public List<DurationStats> timeToPatch(MetricsFilter filter, Grouping by) {
        return asked("timeToPatch " + by, filter, timeToPatch.getOrDefault(by, List.of()));
    }

    @Override
    public List<LagBreakdown> lags(MetricsFilter filter, Grouping by) {
        return asked("lags " + by, filter, lags.getOrDefault(by, List.of()));
    }

    @Override
    public List<QuarterTrend> timeToPatchTrend(MetricsFilter filter) {
        return asked("timeToPatchTrend", filter, trend);
    }

    @Override
    public List<BurnDownPoint> burnDown(MetricsFilter filter) {
        return asked("burnDown", filter, burnDown);
    }

    @Override
    public List<TrendPoint> scoreTrend(MetricsFilter filter) {
        return asked("scoreTrend", filter, scoreTrend);
    }

    @Override
    public List<OverdueCount> overdue(MetricsFilter filter, Grouping by) {
        return asked("overdue " + by, filter, overdue.getOrDefault(by, List.of()));
    }

    @Override
    public List<TopDevice> topDevices(MetricsFilter filter, int limit) {
        return asked("topDevices " + limit, filter, top.stream().limit(limit).toList());
    }

    @Override
    public List<UnsupportedCount> unsupportedByDepartment(MetricsFilter filter) {
        return asked("unsupportedByDepartment", filter, unsupported);
    }

    @Override
    public OperationsSummary operations(MetricsFilter filter) {
        return asked("operations", filter, operations);
    }

    // ---- the other services the dashboards ask ----------------------------------------------

    static OrganisationService organisation() {
        return new OrganisationService() {
            @Override
            public List<DepartmentView> departments() {
                return List.of(ED, ICU, LAB);
            }

            @Override
            public List<FacilityView> facilities() {
                return List.of(MAIN, NORTH);
            }
        };
    }

    /** The risk service as a clinical manager responsible for {@code codes} sees it (the service narrows). */
    static RiskService riskSeenBy(String... codes) {
        return new RiskService() {
            @Override
            public List<RiskRollup> departments() {
                return List.of(codes).stream().map(c -> new RiskRollup(c, c, MAIN.name(), 10, 1, 1, 0, 0, 1, 0, 0, 40,
                        40)).toList();
            }
        };
    }

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
