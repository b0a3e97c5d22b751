package org.patchcare.reporting.domain;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * How one exposure's chain is read from what was recorded (docs/metrics.md, "The chain"). Pure: the facts come in,
 * the chain's instants and durations go out, so every rule is testable without a database.
 */
public final class ChainRules {

    /** A successful patch performed up to this long after the exposure's move to fixed still counts as its cause. */
    static final Duration PATCH_TOLERANCE = Duration.ofHours(1);
    private static final Set<String> OPEN = Set.of("UNDER_INVESTIGATION", "AFFECTED");
    private static final Set<String> CLOSED = Set.of("FIXED", "NOT_AFFECTED");
    private static final Set<String> DEAD_REQUEST = Set.of("CANCELLED", "REJECTED", "EXPIRED");

    private ChainRules() {
    }

    /** One entry of the exposure's state history. {@code fromState} is null for the event that created it. */
    public record Event(Instant at, String actor, String fromState, String toState) {
    }

    /** A change request linked to the exposure: its first submission, first approval, first window on the device. */
    public record Request(long id, String status, Instant createdAt, Instant submittedAt, Instant approvedAt,
                          Instant windowStart) {
    }

    /** A successful (SUCCESS or PARTIAL) patch record on the exposure's device. */
    public record PatchWork(Long changeRequestId, Instant performedAt, Instant verifiedAt) {
    }

    public record Facts(String state, Instant published, Instant vendorFix, Instant matched, Instant updatedAt,
                        List<Event> events, Instant firstOverride, List<Request> requests, List<PatchWork> patches,
                        Instant due) {
    }

    /** The chain: each instant null when it has not happened or is not known; durations in days. */
    public record Chain(boolean open, Instant published, Instant vendorFix, Instant matched, Instant triaged,
                        Instant submitted, Instant approved, Instant windowStart, Instant patched, Instant verified,
                        Instant closed, Instant due, boolean awaitingApproval) {

        /** Advisory published → patched. */
        public Double timeToPatchDays() {
            return days(published, patched);
        }

        /** Patched by the due date (null when not patched or without a due date). */
        public Boolean withinSla() {
            return patched == null || due == null ? null : !patched.isAfter(due);
        }

        public Double vendorDays() {
            return days(published, vendorFix);
        }

        public Double triageDays() {
            return days(matched, triaged);
        }

        public Double approvalDays() {
            return days(submitted, approved);
        }

        public Double schedulingDays() {
            return days(approved, windowStart);
        }

        public Double patchDays() {
            return days(windowStart, patched);
        }

        public Double verificationDays() {
            return days(patched, verified);
        }
    }

    public static Chain chain(Facts f) {
        boolean open = OPEN.contains(f.state());
        List<Event> events = f.events().stream().sorted(Comparator.comparing(Event::at)).toList();
        Instant closed = open ? null : events.stream().filter(e -> CLOSED.contains(e.toState())).map(Event::at)
                .reduce((a, b) -> b).orElse(f.updatedAt());
        Instant fixedAt = !"FIXED".equals(f.state()) ? null : events.stream().filter(e -> "FIXED".equals(e.toState()))
                .map(Event::at).reduce((a, b) -> b).orElse(f.updatedAt());

        PatchWork patch = fixedAt == null ? null : f.patches().stream()
                .filter(p -> p.performedAt() != null && !p.performedAt().isBefore(f.matched())
                        && !p.performedAt().isAfter(fixedAt.plus(PATCH_TOLERANCE)))
                .max(Comparator.comparing(PatchWork::performedAt)).orElse(null);
        Instant patched = patch != null ? patch.performedAt() : fixedAt;
        Instant verified = patch == null ? null : patch.verifiedAt();

        Request request = request(f.requests(), patch);
        Instant triaged = earliest(
                events.stream().filter(e -> e.fromState() != null && byPerson(e.actor())).map(Event::at).findFirst()
                        .orElse(null),
                f.firstOverride(),
                f.requests().stream().map(Request::createdAt).filter(Objects::nonNull).min(Comparator.naturalOrder())
                        .orElse(null));
        boolean awaiting = open && f.requests().stream().anyMatch(r -> "SUBMITTED".equals(r.status()));
        return new Chain(open, f.published(), f.vendorFix(), f.matched(), triaged,
                request == null ? null : request.submittedAt(), request == null ? null : request.approvedAt(),
                request == null ? null : request.windowStart(), patched, verified, closed, f.due(), awaiting);
    }

    /**
     * The request that counts for the exposure: the one whose patch record closed it; else the newest that was not
     * cancelled, rejected or expired; else the newest.
     */
    static Request request(List<Request> requests, PatchWork patch) {
        if (requests.isEmpty()) {
            return null;
        }
        if (patch != null && patch.changeRequestId() != null) {
            for (Request r : requests) {
                if (r.id() == patch.changeRequestId()) {
                    return r;
                }
            }
        }
        Comparator<Request> newest = Comparator.comparing(Request::createdAt).thenComparingLong(Request::id);
        return requests.stream().filter(r -> !DEAD_REQUEST.contains(r.status())).max(newest)
                .orElseGet(() -> requests.stream().max(newest).orElseThrow());
    }

    /** Matching and the system's own jobs are not a person deciding. */
    static boolean byPerson(String actor) {
        return actor != null && !actor.equalsIgnoreCase("system") && !actor.endsWith("(matching)");
    }

    private static Instant earliest(Instant... candidates) {
        Instant out = null;
        for (Instant i : candidates) {
            if (i != null && (out == null || i.isBefore(out))) {
                out = i;
            }
        }
        return out;
    }

    /** Fractional days from a to b (null unless both are known). */
    public static Double days(Instant a, Instant b) {
        return a == null || b == null ? null : Duration.between(a, b).toMillis() / 86_400_000.0;
    }

    /** "2026-Q3": the quarter (UTC) of an instant, null for null. */
    public static String quarter(Instant at) {
        if (at == null) {
            return null;
        }
        ZonedDateTime t = at.atZone(ZoneOffset.UTC);
        return String.format(Locale.ROOT, "%04d-Q%d", t.getYear(), (t.getMonthValue() - 1) / 3 + 1);
    }
}
