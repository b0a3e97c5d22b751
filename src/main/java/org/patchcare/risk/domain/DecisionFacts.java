package org.patchcare.risk.domain;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * Everything the decision of one exposure is derived from, read from the inventory, the advisory, the threat feeds
 * and the risk context's own records. Connectivity and criticality are the inventory's enum names.
 *
 * @param kevAdded         the date CISA added the CVE to KEV, or null when it is not in the current catalogue
 * @param exploitThreats   the advisory's "exploit_status" threat texts for this CVE
 * @param epss             FIRST EPSS probability (0–1), or null when unknown
 * @param departmentMission the department's mission impact when one of its devices is down
 */
public record DecisionFacts(String cve, Double cvssScore, String cvssVector, LocalDate kevAdded,
                            List<String> exploitThreats, Double epss, String connectivity, String networkSegment,
                            String criticality, MissionImpact departmentMission, String departmentName,
                            boolean redundant, List<ControlFact> controls, List<ValidationFact> validations,
                            Map<DecisionPoint, OverrideFact> overrides) {

    public DecisionFacts {
        exploitThreats = exploitThreats == null ? List.of() : List.copyOf(exploitThreats);
        controls = controls == null ? List.of() : List.copyOf(controls);
        validations = validations == null ? List.of() : List.copyOf(validations);
        overrides = overrides == null ? Map.of() : Map.copyOf(overrides);
    }

    /** A compensating control attached to the exposure for one decision point. */
    public record ControlFact(String publicId, String title, String reference, ControlType type, DecisionPoint point,
                              ControlStatus status, LocalDate appliedOn, LocalDate expiresOn) {

        public boolean activeOn(LocalDate day) {
            return status == ControlStatus.ACTIVE && !appliedOn.isAfter(day) && !expiresOn.isBefore(day);
        }

        public String describe() {
            return CompensatingControl.describe(type, title, reference);
        }
    }

    /** A validation result; the newest fresh one counts. */
    public record ValidationFact(ValidationOutcome outcome, ValidationMethod method, String tool, LocalDate testedOn,
                                 String controlTitle) {
    }

    /** IT security's override of one point: the value's enum name and the reason. */
    public record OverrideFact(String value, String reason, String actor) {
    }
}
