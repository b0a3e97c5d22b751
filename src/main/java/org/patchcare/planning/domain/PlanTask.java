package org.patchcare.planning.domain;

import ai.timefold.solver.core.api.domain.common.PlanningId;
import ai.timefold.solver.core.api.domain.entity.PlanningEntity;
import ai.timefold.solver.core.api.domain.entity.PlanningPin;
import ai.timefold.solver.core.api.domain.variable.PlanningVariable;
import org.patchcare.downtime.domain.BlackoutRule;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * One device to take down once in the horizon: the planning entity. The solver picks its {@link Slot} (start) and its
 * {@link PlanTechnician}; a task of an approved or scheduled request is pinned to its window. What depends only on
 * the task and its start (blackouts, the device already down, the vendor engineer present, inside the horizon,
 * low-census hours) is worked out once per slot by {@link #prepare} so the constraints only read a flag.
 */
@PlanningEntity
public class PlanTask {

    /** Hard flags per slot. */
    public static final int BLACKOUT = 1;
    public static final int DEVICE_DOWN = 2;
    public static final int NO_VENDOR = 4;
    public static final int PAST_HORIZON = 8;
    /** Soft: the window is not inside the department's low-census hours (only when the department has some). */
    public static final int BUSY_HOURS = 16;

    @PlanningId
    private Long id;
    private String assetTag;
    private String label;
    private String department;
    private ZoneId zone;
    private String modelKey;
    private String locationKey;
    private int minutes;
    private Instant due;
    private Priority priority;
    private String skill;
    private String vendor;
    /** The request the task comes from (pending or approved), null for an exposure without one. */
    private String requestId;

    /** Per slot index: the flags above; set by {@link #prepare}. Shared, never changed, between solution clones. */
    private SlotFacts facts;
    private Instant horizonStart;

    @PlanningPin
    private boolean pinned;

    @PlanningVariable
    private Slot slot;
    @PlanningVariable
    private PlanTechnician technician;

    /** Why each flag is set, for explanations: the first blackout, the busy window, the vendor missing. */
    public record SlotFacts(int[] flags, String[] reasons) {

        public int at(int index) {
            return index >= 0 && index < flags.length ? flags[index] : 0;
        }
    }

    public PlanTask() {
    }

    public PlanTask(long id, String assetTag, String label, String department, ZoneId zone, String modelKey,
                    String locationKey, int minutes, Instant due, Priority priority, String skill, String vendor) {
        this.id = id;
        this.assetTag = assetTag;
        this.label = label;
        this.department = department;
        this.zone = zone;
        this.modelKey = modelKey;
        this.locationKey = locationKey;
        this.minutes = minutes;
        this.due = due;
        this.priority = priority;
        this.skill = skill;
        this.vendor = vendor;
    }

    /**
     * Works out the flags of every slot. {@code busy} are the device's other downtime windows, {@code inService} its
     * inventory status, {@code vendorVisits} the visits of its vendor's engineers (used when {@link #getVendor()} is
     * set), {@code lowCensus} the department's preferred hours (none: no preference).
     */
    public void prepare(List<Slot> slots, Instant horizonEnd, List<BlackoutRule> blackouts, List<Interval> busy,
                        boolean inService, List<Interval> vendorVisits, List<BlackoutRule> lowCensus) {
        int n = slots.stream().mapToInt(Slot::index).max().orElse(-1) + 1;
        int[] flags = new int[n];
        String[] reasons = new String[n];
        for (Slot s : slots) {
            Instant start = s.start();
            Instant end = start.plus(Duration.ofMinutes(minutes));
            int f = 0;
            String why = null;
            for (BlackoutRule b : blackouts) {
                if (b.overlaps(start, end, zone)) {
                    f |= BLACKOUT;
                    why = department + " blackout '" + b.title() + "' (" + b.describe(zone) + ")";
                    break;
                }
            }
            if (!inService) {
                f |= DEVICE_DOWN;
                why = why == null ? assetTag + " is not in service" : why;
            }
            for (Interval b : busy) {
                if (b.overlaps(start, end)) {
                    f |= DEVICE_DOWN;
                    why = why == null ? assetTag + " is already down then (" + b.what() + ")" : why;
                    break;
                }
            }
            if (vendor != null && vendorVisits.stream().noneMatch(v -> v.contains(start, end))) {
                f |= NO_VENDOR;
                why = why == null ? "no " + vendor + " engineer is on site then" : why;
            }
            if (end.isAfter(horizonEnd)) {
                f |= PAST_HORIZON;
            }
            if (!lowCensus.isEmpty() && lowCensus.stream().noneMatch(r -> r.firstOverlap(start, end, zone)
                    .filter(o -> !o.from().isAfter(start) && !o.to().isBefore(end)).isPresent())) {
                f |= BUSY_HOURS;
            }
            flags[s.index()] = f;
            reasons[s.index()] = why;
        }
        this.facts = new SlotFacts(flags, reasons);
        this.horizonStart = slots.stream().map(Slot::start).min(Instant::compareTo).orElse(null);
    }

    // ---- what the constraints read -------------------------------------------------------------

    public int flags() {
        return slot == null || facts == null ? 0 : facts.at(slot.index());
    }

    public boolean has(int flag) {
        return (flags() & flag) != 0;
    }

    public Instant start() {
        return slot == null ? null : slot.start();
    }

    public Instant end() {
        return slot == null ? null : slot.start().plus(Duration.ofMinutes(minutes));
    }

    /** The local day the window starts, in the facility's zone. */
    public LocalDate day() {
        return slot == null ? null : slot.start().atZone(zone).toLocalDate();
    }

    /** Whole hours the window ends after the due date (0 when on time). */
    public long hoursLate() {
        if (slot == null || due == null) {
            return 0;
        }
        long m = Duration.between(due, end()).toMinutes();
        return m <= 0 ? 0 : (m + 59) / 60;
    }

    /** Whole hours from the start of the horizon to the window's start. */
    public long hoursFromStart() {
        return slot == null || horizonStart == null ? 0 : Math.max(0, Duration.between(horizonStart, slot.start())
                .toHours());
    }

    public boolean skillMissing() {
        return technician != null && !pinned && (technician.placeholder() || !technician.canDo(skill));
    }

    public boolean technicianBooked() {
        return technician != null && slot != null && technician.bookedDuring(start(), end());
    }

    // ---- accessors -----------------------------------------------------------------------------

    public Long getId() {
        return id;
    }

    public String getAssetTag() {
        return assetTag;
    }

    public String getLabel() {
        return label;
    }

    /** "ICU ventilator V-07": the department, what it is and its tag, for sentences. */
    public String display() {
        return (department == null ? "" : department + " ") + (label == null ? "" : label + " ") + assetTag;
    }

    public String getDepartment() {
        return department;
    }

    public ZoneId getZone() {
        return zone;
    }

    public String getModelKey() {
        return modelKey;
    }

    public String getLocationKey() {
        return locationKey;
    }

    public int getMinutes() {
        return minutes;
    }

    public Instant getDue() {
        return due;
    }

    public Priority getPriority() {
        return priority;
    }

    public String getSkill() {
        return skill;
    }

    public String getVendor() {
        return vendor;
    }

    public String getRequestId() {
        return requestId;
    }

    public void setRequestId(String requestId) {
        this.requestId = requestId;
    }

    public SlotFacts getFacts() {
        return facts;
    }

    public boolean isPinned() {
        return pinned;
    }

    public void setPinned(boolean pinned) {
        this.pinned = pinned;
    }

    public Slot getSlot() {
        return slot;
    }

    public void setSlot(Slot slot) {
        this.slot = slot;
    }

    public PlanTechnician getTechnician() {
        return technician;
    }

    public void setTechnician(PlanTechnician technician) {
        this.technician = technician;
    }

    @Override
    public String toString() {
        return assetTag + "@" + (slot == null ? "-" : slot.start()) + "/" + technician;
    }
}
