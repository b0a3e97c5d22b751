package org.patchcare.risk.domain;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Derives the four SSVC deployer decision points of an exposure from its facts, applies compensating controls, fresh
 * validation evidence and IT security's overrides, looks the outcome up in the official table, and computes the
 * exposure score. Pure: the same facts, policy and day give the same decision. docs/risk.md explains every rule.
 */
public final class SsvcEvaluator {

    /** Weights of the exposure score; they sum to 100. */
    public static final int W_EXPLOITATION = 30, W_EXPOSURE = 20, W_AUTOMATABLE = 10, W_HUMAN = 25, W_CVSS = 10, W_EPSS = 5;
    public static final int MAX_SCORE = 100;

    // The points of each factor: decide() adds them up, and the exposure report prints its formula from them.

    public static int points(Exploitation e) {
        return W_EXPLOITATION * e.ordinal() / 2;
    }

    public static int points(SystemExposure e) {
        return W_EXPOSURE * e.ordinal() / 2;
    }

    public static int points(Automatable a) {
        return W_AUTOMATABLE * a.ordinal();
    }

    public static int points(HumanImpact h) {
        return Math.round(W_HUMAN * h.ordinal() / 3f);
    }

    /** CVSS base score (capped at 10) scaled to {@link #W_CVSS} points, rounded; 0 when unknown. */
    public static int cvssPoints(Double cvss) {
        return cvss == null ? 0 : (int) Math.round(W_CVSS * Math.min(10, cvss) / 10.0);
    }

    /** EPSS probability (0..1) times {@link #W_EPSS}, rounded; 0 when unknown. */
    public static int epssPoints(Double epss) {
        return epss == null ? 0 : (int) Math.round(W_EPSS * epss);
    }

    private static final Pattern ACTIVE = Pattern.compile(
            "exploited in the wild|actively exploited|active exploitation|known to be exploited|under active attack");
    private static final Pattern POC = Pattern.compile(
            "proof[- ]of[- ]concept|\\bpoc\\b|exploit (code )?(is )?(publicly )?available|metasploit|public exploit|exploits? (integrated|published|exist)");
    private static final Pattern NEGATED = Pattern.compile("\\bno (known )?(public )?(exploit|exploitation)|not (been )?exploited");

    private final RiskPolicy policy;

    public SsvcEvaluator(RiskPolicy policy) {
        this.policy = policy;
    }

    public RiskPolicy policy() {
        return policy;
    }

    public Decision decide(DecisionFacts f, LocalDate today) {
        Optional<DecisionFacts.ValidationFact> evidence = f.validations().stream()
                .filter(v -> !v.testedOn().plusDays(policy.evidenceFreshDays()).isBefore(today))
                .max(Comparator.comparing(DecisionFacts.ValidationFact::testedOn));
        String staleNote = f.validations().isEmpty() || evidence.isPresent() ? ""
                : " (validation evidence older than " + policy.evidenceFreshDays() + " days is stale and ignored)";

        Point<Exploitation> exploitation = exploitation(f, evidence);
        Point<SystemExposure> exposure = systemExposure(f, evidence, today);
        exposure = new Point<>(exposure.value, exposure.why + staleNote);
        Point<Automatable> automatable = automatable(f, today);
        SafetyImpact safety = safety(f.criticality());
        MissionImpact mission = mission(f);
        HumanImpact derivedHuman = SsvcTables.humanImpact(safety, mission);
        Point<HumanImpact> human = new Point<>(derivedHuman, "safety " + safety.label() + " (criticality "
                + readable(f.criticality()) + ") × mission " + mission.label() + " (" + f.departmentName()
                + (f.redundant() ? ", redundant unit: one step lower" : "") + ")");

        exploitation = override(f, DecisionPoint.EXPLOITATION, Exploitation.class, exploitation);
        exposure = override(f, DecisionPoint.SYSTEM_EXPOSURE, SystemExposure.class, exposure);
        automatable = override(f, DecisionPoint.AUTOMATABLE, Automatable.class, automatable);
        human = override(f, DecisionPoint.HUMAN_IMPACT, HumanImpact.class, human);

        Outcome outcome = SsvcTables.outcome(exploitation.value, exposure.value, automatable.value, human.value);
        int[] parts = {points(exploitation.value), points(exposure.value), points(automatable.value),
                points(human.value), cvssPoints(f.cvssScore()), epssPoints(f.epss())};
        int score = Math.min(MAX_SCORE, parts[0] + parts[1] + parts[2] + parts[3] + parts[4] + parts[5]);
        String factors = "exploitation " + exploitation.value.label() + " +" + parts[0]
                + "; system exposure " + exposure.value.label() + " +" + parts[1]
                + "; automatable " + automatable.value.label() + " +" + parts[2]
                + "; human impact " + human.value.label() + " +" + parts[3]
                + "; CVSS " + (f.cvssScore() == null ? "unknown" : f.cvssScore()) + " +" + parts[4]
                + "; EPSS " + (f.epss() == null ? "unknown" : String.format(Locale.ROOT, "%.3f", f.epss())) + " +" + parts[5];
        return new Decision(exploitation.value, exploitation.why, exposure.value, exposure.why, automatable.value,
                automatable.why, safety, mission, human.value, human.why, outcome, score, factors);
    }

