package org.patchcare.risk.ui;

import com.vaadin.flow.component.html.Span;
import org.patchcare.risk.domain.Automatable;
import org.patchcare.risk.domain.DecisionPoint;
import org.patchcare.risk.domain.Exploitation;
import org.patchcare.risk.domain.HumanImpact;
import org.patchcare.risk.domain.Outcome;
import org.patchcare.risk.domain.SystemExposure;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * How the risk screens show outcomes, decision points and due times: coloured badges and chips, and the plain words a
 * clinical manager can read without training (each SSVC term has a tooltip).
 */
public final class RiskFormats {

    static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT)
            .withZone(ZoneId.systemDefault());

    /** Outcomes, most urgent first (the order of the queue, the bars and the legend). */
    static final List<Outcome> URGENT_FIRST = List.of(Outcome.IMMEDIATE, Outcome.OUT_OF_CYCLE, Outcome.SCHEDULED,
            Outcome.DEFER);

    private RiskFormats() {
    }

    static String day(Instant i) {
        return i == null ? "—" : DAY.format(i);
    }

    // ---- outcomes --------------------------------------------------------------------------

    /** "Immediate", "Out-of-cycle", "Scheduled", "Defer". */
    static String outcomeName(String outcome) {
        String label = Outcome.valueOf(outcome).label();
        return Character.toUpperCase(label.charAt(0)) + label.substring(1);
    }

    /** The CSS class of an outcome: immediate, out_of_cycle, scheduled, defer. */
    static String outcomeClass(String outcome) {
        return outcome.toLowerCase(Locale.ROOT);
    }

    /** The outcome as a coloured badge (immediate red, out-of-cycle orange, scheduled blue, defer grey). */
    public static Span outcomeBadge(String outcome) {
        Span s = new Span(outcomeName(outcome));
        s.addClassNames("pc-badge", "pc-outcome", outcomeClass(outcome));
        s.getElement().setAttribute("title", outcomeMeaning(outcome, null));
        return s;
    }

    /** What an outcome asks people to do, in plain words; with the due time when it is known. */
    static String outcomeMeaning(String outcome, Duration due) {
        String within = due == null ? "" : " within " + duration(due);
        return switch (Outcome.valueOf(outcome)) {
            case IMMEDIATE -> "Act now: patch or protect the device" + within + ", even outside working hours.";
            case OUT_OF_CYCLE -> "Patch" + (due == null ? " soon" : within) + ", outside the normal maintenance cycle.";
            case SCHEDULED -> "Patch in the next planned maintenance" + (due == null ? "" : "," + within) + ".";
            case DEFER -> "No action needed now; review" + (due == null ? " later" : within) + ".";
        };
    }

    /** The first words of the explaining sentence: what to do and by when. */
    static String action(String outcome, Duration due) {
        String within = due == null ? "" : " within " + duration(due);
        return switch (Outcome.valueOf(outcome)) {
            case IMMEDIATE -> "Act" + within;
            case OUT_OF_CYCLE -> "Patch" + within;
            case SCHEDULED -> "Patch in the next planned maintenance" + (due == null ? "" : "," + within);
            case DEFER -> "No action needed now" + (due == null ? "" : "; review" + within);
        };
    }

    /** "72 hours", "14 days", "1 day": hours up to three days, days beyond. */
    static String duration(Duration d) {
        long hours = d.toHours();
        if (hours <= 72 || d.toHoursPart() != 0) {
            return hours + (hours == 1 ? " hour" : " hours");
        }
        long days = d.toDays();
        return days + (days == 1 ? " day" : " days");
    }

    // ---- decision points ---------------------------------------------------------------------

    /** The question behind a decision point, in plain words (tooltips and card subtitles). */
    static String question(String point) {
        return switch (DecisionPoint.valueOf(point)) {
            case EXPLOITATION -> "Is anyone attacking this weakness, or is attack code public?";
            case SYSTEM_EXPOSURE -> "How easily can an attacker reach this device over the network?";
            case AUTOMATABLE -> "Can an attacker exploit this without anyone's help, over the network?";
            case HUMAN_IMPACT -> "How badly could patients and care be harmed if this device were attacked?";
        };
    }

    /** How PatchCare decides a point, naming the sources (the info icon's tooltip). */
    static String howDecided(String point) {
        return switch (DecisionPoint.valueOf(point)) {
            case EXPLOITATION -> "Active when the CVE is in CISA's list of Known Exploited Vulnerabilities (KEV) or the "
                    + "vendor reports attacks; public PoC (proof of concept) when attack code is published, our own "
                    + "test found it exploitable, or EPSS (a predicted chance of attack) is high.";
            case SYSTEM_EXPOSURE -> "From the device's network: small when standalone or on an isolated network, "
                    + "controlled on the clinical network, open on the hospital network or the internet. A protective "
                    + "control or a test that found it unreachable lowers it.";
            case AUTOMATABLE -> "Yes when the vendor's CVSS rating says the attack works over the network, needs no "
                    + "login and nobody's help; a control that stops automated attacks makes it no.";
            case HUMAN_IMPACT -> "From how critical the device is for patients (safety) and what its department loses "
                    + "while it is down (mission); one step lower when a spare unit can take over.";
        };
    }

    /** What the score's CVSS and EPSS factors mean (tooltip of the score legend). */
    static final String SCORE_TERMS = "CVSS: the weakness's severity from 0 to 10 as the vendor rates it. EPSS: the "
            + "predicted chance (0 to 1) that the weakness is attacked within 30 days.";

    /** The label a person reads for a decision point ("Exposure" is short for SSVC's "System exposure"). */
    static String pointLabel(String point) {
        DecisionPoint p = DecisionPoint.valueOf(point);
        return p == DecisionPoint.SYSTEM_EXPOSURE ? "Exposure" : p.label();
    }

    /** The enum names a decision point may take, lowest first. */
    static List<String> values(String point) {
        Enum<?>[] all = switch (DecisionPoint.valueOf(point)) {
            case EXPLOITATION -> Exploitation.values();
            case SYSTEM_EXPOSURE -> SystemExposure.values();
            case AUTOMATABLE -> Automatable.values();
            case HUMAN_IMPACT -> HumanImpact.values();
        };
        return Arrays.stream(all).map(Enum::name).toList();
    }

    /** SSVC's label of a value, e.g. "public PoC", "very high". */
    static String valueLabel(String point, String value) {
        return switch (DecisionPoint.valueOf(point)) {
            case EXPLOITATION -> Exploitation.valueOf(value).label();
            case SYSTEM_EXPOSURE -> SystemExposure.valueOf(value).label();
            case AUTOMATABLE -> Automatable.valueOf(value).label();
            case HUMAN_IMPACT -> HumanImpact.valueOf(value).label();
        };
    }

    /** What a value means, in one plain sentence. */
    static String meaning(String point, String value) {
        return switch (DecisionPoint.valueOf(point)) {
            case EXPLOITATION -> switch (Exploitation.valueOf(value)) {
                case ACTIVE -> "Attackers are known to be using this weakness.";
                case PUBLIC_POC -> "Attack code is public (a \"proof of concept\") or an attack is likely, but no attacks are known yet.";
                case NONE -> "No attacks and no public attack code are known.";
            };
            case SYSTEM_EXPOSURE -> switch (SystemExposure.valueOf(value)) {
                case OPEN -> "The device can be reached from the wider hospital network or the internet.";
                case CONTROLLED -> "The device can be reached only through a protected network.";
                case SMALL -> "The device is standalone or on an isolated network: hard to reach.";
            };
            case AUTOMATABLE -> switch (Automatable.valueOf(value)) {
                case YES -> "An attacker could exploit it over the network without anyone's help.";
                case NO -> "An attack needs someone's help, physical access or extra steps.";
            };
            case HUMAN_IMPACT -> switch (HumanImpact.valueOf(value)) {
                case VERY_HIGH -> "An attack could endanger patients' lives or stop essential care.";
                case HIGH -> "An attack could seriously harm patients or disrupt care.";
                case MEDIUM -> "An attack could harm patients or disrupt care to a limited extent.";
                case LOW -> "An attack would barely affect patients or care.";
            };
        };
    }

    /** low, mid or high: how much a value raises the priority (the chip's colour). */
    static String level(String point, String value) {
        List<String> all = values(point);
        int i = all.indexOf(value);
        if (i <= 0) {
            return "lvl-low";
        }
        boolean top = i == all.size() - 1 || all.size() > 3 && i >= all.size() - 2; // human impact: high and very high
        return top ? "lvl-high" : "lvl-mid";
    }

    /**
     * A decision point as a small chip: "Exploitation active", coloured by how much it raises the priority, marked
     * "✎" when IT security overrode it; the tooltip asks the point's question.
     */
    static Span chip(String point, String value, boolean overridden) {
        Span key = new Span(pointLabel(point));
        key.addClassName("k");
        Span chip = new Span(key, new Span(" " + valueLabel(point, value) + (overridden ? " ✎" : "")));
        chip.addClassNames("pc-chip", level(point, value));
        if (overridden) {
            chip.addClassName("overridden");
        }
        chip.getElement().setAttribute("title", pointLabel(point) + ": " + question(point) + " " + meaning(point, value)
                + (overridden ? " (Overridden by IT security.)" : ""));
        return chip;
    }
}
