package org.patchcare.reporting.ui;

import org.patchcare.reporting.application.MetricsViews.BurnDownPoint;
import org.patchcare.reporting.application.MetricsViews.DurationStats;
import org.patchcare.reporting.application.MetricsViews.LagBreakdown;
import org.patchcare.reporting.application.MetricsViews.OperationsRow;
import org.patchcare.reporting.application.MetricsViews.OverdueCount;
import org.patchcare.reporting.application.MetricsViews.QuarterTrend;
import org.patchcare.reporting.application.MetricsViews.TopDevice;
import org.patchcare.reporting.application.MetricsViews.TrendPoint;
import org.patchcare.reporting.application.MetricsViews.UnsupportedCount;
import org.patchcare.reporting.ui.Charts.Category;
import org.patchcare.reporting.ui.Charts.Kind;
import org.patchcare.reporting.ui.Charts.Series;
import org.patchcare.reporting.ui.Charts.Spec;
import org.patchcare.reporting.ui.Charts.Unit;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The dashboards' charts: metrics records in, chart specs out, in words a clinical manager reads without training.
 * Pure functions of their input (links come from {@link DashboardLinks}), so each is tested without a browser.
 */
final class DashboardCharts {

    /** Where the time goes, in the order of the chain; each part's plain name. */
    static final List<String> LAG_NAMES = List.of("Waiting for the vendor's fix", "Deciding what to do (triage)",
            "Waiting for approval", "Waiting for the downtime window", "Patching", "Checking the device afterwards");

    private DashboardCharts() {
    }

    /** "immediate" → "Immediate": labels start a line on an axis. */
    static String capitalised(String label) {
        return label == null || label.isEmpty() ? label
                : label.substring(0, 1).toUpperCase(java.util.Locale.ROOT) + label.substring(1);
    }

    /**
     * Open exposures at the end of each day, and how many of them were overdue. A period without any open exposure
     * is no history: nothing to draw (a flat line on zero would look like a chart with nothing to say).
     */
    static Spec burnDown(List<BurnDownPoint> all) {
        List<BurnDownPoint> points = all.stream().allMatch(p -> p.open() == 0) ? List.of() : all;
        List<Category> days = points.stream().map(p -> Category.day(p.day(), p.day().toString())).toList();
        return new Spec(Kind.TIME_LINES, "Open exposures over time", "Day", "Open exposures", Unit.COUNT, days,
                List.of(new Series("Open", points.stream().map(p -> (double) p.open()).toList(), null),
                        new Series("Of which overdue", points.stream().map(p -> (double) p.overdue()).toList(), null)));
    }

    /** The summed score of the exposures open at the end of each week (none open in the whole period: no data). */
    static Spec scoreTrend(List<TrendPoint> all) {
        List<TrendPoint> points = all.stream().allMatch(p -> p.value() == 0) ? List.of() : all;
        List<Category> weeks = points.stream().map(p -> Category.day(p.periodStart(), p.label())).toList();
        return new Spec(Kind.TIME_LINES, "Exposure score over time", "Week", "Sum of open exposures' scores",
                Unit.SCORE, weeks, List.of(new Series("Exposure score", points.stream().map(TrendPoint::value).toList(),
                null)));
    }

    /** Median and 90th percentile time-to-patch per quarter, oldest first. */
    static Spec timeToPatchTrend(List<QuarterTrend> quarters) {
        List<Category> cats = quarters.stream().map(q -> Category.of(q.quarter(), null)).toList();
        return new Spec(Kind.LINES, "Days from the vendor's warning to the patch on our devices", "Quarter patched",
                "Days", Unit.DAYS, cats, List.of(
                new Series("Half were patched within (median)",
                        quarters.stream().map(QuarterTrend::medianDays).toList(), null),
                new Series("9 in 10 were patched within (90th percentile)",
                        quarters.stream().map(QuarterTrend::p90Days).toList(), null)));
    }

    /** Share patched within the due time of their priority, per group (outcome or quarter). */
    static Spec slaShare(String title, String axis, List<DurationStats> groups, Function<String, String> linkOfKey) {
        List<DurationStats> patched = groups.stream().filter(g -> g.patched() > 0).toList();
        return new Spec(Kind.BARS, title, axis, "Patched on time (%)", Unit.PERCENT,
                patched.stream().map(g -> Category.of(capitalised(g.label()), linkOfKey.apply(g.key()))).toList(),
                List.of(new Series("Patched on time", patched.stream().map(g -> g.slaShare() == null ? null
                        : g.slaShare() * 100).toList(), patched.stream().map(g -> linkOfKey.apply(g.key())).toList())));
    }

    /** Median and 90th percentile time-to-patch per group, e.g. per manufacturer. */
    static Spec timeToPatch(String title, String axis, List<DurationStats> groups, Function<String, String> linkOfKey) {
        List<DurationStats> patched = groups.stream().filter(g -> g.patched() > 0).toList();
        List<String> links = patched.stream().map(g -> linkOfKey.apply(g.key())).toList();
        return new Spec(Kind.HORIZONTAL_BARS, title, axis, "Days from the vendor's warning to the patch", Unit.DAYS,
                patched.stream().map(g -> Category.of(g.label(), linkOfKey.apply(g.key()))).toList(), List.of(
                new Series("Median", patched.stream().map(DurationStats::medianDays).toList(), links),
                new Series("90th percentile", patched.stream().map(DurationStats::p90Days).toList(), links)));
    }

