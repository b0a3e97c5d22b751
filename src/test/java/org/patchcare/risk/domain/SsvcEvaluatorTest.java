package org.patchcare.risk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

class SsvcEvaluatorTest {

    static final LocalDate TODAY = LocalDate.of(2026, 11, 23);
    static final String NETWORK = "CVSS:3.0/AV:N/AC:H/PR:N/UI:N/S:U/C:H/I:H/A:H";
    final SsvcEvaluator evaluator = new SsvcEvaluator(RiskPolicy.defaults());

    /** An infusion pump on the internet, CVE in KEV, network-exploitable: the worst case. */
    static DecisionFacts pump() {
        return new DecisionFacts("CVE-2017-0143", 8.1, NETWORK, LocalDate.of(2022, 3, 25), List.of(), 0.94,
                "INTERNET_REACHABLE", "pump-vlan", "LIFE_SUSTAINING", MissionImpact.MEF_FAILURE, "Intensive care", false,
                List.of(), List.of(), Map.of());
    }

    static DecisionFacts with(DecisionFacts f, String connectivity, LocalDate kev, Double epss, List<DecisionFacts.ControlFact> controls,
                              List<DecisionFacts.ValidationFact> validations, Map<DecisionPoint, DecisionFacts.OverrideFact> overrides) {
        return new DecisionFacts(f.cve(), f.cvssScore(), f.cvssVector(), kev, f.exploitThreats(), epss, connectivity,
                f.networkSegment(), f.criticality(), f.departmentMission(), f.departmentName(), f.redundant(), controls,
                validations, overrides);
    }

    static DecisionFacts.ControlFact ips(DecisionPoint point, LocalDate expires, ControlStatus status) {
        return new DecisionFacts.ControlFact("c1", "Block SMBv1", "SID 41978", ControlType.IPS_IDS_RULE, point, status,
                TODAY.minusDays(10), expires);
    }

    @Test
    void a_kev_listed_network_exploitable_flaw_in_an_internet_reachable_life_sustaining_pump_is_immediate() {
        Decision d = evaluator.decide(pump(), TODAY);
        assertThat(d.exploitation()).isEqualTo(Exploitation.ACTIVE);
        assertThat(d.exploitationWhy()).contains("KEV").contains("2022-03-25");
        assertThat(d.systemExposure()).isEqualTo(SystemExposure.OPEN);
        assertThat(d.automatable()).isEqualTo(Automatable.YES);
        assertThat(d.safety()).isEqualTo(SafetyImpact.CATASTROPHIC);
        assertThat(d.humanImpact()).isEqualTo(HumanImpact.VERY_HIGH);
        assertThat(d.outcome()).isEqualTo(Outcome.IMMEDIATE);
        assertThat(d.score()).isEqualTo(30 + 20 + 10 + 25 + 8 + 5);
    }

    @Test
    void an_active_ips_rule_moves_open_to_controlled_and_says_so() {
        Decision d = evaluator.decide(with(pump(), "INTERNET_REACHABLE", pump().kevAdded(), 0.94,
                List.of(ips(DecisionPoint.SYSTEM_EXPOSURE, TODAY.plusDays(30), ControlStatus.ACTIVE)), List.of(), Map.of()), TODAY);
        assertThat(d.systemExposure()).isEqualTo(SystemExposure.CONTROLLED);
        assertThat(d.systemExposureWhy()).contains("Block SMBv1").contains("SID 41978").contains("open to controlled");
        assertThat(d.outcome()).isEqualTo(Outcome.OUT_OF_CYCLE);
    }

    @Test
    void an_expired_or_withdrawn_control_changes_nothing() {
        for (DecisionFacts.ControlFact c : List.of(ips(DecisionPoint.SYSTEM_EXPOSURE, TODAY.minusDays(1), ControlStatus.ACTIVE),
                ips(DecisionPoint.SYSTEM_EXPOSURE, TODAY.plusDays(9), ControlStatus.WITHDRAWN))) {
            Decision d = evaluator.decide(with(pump(), "INTERNET_REACHABLE", pump().kevAdded(), 0.94, List.of(c),
                    List.of(), Map.of()), TODAY);
            assertThat(d.systemExposure()).isEqualTo(SystemExposure.OPEN);
            assertThat(d.outcome()).isEqualTo(Outcome.IMMEDIATE);
        }
    }

    @Test
    void a_control_on_automatable_turns_yes_into_no() {
        Decision d = evaluator.decide(with(pump(), "INTERNET_REACHABLE", pump().kevAdded(), 0.94,
                List.of(ips(DecisionPoint.AUTOMATABLE, TODAY.plusDays(30), ControlStatus.ACTIVE)), List.of(), Map.of()), TODAY);
        assertThat(d.automatable()).isEqualTo(Automatable.NO);
        assertThat(d.outcome()).isEqualTo(Outcome.IMMEDIATE); // active, open, no, very high is still immediate (row 67)
    }