    private Point<Exploitation> exploitation(DecisionFacts f, Optional<DecisionFacts.ValidationFact> evidence) {
        if (f.kevAdded() != null) {
            return new Point<>(Exploitation.ACTIVE, f.cve() + " is in CISA's KEV catalogue (added " + f.kevAdded() + ")");
        }
        for (String threat : f.exploitThreats()) {
            String t = threat.toLowerCase(Locale.ROOT);
            if (!NEGATED.matcher(t).find() && ACTIVE.matcher(t).find()) {
                return new Point<>(Exploitation.ACTIVE, "the advisory says: " + clip(threat));
            }
        }
        if (evidence.isPresent() && evidence.get().outcome() == ValidationOutcome.EXPLOITABLE) {
            DecisionFacts.ValidationFact v = evidence.get();
            return new Point<>(Exploitation.PUBLIC_POC, "found exploitable here by " + v.method().label() + " ("
                    + v.tool() + ") on " + v.testedOn());
        }
        for (String threat : f.exploitThreats()) {
            String t = threat.toLowerCase(Locale.ROOT);
            if (!NEGATED.matcher(t).find() && POC.matcher(t).find()) {
                return new Point<>(Exploitation.PUBLIC_POC, "the advisory records an exploit: " + clip(threat));
            }
        }
        if (f.epss() != null && f.epss() >= policy.epssThreshold()) {
            return new Point<>(Exploitation.PUBLIC_POC, String.format(Locale.ROOT,
                    "EPSS %.3f is at or above the threshold %.3f", f.epss(), policy.epssThreshold()));
        }
        return new Point<>(Exploitation.NONE, "not in KEV, no exploit recorded"
                + (f.epss() == null ? ", no EPSS score" : String.format(Locale.ROOT, ", EPSS %.3f below %.3f",
                f.epss(), policy.epssThreshold())));
    }

    private Point<SystemExposure> systemExposure(DecisionFacts f, Optional<DecisionFacts.ValidationFact> evidence,
                                                 LocalDate today) {
        String conn = f.connectivity() == null ? "" : f.connectivity();
        SystemExposure base = switch (conn) {
            case "STANDALONE", "ISOLATED_NETWORK" -> SystemExposure.SMALL;
            case "INTERNET_REACHABLE" -> SystemExposure.OPEN;
            case "CLINICAL_NETWORK" -> policy.clinicalNetwork();
            case "HOSPITAL_NETWORK" -> policy.hospitalNetwork();
            default -> SystemExposure.OPEN;
        };
        String why = readable(conn) + (f.networkSegment() == null ? "" : " (segment " + f.networkSegment() + ")")
                + " → " + base.label();
        SystemExposure value = base;
        Optional<DecisionFacts.ControlFact> control = f.controls().stream()
                .filter(c -> c.point() == DecisionPoint.SYSTEM_EXPOSURE && c.activeOn(today)).findFirst();
        if (control.isPresent() && value != SystemExposure.SMALL) {
            SystemExposure lowered = SystemExposure.values()[value.ordinal() - 1];
            why += "; " + control.get().describe() + " moves " + value.label() + " to " + lowered.label();
            value = lowered;
        }
        if (evidence.isPresent() && evidence.get().outcome() != ValidationOutcome.EXPLOITABLE && value != SystemExposure.SMALL) {
            DecisionFacts.ValidationFact v = evidence.get();
            why += "; " + v.method().label() + " (" + v.tool() + ", " + v.testedOn() + ") found it "
                    + (v.outcome() == ValidationOutcome.NOT_REACHABLE ? "not reachable"
                    : "blocked" + (v.controlTitle() == null ? "" : " by " + v.controlTitle())) + " → small";
            value = SystemExposure.SMALL;
        }
        return new Point<>(value, why);
    }