    /** The riskiest devices, highest score first; each bar opens the device. */
    static Spec topDevices(String title, List<TopDevice> devices, DashboardLinks links) {
        List<String> hrefs = devices.stream().map(d -> links.device(d.assetTag())).toList();
        List<Category> cats = new ArrayList<>();
        for (int i = 0; i < devices.size(); i++) {
            TopDevice d = devices.get(i);
            cats.add(Category.of(d.assetTag() + " · " + d.model() + " (" + d.departmentCode() + ")", hrefs.get(i)));
        }
        return new Spec(Kind.HORIZONTAL_BARS, title, "Device", "Exposure score (0–100)", Unit.SCORE, cats,
                List.of(new Series("Exposure score", devices.stream().map(d -> (double) d.score()).toList(), hrefs)));
    }

    /** Devices past their end of support per department; each bar opens those devices. */
    static Spec unsupported(List<UnsupportedCount> counts, DashboardLinks links) {
        List<String> hrefs = counts.stream()
                .map(c -> links.devices(c.departmentCode(), null, true)).toList();
        List<Category> cats = new ArrayList<>();
        for (int i = 0; i < counts.size(); i++) {
            cats.add(Category.of(counts.get(i).departmentName(), hrefs.get(i)));
        }
        return new Spec(Kind.HORIZONTAL_BARS, "Devices past end of support, by department", "Department",
                "Devices the vendor no longer supports", Unit.COUNT, cats,
                List.of(new Series("Past end of support", counts.stream().map(c -> (double) c.unsupported()).toList(),
                        hrefs)));
    }

    /** Where the time goes, one stacked bar per group; {@code linkOfKey} leads from a group to its list. */
    static Spec lags(String title, String axis, List<LagBreakdown> groups, Function<String, String> linkOfKey) {
        List<LagBreakdown> known = groups.stream().filter(g -> g.exposures() > 0).toList();
        List<String> links = known.stream().map(g -> linkOfKey.apply(g.key())).toList();
        List<Function<LagBreakdown, Double>> parts = List.of(LagBreakdown::vendorDays, LagBreakdown::triageDays,
                LagBreakdown::approvalDays, LagBreakdown::schedulingDays, LagBreakdown::patchDays,
                LagBreakdown::verificationDays);
        List<Series> series = new ArrayList<>();
        for (int i = 0; i < parts.size(); i++) {
            Function<LagBreakdown, Double> part = parts.get(i);
            series.add(new Series(LAG_NAMES.get(i), known.stream().map(part).toList(), links));
        }
        return new Spec(Kind.STACKED_HORIZONTAL_BARS, title, axis, "Days (median of each step)", Unit.DAYS,
                known.stream().map(g -> Category.of(g.label(), linkOfKey.apply(g.key()))).toList(), series);
    }

    /** Open exposures per priority, split into overdue and not yet due; each part opens its exposures. */
    static Spec openByOutcome(List<OverdueCount> byOutcome, String departmentCode, DashboardLinks links) {
        List<OverdueCount> open = byOutcome.stream().filter(c -> c.open() > 0).toList();
        return new Spec(Kind.STACKED_HORIZONTAL_BARS, "Open exposures by priority", "Priority", "Open exposures",
                Unit.COUNT, open.stream().map(c -> Category.of(capitalised(c.label()),
                        links.queue(departmentCode, c.key(), false))).toList(), List.of(
                new Series("Overdue", open.stream().map(c -> (double) c.overdue()).toList(),
                        open.stream().map(c -> links.queue(departmentCode, c.key(), true)).toList()),
                new Series("Not yet due", open.stream().map(c -> (double) Math.max(0, c.open() - c.overdue())).toList(),
                        open.stream().map(c -> links.queue(departmentCode, c.key(), false)).toList())));
    }

    /** IT's three numbers per department, each bar opening its list. */
    static Spec operations(List<OperationsRow> rows, DashboardLinks links) {
        List<OperationsRow> busy = rows.stream()
                .filter(r -> r.overdue() + r.dueThisWeek() + r.blockedByApproval() > 0).toList();
        return new Spec(Kind.HORIZONTAL_BARS, "Overdue, due this week and waiting for approval, by department",
                "Department", "Open exposures", Unit.COUNT,
                busy.stream().map(r -> Category.of(r.departmentName(), links.queue(r.departmentCode(), null, false)))
                        .toList(), List.of(
                new Series("Overdue", busy.stream().map(r -> (double) r.overdue()).toList(),
                        busy.stream().map(r -> links.queue(r.departmentCode(), null, true)).toList()),
                new Series("Due within 7 days", busy.stream().map(r -> (double) r.dueThisWeek()).toList(),
                        busy.stream().map(r -> links.queueDueThisWeek(r.departmentCode())).toList()),
                new Series("Waiting for approval", busy.stream().map(r -> (double) r.blockedByApproval()).toList(),
                        busy.stream().map(r -> links.awaitingApproval(r.departmentCode())).toList())));
    }
}