    @Test
    void connectivity_maps_to_system_exposure_with_the_configurable_network_rule() {
        assertThat(evaluator.decide(with(pump(), "STANDALONE", null, null, List.of(), List.of(), Map.of()), TODAY)
                .systemExposure()).isEqualTo(SystemExposure.SMALL);
        assertThat(evaluator.decide(with(pump(), "ISOLATED_NETWORK", null, null, List.of(), List.of(), Map.of()), TODAY)
                .systemExposure()).isEqualTo(SystemExposure.SMALL);
        assertThat(evaluator.decide(with(pump(), "CLINICAL_NETWORK", null, null, List.of(), List.of(), Map.of()), TODAY)
                .systemExposure()).isEqualTo(SystemExposure.CONTROLLED);
        assertThat(evaluator.decide(with(pump(), "HOSPITAL_NETWORK", null, null, List.of(), List.of(), Map.of()), TODAY)
                .systemExposure()).isEqualTo(SystemExposure.OPEN);
        SsvcEvaluator strict = new SsvcEvaluator(new RiskPolicy(0.1, SystemExposure.OPEN, SystemExposure.OPEN,
                RiskPolicy.defaultDue(), 90, 14));
        assertThat(strict.decide(with(pump(), "CLINICAL_NETWORK", null, null, List.of(), List.of(), Map.of()), TODAY)
                .systemExposure()).isEqualTo(SystemExposure.OPEN);
    }

    @Test
    void epss_at_or_above_the_threshold_counts_as_public_poc_and_below_as_none() {
        assertThat(evaluator.decide(with(pump(), "CLINICAL_NETWORK", null, 0.10, List.of(), List.of(), Map.of()), TODAY)
                .exploitation()).isEqualTo(Exploitation.PUBLIC_POC);
        Decision low = evaluator.decide(with(pump(), "CLINICAL_NETWORK", null, 0.0999, List.of(), List.of(), Map.of()), TODAY);
        assertThat(low.exploitation()).isEqualTo(Exploitation.NONE);
        assertThat(low.exploitationWhy()).contains("0.100");
    }

    @Test
    void the_advisorys_exploit_status_threat_is_read_and_a_negation_is_not_mistaken_for_exploitation() {
        DecisionFacts base = with(pump(), "CLINICAL_NETWORK", null, null, List.of(), List.of(), Map.of());
        DecisionFacts metasploit = new DecisionFacts(base.cve(), 8.1, NETWORK, null, List.of("Reliable exploits integrated in Metasploit."),
                null, "CLINICAL_NETWORK", null, "LIFE_SUSTAINING", MissionImpact.MEF_FAILURE, "ICU", false, List.of(), List.of(), Map.of());
        assertThat(evaluator.decide(metasploit, TODAY).exploitation()).isEqualTo(Exploitation.PUBLIC_POC);
        DecisionFacts wild = new DecisionFacts(base.cve(), 8.1, NETWORK, null, List.of("This vulnerability is exploited in the wild."),
                null, "CLINICAL_NETWORK", null, "LIFE_SUSTAINING", MissionImpact.MEF_FAILURE, "ICU", false, List.of(), List.of(), Map.of());
        assertThat(evaluator.decide(wild, TODAY).exploitation()).isEqualTo(Exploitation.ACTIVE);
        DecisionFacts none = new DecisionFacts(base.cve(), 8.1, NETWORK, null,
                List.of("No known public exploits specifically target this vulnerability."), null, "CLINICAL_NETWORK", null,
                "LIFE_SUSTAINING", MissionImpact.MEF_FAILURE, "ICU", false, List.of(), List.of(), Map.of());
        assertThat(evaluator.decide(none, TODAY).exploitation()).isEqualTo(Exploitation.NONE);
    }

