package org.patchcare.planning.application;

import java.time.Instant;
import java.util.List;

/** What the planning screens and API read. */
public final class PlanningViews {

    private PlanningViews() {
    }

    /** A run: its state, progress (share of the time limit used, 0..1), best score so far and its proposals. */
    public record RunView(String id, String status, Instant from, Instant to, int timeLimitSeconds,
                          Instant startedAt, Instant finishedAt, long elapsedSeconds, double progress,
                          Long hardScore, Long mediumScore, Long softScore, boolean feasible, String baselineScore,
                          int taskCount, int pinnedCount, String startedBy, String message,
                          List<ProposalView> proposals) {
    }

    /** One device's proposed window, with the sentences that explain its broken rules. */
    public record ProposalView(String assetTag, String label, String department, Instant start, Instant end,
                               String zone, String technician, Instant due, String priority, int lateHours,
                               boolean pinned, boolean accepted, String requestId, List<String> explanations) {
    }

    /** A run in a list. */
    public record RunSummary(String id, String status, Instant from, Instant to, Instant startedAt, String startedBy,
                             int taskCount, Long hardScore, Long mediumScore, Long softScore) {
    }

    /** A technician with skills and daily minutes. */
    public record TechnicianView(String id, String username, int dailyMinutes, List<String> skills, boolean active,
                                 int version) {
    }

    /** A vendor engineer's visit. */
    public record VendorVisitView(String id, String manufacturer, String engineer, Instant start, Instant end) {
    }

    /** A department's low-census hours. */
    public record LowCensusView(String id, String department, String title, String describe) {
    }
}