    private Point<Automatable> automatable(DecisionFacts f, LocalDate today) {
        Point<Automatable> p = fromVector(f.cvssVector());
        Optional<DecisionFacts.ControlFact> control = f.controls().stream()
                .filter(c -> c.point() == DecisionPoint.AUTOMATABLE && c.activeOn(today)).findFirst();
        if (control.isPresent() && p.value == Automatable.YES) {
            return new Point<>(Automatable.NO, p.why + "; " + control.get().describe() + " stops automated exploitation → no");
        }
        return p;
    }

    static Point<Automatable> fromVector(String vector) {
        if (vector == null || vector.isBlank()) {
            return new Point<>(Automatable.NO, "no CVSS vector: assumed no");
        }
        String v = "/" + vector.strip().toUpperCase(Locale.ROOT) + "/";
        boolean network = v.contains("/AV:N/");
        boolean noPrivileges = v.contains("/PR:N/") || v.contains("/AU:N/");
        boolean noInteraction = v.contains("/UI:N/") || (!v.contains("/UI:") && v.contains("/AU:"));
        boolean yes = network && noPrivileges && noInteraction;
        return new Point<>(yes ? Automatable.YES : Automatable.NO, "CVSS " + (network ? "network attack vector" : "attack vector not network")
                + (noPrivileges ? ", no privileges" : ", privileges required")
                + (noInteraction ? ", no user interaction" : ", user interaction required") + " → " + (yes ? "yes" : "no"));
    }

    static SafetyImpact safety(String criticality) {
        return switch (criticality == null ? "" : criticality) {
            case "LIFE_SUSTAINING" -> SafetyImpact.CATASTROPHIC;
            case "LIFE_SUPPORTING" -> SafetyImpact.CRITICAL;
            case "DIAGNOSTIC", "THERAPEUTIC_NON_CRITICAL" -> SafetyImpact.MARGINAL;
            default -> SafetyImpact.NEGLIGIBLE;
        };
    }

    static MissionImpact mission(DecisionFacts f) {
        MissionImpact m = f.departmentMission() == null ? MissionImpact.MEF_SUPPORT_CRIPPLED : f.departmentMission();
        return f.redundant() && m.ordinal() > 0 ? MissionImpact.values()[m.ordinal() - 1] : m;
    }

    private static <E extends Enum<E>> Point<E> override(DecisionFacts f, DecisionPoint point, Class<E> type, Point<E> derived) {
        DecisionFacts.OverrideFact o = f.overrides().get(point);
        if (o == null) {
            return derived;
        }
        E value = Enum.valueOf(type, o.value());
        return new Point<>(value, "overridden by " + o.actor() + ": " + clip(o.reason()) + " (derived: "
                + derived.value.toString().toLowerCase(Locale.ROOT).replace('_', ' ') + ", " + derived.why + ")");
    }

    private static String readable(String enumName) {
        return enumName == null || enumName.isEmpty() ? "unknown connectivity"
                : enumName.charAt(0) + enumName.substring(1).toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    private static String clip(String s) {
        String t = s.strip().replaceAll("\\s+", " ");
        return t.length() > 200 ? t.substring(0, 199) + "…" : t;
    }

    /** A derived value with its evidence. */
    record Point<E>(E value, String why) {
    }
}
