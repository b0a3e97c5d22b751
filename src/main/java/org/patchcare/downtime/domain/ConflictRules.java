package org.patchcare.downtime.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The conflict rules for proposed downtime windows, without a database: the caller loads the facts (the devices, the
 * other planned windows, blackouts and redundancy groups) and gets one {@link Conflict} per clash, each with a sentence
 * for the person planning, times shown in the facility's zone. Intervals are half-open: a window ending at 10:00 does
 * not clash with one starting at 10:00.
 */
public final class ConflictRules {

    private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private ConflictRules() {
    }

    /** A device as the rules see it; {@code status} is the inventory status (IN_SERVICE, OUT_OF_SERVICE, ...). */
    public record DeviceFact(long id, String assetTag, String status, long departmentId, ZoneId zone) {

        public boolean inService() {
            return "IN_SERVICE".equals(status);
        }
    }

    /** A window proposed now. */
    public record Proposal(long deviceId, Instant start, Instant end) {
    }

    /** Another planned window that holds downtime (its request waits for or holds it), with its request. */
    public record PlannedWindow(long deviceId, String assetTag, Instant start, Instant end, String requestReference,
                                String requestKind, String technician) {
    }

    /** An active blackout of a department. */
    public record Blackout(long departmentId, String departmentCode, BlackoutRule rule) {
    }

    /** A redundancy group with its devices. */
    public record Group(String name, int minimumAvailable, List<DeviceFact> members) {
    }

    /** One clash; {@code from}/{@code to} is the time it concerns. */
    public record Conflict(ConflictType type, String assetTag, String message, Instant from, Instant to) {
    }

    /**
     * Every conflict of the proposals. {@code devices} must hold the proposals' devices and every group member;
     * {@code planned} the other windows (never the proposals themselves) of those devices and of the technician.
     */
    public static List<Conflict> check(List<Proposal> proposals, String technician, Map<Long, DeviceFact> devices,
                                       List<PlannedWindow> planned, List<Blackout> blackouts, List<Group> groups) {
        List<Conflict> out = new ArrayList<>();
        for (Proposal p : proposals) {
            DeviceFact d = Objects.requireNonNull(devices.get(p.deviceId()), "device of a proposal");
            out.addAll(alreadyDown(p, d, planned));
            out.addAll(blackouts(p, d, blackouts));
        }
        out.addAll(redundancy(proposals, devices, planned, groups));
        out.addAll(technician(proposals, technician, devices, planned));
        return out;
    }

    static List<Conflict> alreadyDown(Proposal p, DeviceFact d, List<PlannedWindow> planned) {
        List<Conflict> out = new ArrayList<>();
        if (!d.inService()) {
            out.add(new Conflict(ConflictType.DEVICE_ALREADY_DOWN, d.assetTag(), d.assetTag() + " is "
                    + statusText(d.status()) + " now; return it to service first or plan without it.", p.start(),
                    p.end()));
        }
        planned.stream().filter(w -> w.deviceId() == d.id() && overlaps(w.start(), w.end(), p.start(), p.end()))
                .sorted(Comparator.comparing(PlannedWindow::start))
                .forEach(w -> out.add(new Conflict(ConflictType.DEVICE_ALREADY_DOWN, d.assetTag(), d.assetTag()
                        + " is already down " + span(w.start(), w.end(), d.zone()) + " (" + w.requestReference()
                        + (w.requestKind() == null ? "" : ", " + w.requestKind()) + ")", w.start(), w.end())));
        return out;
    }

    static List<Conflict> blackouts(Proposal p, DeviceFact d, List<Blackout> blackouts) {
        List<Conflict> out = new ArrayList<>();
        for (Blackout b : blackouts) {
            if (b.departmentId() != d.departmentId()) {
                continue;
            }
            b.rule().firstOverlap(p.start(), p.end(), d.zone()).ifPresent(o -> out.add(new Conflict(
                    ConflictType.BLACKOUT, d.assetTag(), d.assetTag() + ": " + span(p.start(), p.end(), d.zone())
                    + " is inside " + b.departmentCode() + " blackout '" + b.rule().title() + "' ("
                    + b.rule().describe(d.zone()) + ")", o.from(), o.to())));
        }
        return out;
    }

