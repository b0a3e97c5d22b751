package org.patchcare.planning.domain;

import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.countDistinct;
import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.sum;
import static ai.timefold.solver.core.api.score.stream.ConstraintCollectors.toList;

import ai.timefold.solver.core.api.score.HardMediumSoftScore;
import ai.timefold.solver.core.api.score.stream.Constraint;
import ai.timefold.solver.core.api.score.stream.ConstraintFactory;
import ai.timefold.solver.core.api.score.stream.ConstraintProvider;
import ai.timefold.solver.core.api.score.stream.Joiners;
import org.patchcare.downtime.domain.ConflictRules;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

/**
 * The rules of a downtime plan as Timefold constraint streams. Hard rules are the downtime conflict rules (blackout,
 * device already down, redundancy group below minimum, technician double-booked: the same rules as
 * {@code ConflictService}) plus technician skills and daily hours, the vendor engineer present, inside the horizon.
 * Medium: hours late after the due date, weighted by the SSVC outcome. Soft: urgent work early, low-census hours,
 * one visit per model and per place, an even load. Each match carries a {@link Finding} in words.
 */
public class PlanConstraints implements ConstraintProvider {

    public static final String BLACKOUT = "Blackout";
    public static final String DEVICE_DOWN = "Device already down";
    public static final String REDUNDANCY = "Redundancy group below minimum";
    public static final String DOUBLE_BOOKED = "Technician double-booked";
    public static final String TECH_BOOKED = "Technician booked elsewhere";
    public static final String SKILL = "Technician lacks the skill";
    public static final String DAILY_HOURS = "Technician over daily hours";
    public static final String VENDOR = "Vendor engineer not on site";
    public static final String HORIZON = "Window outside the horizon";
    public static final String DUE = "Due date";
    public static final String URGENT_EARLY = "Urgent work first";
    public static final String LOW_CENSUS = "Low-census hours";
    public static final String SAME_MODEL = "One visit per model";
    public static final String SAME_PLACE = "One visit per place";
    public static final String EVEN_LOAD = "Even technician load";

