package org.patchcare.risk.domain;

/**
 * The SSVC deployer decision of one exposure with the evidence for each point, the 0–100 exposure score and the
 * factors it was summed from. {@code mission} and {@code safety} are the inputs of human impact.
 */
public record Decision(Exploitation exploitation, String exploitationWhy,
                       SystemExposure systemExposure, String systemExposureWhy,
                       Automatable automatable, String automatableWhy,
                       SafetyImpact safety, MissionImpact mission, HumanImpact humanImpact, String humanImpactWhy,
                       Outcome outcome, int score, String scoreFactors) {

    /** True when the points, outcome or score differ (the evidence text alone does not count as a change). */
    public boolean differsFrom(Decision o) {
        return o == null || exploitation != o.exploitation || systemExposure != o.systemExposure
                || automatable != o.automatable || humanImpact != o.humanImpact || outcome != o.outcome
                || score != o.score;
    }

    /** One line for the history: which points moved. */
    public String changeSummary(Decision before) {
        if (before == null) {
            return "First decision: " + points();
        }
        StringBuilder b = new StringBuilder();
        append(b, "exploitation", before.exploitation.label(), exploitation.label());
        append(b, "system exposure", before.systemExposure.label(), systemExposure.label());
        append(b, "automatable", before.automatable.label(), automatable.label());
        append(b, "human impact", before.humanImpact.label(), humanImpact.label());
        append(b, "score", String.valueOf(before.score), String.valueOf(score));
        return b.isEmpty() ? "No change" : b.toString();
    }

    public String points() {
        return "exploitation " + exploitation.label() + ", system exposure " + systemExposure.label()
                + ", automatable " + automatable.label() + ", human impact " + humanImpact.label()
                + " → " + outcome.label();
    }

    private static void append(StringBuilder b, String what, String from, String to) {
        if (!from.equals(to)) {
            if (!b.isEmpty()) {
                b.append("; ");
            }
            b.append(what).append(' ').append(from).append(" → ").append(to);
        }
    }
}