    @Test
    void fresh_not_reachable_evidence_makes_exposure_small_but_stale_evidence_is_ignored() {
        DecisionFacts.ValidationFact fresh = new DecisionFacts.ValidationFact(ValidationOutcome.NOT_REACHABLE,
                ValidationMethod.PENETRATION_TEST, "nmap", TODAY.minusDays(90), null);
        DecisionFacts.ValidationFact stale = new DecisionFacts.ValidationFact(ValidationOutcome.NOT_REACHABLE,
                ValidationMethod.PENETRATION_TEST, "nmap", TODAY.minusDays(91), null);
        Decision withFresh = evaluator.decide(with(pump(), "INTERNET_REACHABLE", pump().kevAdded(), 0.9, List.of(),
                List.of(fresh), Map.of()), TODAY);
        assertThat(withFresh.systemExposure()).isEqualTo(SystemExposure.SMALL);
        assertThat(withFresh.systemExposureWhy()).contains("not reachable").contains("nmap");
        Decision withStale = evaluator.decide(with(pump(), "INTERNET_REACHABLE", pump().kevAdded(), 0.9, List.of(),
                List.of(stale), Map.of()), TODAY);
        assertThat(withStale.systemExposure()).isEqualTo(SystemExposure.OPEN);
        assertThat(withStale.systemExposureWhy()).contains("stale");
    }

    @Test
    void validated_exploitable_raises_exploitation_to_public_poc() {
        DecisionFacts.ValidationFact hit = new DecisionFacts.ValidationFact(ValidationOutcome.EXPLOITABLE,
                ValidationMethod.BREACH_AND_ATTACK_SIMULATION, "BAS suite", TODAY.minusDays(2), null);
        Decision d = evaluator.decide(with(pump(), "CLINICAL_NETWORK", null, 0.01, List.of(), List.of(hit), Map.of()), TODAY);
        assertThat(d.exploitation()).isEqualTo(Exploitation.PUBLIC_POC);
        assertThat(d.exploitationWhy()).contains("exploitable here");
    }

    @Test
    void an_override_replaces_the_derived_value_and_keeps_both_in_the_evidence() {
        Decision d = evaluator.decide(with(pump(), "INTERNET_REACHABLE", pump().kevAdded(), 0.94, List.of(), List.of(),
                Map.of(DecisionPoint.EXPLOITATION, new DecisionFacts.OverrideFact("NONE", "vendor confirms the SMB port is closed", "itsec"))), TODAY);
        assertThat(d.exploitation()).isEqualTo(Exploitation.NONE);
        assertThat(d.exploitationWhy()).contains("overridden by itsec").contains("SMB port").contains("derived: active");
        assertThat(d.outcome()).isEqualTo(Outcome.OUT_OF_CYCLE); // none, open, yes, very high (row 23)
    }

    @Test
    void automatable_needs_network_vector_no_privileges_and_no_interaction() {
        assertThat(SsvcEvaluator.fromVector(NETWORK).value()).isEqualTo(Automatable.YES);
        assertThat(SsvcEvaluator.fromVector("CVSS:3.1/AV:N/AC:L/PR:L/UI:N/S:U/C:H/I:H/A:H").value()).isEqualTo(Automatable.NO);
        assertThat(SsvcEvaluator.fromVector("CVSS:3.1/AV:N/AC:L/PR:N/UI:R/S:U/C:H/I:H/A:H").value()).isEqualTo(Automatable.NO);
        assertThat(SsvcEvaluator.fromVector("CVSS:3.0/AV:P/AC:H/PR:N/UI:N/S:C/C:H/I:N/A:N").value()).isEqualTo(Automatable.NO);
        assertThat(SsvcEvaluator.fromVector("AV:N/AC:L/Au:N/C:P/I:P/A:P").value()).isEqualTo(Automatable.YES);
        assertThat(SsvcEvaluator.fromVector(null).value()).isEqualTo(Automatable.NO);
    }

    @Test
    void a_redundant_unit_lowers_mission_impact_one_step() {
        DecisionFacts f = pump();
        DecisionFacts redundant = new DecisionFacts(f.cve(), f.cvssScore(), f.cvssVector(), f.kevAdded(), List.of(), f.epss(),
                f.connectivity(), null, "DIAGNOSTIC", MissionImpact.MEF_FAILURE, "Radiology", true, List.of(), List.of(), Map.of());
        Decision d = evaluator.decide(redundant, TODAY);
        assertThat(d.mission()).isEqualTo(MissionImpact.MEF_SUPPORT_CRIPPLED);
        assertThat(d.safety()).isEqualTo(SafetyImpact.MARGINAL);
        assertThat(d.humanImpact()).isEqualTo(HumanImpact.LOW);
        assertThat(d.humanImpactWhy()).contains("redundant");
    }

    @Test
    void score_factors_add_up_to_the_score() {
        Decision d = evaluator.decide(with(pump(), "CLINICAL_NETWORK", null, 0.2, List.of(), List.of(), Map.of()), TODAY);
        int sum = 0;
        for (String part : d.scoreFactors().split("; ")) {
            sum += Integer.parseInt(part.substring(part.lastIndexOf('+') + 1));
        }
        assertThat(sum).isEqualTo(d.score());
        assertThat(d.score()).isBetween(0, 100);
    }
}