    /** The hard rules shared with the downtime conflict check (ADR 16). */
    public static final List<String> HARD = List.of(BLACKOUT, DEVICE_DOWN, REDUNDANCY, DOUBLE_BOOKED, TECH_BOOKED,
            SKILL, DAILY_HOURS, VENDOR, HORIZON);

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);

    @Override
    public Constraint[] defineConstraints(ConstraintFactory f) {
        return new Constraint[]{
                blackout(f), deviceDown(f), vendor(f), horizon(f), skill(f), technicianBooked(f), doubleBooked(f),
                dailyHours(f), redundancy(f),
                dueDate(f), urgentEarly(f), lowCensus(f), sameModel(f), samePlace(f), evenLoad(f)};
    }

    private static String when(PlanTask t) {
        return ConflictRules.span(t.start(), t.end(), t.getZone());
    }

    private static String why(PlanTask t) {
        String r = t.getFacts() == null ? null : t.getFacts().reasons()[t.getSlot().index()];
        return r == null ? "" : ": " + r;
    }

    Constraint blackout(ConstraintFactory f) {
        return f.forEach(PlanTask.class).filter(t -> t.has(PlanTask.BLACKOUT))
                .penalize(HardMediumSoftScore.ONE_HARD)
                .justifyWith((t, s) -> Finding.of(BLACKOUT, t, blackoutText(t)))
                .asConstraint(BLACKOUT);
    }

    Constraint deviceDown(ConstraintFactory f) {
        return f.forEach(PlanTask.class).filter(t -> t.has(PlanTask.DEVICE_DOWN))
                .penalize(HardMediumSoftScore.ONE_HARD)
                .justifyWith((t, s) -> Finding.of(DEVICE_DOWN, t, deviceDownText(t)))
                .asConstraint(DEVICE_DOWN);
    }

    Constraint vendor(ConstraintFactory f) {
        return f.forEach(PlanTask.class).filter(t -> t.has(PlanTask.NO_VENDOR))
                .penalize(HardMediumSoftScore.ONE_HARD)
                .justifyWith((t, s) -> Finding.of(VENDOR, t, vendorText(t)))
                .asConstraint(VENDOR);
    }

    Constraint horizon(ConstraintFactory f) {
        return f.forEach(PlanTask.class).filter(t -> t.has(PlanTask.PAST_HORIZON) && !t.isPinned())
                .penalize(HardMediumSoftScore.ONE_HARD)
                .justifyWith((t, s) -> Finding.of(HORIZON, t, horizonText(t)))
                .asConstraint(HORIZON);
    }

    Constraint skill(ConstraintFactory f) {
        return f.forEach(PlanTask.class).filter(PlanTask::skillMissing)
                .penalize(HardMediumSoftScore.ONE_HARD)
                .justifyWith((t, s) -> Finding.of(SKILL, t, skillText(t)))
                .asConstraint(SKILL);
    }

    Constraint technicianBooked(ConstraintFactory f) {
        return f.forEach(PlanTask.class).filter(t -> !t.isPinned() && t.technicianBooked())
                .penalize(HardMediumSoftScore.ONE_HARD)
                .justifyWith((t, s) -> Finding.of(TECH_BOOKED, t, bookedText(t)))
                .asConstraint(TECH_BOOKED);
    }

    Constraint doubleBooked(ConstraintFactory f) {
        return f.forEachUniquePair(PlanTask.class, Joiners.equal(PlanTask::getTechnician),
                        Joiners.overlapping(PlanTask::start, PlanTask::end))
                .filter((a, b) -> !a.getTechnician().placeholder() && !(a.isPinned() && b.isPinned()))
                .penalize(HardMediumSoftScore.ONE_HARD)
                .justifyWith((a, b, s) -> new Finding(DOUBLE_BOOKED, List.of(a.getAssetTag(), b.getAssetTag()),
                        doubleText(a, b)))
                .asConstraint(DOUBLE_BOOKED);
    }

    Constraint dailyHours(ConstraintFactory f) {
        return f.forEach(PlanTask.class)
                .groupBy(PlanTask::getTechnician, PlanTask::day, sum(PlanTask::getMinutes), toList())
                .filter((tech, day, minutes, tasks) -> !tech.placeholder() && minutes > tech.dailyMinutes())
                .penalize(HardMediumSoftScore.ONE_HARD,
                        (tech, day, minutes, tasks) -> (minutes - tech.dailyMinutes() + 29) / 30)
                .justifyWith((tech, day, minutes, tasks, s) -> new Finding(DAILY_HOURS,
                        tasks.stream().map(PlanTask::getAssetTag).toList(), dailyText(tech, day, minutes)))
                .asConstraint(DAILY_HOURS);
    }

    Constraint redundancy(ConstraintFactory f) {
        return f.forEach(GroupMember.class)
                .join(PlanTask.class, Joiners.equal(GroupMember::deviceId, PlanTask::getId))
                .groupBy((m, t) -> m.group(), toList((m, t) -> t))
                .filter(PlanGroup::broken)
                .penalize(HardMediumSoftScore.ONE_HARD)
                .justifyWith((g, tasks, s) -> new Finding(REDUNDANCY, tasks.stream().map(PlanTask::getAssetTag)
                        .toList(), g.conflict(tasks).map(ConflictRules.Conflict::message).orElse(g.name())))
                .asConstraint(REDUNDANCY);
    }

    Constraint dueDate(ConstraintFactory f) {
        return f.forEach(PlanTask.class).filter(t -> t.hoursLate() > 0)
                .penalize(HardMediumSoftScore.ONE_MEDIUM, t -> t.hoursLate() * t.getPriority().lateWeight())
                .justifyWith((t, s) -> Finding.of(DUE, t, dueText(t)))
                .asConstraint(DUE);
    }

    Constraint urgentEarly(ConstraintFactory f) {
        return f.forEach(PlanTask.class).filter(t -> t.getPriority().urgent() && !t.isPinned())
                .penalize(HardMediumSoftScore.ONE_SOFT,
                        t -> t.hoursFromStart() * (t.getPriority() == Priority.IMMEDIATE ? 2 : 1))
                .justifyWith((t, s) -> Finding.of(URGENT_EARLY, t, urgentText(t)))
                .asConstraint(URGENT_EARLY);
    }

    Constraint lowCensus(ConstraintFactory f) {
        return f.forEach(PlanTask.class).filter(t -> t.has(PlanTask.BUSY_HOURS) && !t.isPinned())
                .penalize(HardMediumSoftScore.ofSoft(10))
                .justifyWith((t, s) -> Finding.of(LOW_CENSUS, t, lowCensusText(t)))
                .asConstraint(LOW_CENSUS);
    }

    Constraint sameModel(ConstraintFactory f) {
        return f.forEach(PlanTask.class).filter(t -> t.getModelKey() != null)
                .groupBy(PlanTask::getModelKey, countDistinct(PlanTask::day), toList())
                .filter((model, days, tasks) -> days > 1)
                .penalize(HardMediumSoftScore.ofSoft(8), (model, days, tasks) -> days - 1)
                .justifyWith((model, days, tasks, s) -> new Finding(SAME_MODEL, tasks.stream()
                        .map(PlanTask::getAssetTag).toList(), sameModelText(model, days, tasks.size())))
                .asConstraint(SAME_MODEL);
    }

    Constraint samePlace(ConstraintFactory f) {
        return f.forEach(PlanTask.class).filter(t -> t.getLocationKey() != null)
                .groupBy(PlanTask::getLocationKey, countDistinct(PlanTask::day), toList())
                .filter((place, days, tasks) -> days > 1)
                .penalize(HardMediumSoftScore.ofSoft(4), (place, days, tasks) -> days - 1)
                .justifyWith((place, days, tasks, s) -> new Finding(SAME_PLACE, tasks.stream()
                        .map(PlanTask::getAssetTag).toList(), samePlaceText(place, days, tasks.size())))
                .asConstraint(SAME_PLACE);
    }

    Constraint evenLoad(ConstraintFactory f) {
        return f.forEach(PlanTask.class).filter(t -> !t.getTechnician().placeholder())
                .groupBy(PlanTask::getTechnician, sum(PlanTask::getMinutes))
                .penalize(HardMediumSoftScore.ONE_SOFT, (tech, minutes) -> (long) (minutes / 30) * (minutes / 30))
                .justifyWith((tech, minutes, s) -> new Finding(EVEN_LOAD, List.of(), tech + " has " + minutes / 60
                        + " h " + minutes % 60 + " min of work in this plan"))
                .asConstraint(EVEN_LOAD);
    }

    // ---- the sentences (also used by Explanations: Timefold's score analysis is an enterprise feature in 2.x) ----

    static String blackoutText(PlanTask t) {
        return t.display() + " at " + when(t) + " is inside a blackout" + why(t);
    }

    static String deviceDownText(PlanTask t) {
        return t.display() + " at " + when(t) + why(t);
    }

    static String vendorText(PlanTask t) {
        return t.display() + " needs a " + t.getVendor() + " engineer, and none is on site " + when(t);
    }

    static String horizonText(PlanTask t) {
        return t.display() + " (" + t.getMinutes() + " min) does not fit before the end of the horizon";
    }

    static String skillText(PlanTask t) {
        return t.getTechnician() + " is not trained for " + t.display() + (t.getSkill() == null ? ""
                : " (needs '" + t.getSkill() + "')");
    }

    static String bookedText(PlanTask t) {
        return t.getTechnician() + " is already booked " + when(t);
    }

    static String doubleText(PlanTask a, PlanTask b) {
        return a.getTechnician() + " would work on " + a.getAssetTag() + " and " + b.getAssetTag()
                + " at the same time (" + when(a) + ")";
    }

    static String dailyText(PlanTechnician tech, java.time.LocalDate day, long minutes) {
        return tech + " would work " + minutes + " min on " + DAY.format(day) + ", more than " + tech.dailyMinutes()
                + " min a day";
    }

    static String dueText(PlanTask t) {
        return t.display() + " is scheduled " + Explanations.late(t) + " after its due date (" + t.getPriority().label()
                + ")";
    }

    static String urgentText(PlanTask t) {
        return t.display() + " (" + t.getPriority().label() + ") waits " + t.hoursFromStart()
                + " h from the start of the horizon";
    }

    static String lowCensusText(PlanTask t) {
        return t.display() + " at " + when(t) + " is outside " + t.getDepartment() + "'s low-census hours";
    }

    static String sameModelText(String model, long days, int devices) {
        return "The " + devices + " devices of model " + model + " are spread over " + days + " days";
    }

    static String samePlaceText(String place, long days, int devices) {
        return "The " + devices + " devices at " + place + " need " + days + " visits on different days";
    }
}