    /**
     * For each group with a proposed member: the fewest members in service at any moment of a proposal, counting
     * members not in service now, other planned windows and the proposals together. One conflict per group, at its
     * worst moment.
     */
    public static List<Conflict> redundancy(List<Proposal> proposals, Map<Long, DeviceFact> devices,
                                     List<PlannedWindow> planned, List<Group> groups) {
        List<Conflict> out = new ArrayList<>();
        for (Group g : groups) {
            Set<Long> memberIds = g.members().stream().map(DeviceFact::id).collect(Collectors.toSet());
            List<Proposal> mine = proposals.stream().filter(p -> memberIds.contains(p.deviceId())).toList();
            if (mine.isEmpty()) {
                continue;
            }
            // every down interval of a member that is in service now
            record Down(long deviceId, Instant start, Instant end) {
            }
            List<Down> downs = new ArrayList<>();
            mine.forEach(p -> downs.add(new Down(p.deviceId(), p.start(), p.end())));
            planned.stream().filter(w -> memberIds.contains(w.deviceId()))
                    .forEach(w -> downs.add(new Down(w.deviceId(), w.start(), w.end())));
            Set<Long> outNow = g.members().stream().filter(m -> !m.inService()).map(DeviceFact::id)
                    .collect(Collectors.toSet());
            int total = g.members().size();
            // the count only changes where an interval starts, so those instants inside a proposal are enough
            TreeSet<Instant> moments = new TreeSet<>();
            for (Proposal p : mine) {
                moments.add(p.start());
                downs.stream().filter(d -> !d.start().isBefore(p.start()) && d.start().isBefore(p.end()))
                        .forEach(d -> moments.add(d.start()));
            }
            int worst = Integer.MAX_VALUE;
            Instant worstAt = null;
            for (Instant t : moments) {
                if (mine.stream().noneMatch(p -> !t.isBefore(p.start()) && t.isBefore(p.end()))) {
                    continue;
                }
                Set<Long> down = new HashSet<>(outNow);
                downs.stream().filter(d -> !t.isBefore(d.start()) && t.isBefore(d.end()))
                        .forEach(d -> down.add(d.deviceId()));
                int available = total - down.size();
                if (available < worst) {
                    worst = available;
                    worstAt = t;
                }
            }
            if (worstAt == null || worst >= g.minimumAvailable()) {
                continue;
            }
            Instant at = worstAt;
            Instant until = downs.stream().filter(d -> !at.isBefore(d.start()) && at.isBefore(d.end()))
                    .map(Down::end).min(Comparator.naturalOrder()).orElse(at);
            Instant nextStart = moments.higher(at);
            if (nextStart != null && nextStart.isBefore(until)) {
                until = nextStart;
            }
            ZoneId zone = devices.get(mine.getFirst().deviceId()).zone();
            String proposed = mine.stream().map(p -> devices.get(p.deviceId()).assetTag()).distinct().sorted()
                    .collect(Collectors.joining(", "));
            out.add(new Conflict(ConflictType.REDUNDANCY_BELOW_MINIMUM, proposed, g.name() + " would have " + worst
                    + " of " + total + " in service, minimum " + g.minimumAvailable() + " (" + span(at, until, zone)
                    + ")", at, until));
        }
        return out;
    }

    static List<Conflict> technician(List<Proposal> proposals, String technician, Map<Long, DeviceFact> devices,
                                     List<PlannedWindow> planned) {
        if (technician == null || technician.isBlank()) {
            return List.of();
        }
        List<Conflict> out = new ArrayList<>();
        Set<PlannedWindow> seen = new LinkedHashSet<>();
        for (Proposal p : proposals) {
            ZoneId zone = devices.get(p.deviceId()).zone();
            planned.stream().filter(w -> technician.equalsIgnoreCase(Objects.requireNonNullElse(w.technician(), ""))
                            && overlaps(w.start(), w.end(), p.start(), p.end()) && seen.add(w))
                    .sorted(Comparator.comparing(PlannedWindow::start))
                    .forEach(w -> out.add(new Conflict(ConflictType.TECHNICIAN_DOUBLE_BOOKED,
                            devices.get(p.deviceId()).assetTag(), technician + " is already booked "
                            + span(w.start(), w.end(), zone) + " on " + w.assetTag() + " (" + w.requestReference()
                            + ")", w.start(), w.end())));
        }
        return out;
    }

    public static boolean overlaps(Instant aStart, Instant aEnd, Instant bStart, Instant bEnd) {
        return aStart.isBefore(bEnd) && bStart.isBefore(aEnd);
    }

    /** "2026-12-02 08:00–10:00", or "2026-12-02 22:00 – 2026-12-03 06:00" across days, in the zone. */
    public static String span(Instant start, Instant end, ZoneId zone) {
        ZonedDateTime s = start.atZone(zone);
        ZonedDateTime e = end.atZone(zone);
        LocalDate sd = s.toLocalDate();
        return sd.equals(e.toLocalDate()) ? DAY_TIME.format(s) + "–" + TIME.format(e)
                : DAY_TIME.format(s) + " – " + DAY_TIME.format(e);
    }

    private static String statusText(String status) {
        return status == null ? "not in service" : status.toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** Groups facts by id (a helper for loaders). */
    public static Map<Long, DeviceFact> byId(List<DeviceFact> facts) {
        return facts.stream().collect(Collectors.toMap(DeviceFact::id, Function.identity(), (a, b) -> a,
                java.util.LinkedHashMap::new));
    }
}
