package org.patchcare.risk.ui;

import org.patchcare.risk.application.RiskViews.DecisionDetails;
import org.patchcare.risk.application.RiskViews.PointView;
import org.patchcare.risk.domain.DecisionPoint;
import org.patchcare.risk.domain.Outcome;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The one sentence that explains an exposure's decision in plain words, e.g. "Patch within 14 days (out-of-cycle): the
 * CVE is actively exploited (CISA KEV) and this infusion pump is on the clinical network." It names what to do and by
 * when, then the reasons that drive the priority: exploitation and reach always, automation when an attack needs no
 * help, and the human impact when it is high or low.
 */
final class DecisionSentence {

    private static final Set<String> NETWORKED = Set.of("CLINICAL_NETWORK", "HOSPITAL_NETWORK", "INTERNET_REACHABLE");
    private static final Set<String> UNNETWORKED = Set.of("STANDALONE", "ISOLATED_NETWORK");

    private DecisionSentence() {
    }

    static String of(DecisionDetails d) {
        if (!"AFFECTED".equals(d.state()) && !"UNDER_INVESTIGATION".equals(d.state())) {
            return "Nothing to do: this " + noun(d.deviceType()) + " is "
                    + ("FIXED".equals(d.state()) ? "patched" : "not affected") + " for " + d.cve() + ".";
        }
        Duration due = d.clockStartedAt() == null || d.dueAt() == null ? null
                : Duration.between(d.clockStartedAt(), d.dueAt());
        List<String> reasons = new ArrayList<>();
        reasons.add(exploitation(point(d, DecisionPoint.EXPLOITATION)));
        reasons.add(exposure(point(d, DecisionPoint.SYSTEM_EXPOSURE), noun(d.deviceType()), d.connectivity()));
        PointView automatable = point(d, DecisionPoint.AUTOMATABLE);
        if (automatable != null && "YES".equals(automatable.value())) {
            reasons.add("it can be attacked over the network without anyone's help");
        }
        String human = human(point(d, DecisionPoint.HUMAN_IMPACT));
        if (human != null) {
            reasons.add(human);
        }
        reasons.removeIf(r -> r == null);
        return RiskFormats.action(d.outcome(), due) + " (" + Outcome.valueOf(d.outcome()).label() + "): "
                + join(reasons) + ".";
    }

    private static PointView point(DecisionDetails d, DecisionPoint p) {
        return d.points().stream().filter(x -> x.point().equals(p.name())).findFirst().orElse(null);
    }

    private static String exploitation(PointView p) {
        if (p == null) {
            return null;
        }
        String why = p.why() == null ? "" : p.why();
        return switch (p.value()) {
            case "ACTIVE" -> "the CVE is actively exploited" + (p.overridden() ? " (IT security's assessment)"
                    : why.contains("KEV") ? " (CISA KEV)" : " (the vendor's advisory says so)");
            case "PUBLIC_POC" -> p.overridden() ? "attack code for the CVE is public (IT security's assessment)"
                    : why.startsWith("found exploitable here") ? "our own test found the CVE exploitable"
                    : why.contains("EPSS") ? "an attack on the CVE is likely (EPSS prediction)"
                    : "attack code for the CVE is public";
            default -> "no attacks on the CVE are known";
        };
    }

    private static String exposure(PointView p, String noun, String connectivity) {
        if (p == null) {
            return null;
        }
        String device = "this " + noun;
        String where = connectivity == null ? null : switch (connectivity) {
            case "STANDALONE" -> "is standalone (not on a network)";
            case "ISOLATED_NETWORK" -> "is on an isolated network";
            case "CLINICAL_NETWORK" -> "is on the clinical network";
            case "HOSPITAL_NETWORK" -> "is on the hospital network";
            case "INTERNET_REACHABLE" -> "is reachable from the internet";
            default -> null;
        };
        String byValue = switch (p.value()) {
            case "SMALL" -> "is hard to reach";
            case "CONTROLLED" -> "can be reached only through a protected network";
            default -> "is openly reachable on the network";
        };
        if (p.overridden() || where == null) {
            return device + " " + byValue + (p.overridden() ? " (IT security's assessment)" : "");
        }
        boolean networked = NETWORKED.contains(connectivity);
        if ("SMALL".equals(p.value()) && networked) {
            return device + " " + where + ", but protections make it hard to reach";
        }
        if ("CONTROLLED".equals(p.value()) && ("HOSPITAL_NETWORK".equals(connectivity)
                || "INTERNET_REACHABLE".equals(connectivity))) {
            return device + " " + where + ", but protections limit who can reach it";
        }
        if (!"SMALL".equals(p.value()) && UNNETWORKED.contains(connectivity)) {
            return device + " " + byValue;
        }
        return device + " " + where;
    }

    private static String human(PointView p) {
        if (p == null) {
            return null;
        }
        return switch (p.value()) {
            case "VERY_HIGH" -> "an attack could endanger patients' lives or stop essential care";
            case "HIGH" -> "an attack could seriously harm patients or disrupt care";
            case "LOW" -> "an attack would barely affect patients or care";
            default -> null;
        };
    }

    /** "infusion pump" from the inventory's device type; "device" when unknown. */
    static String noun(String deviceType) {
        if (deviceType == null || deviceType.isBlank()) {
            return "device";
        }
        String t = deviceType.strip();
        // keep acronyms such as "CT scanner" or "PACS workstation" as they are
        String first = t.split(" ", 2)[0];
        boolean acronym = first.length() > 1 && first.equals(first.toUpperCase(Locale.ROOT));
        return acronym ? t : Character.toLowerCase(t.charAt(0)) + t.substring(1);
    }

    private static String join(List<String> parts) {
        if (parts.size() <= 1) {
            return parts.isEmpty() ? "" : parts.getFirst();
        }
        return String.join(", ", parts.subList(0, parts.size() - 1)) + " and " + parts.getLast();
    }
}
