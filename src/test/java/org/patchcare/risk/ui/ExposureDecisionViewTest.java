package org.patchcare.risk.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.tabs.TabSheet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.patchcare.inventory.ui.Formats;
import org.patchcare.risk.application.RiskViews.DecisionDetails;
import org.patchcare.shared.domain.InvalidInputException;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormattedRow;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The exposure's decision in a browserless UI: the plain-language sentence, the cards, the score picture, overrides. */
class ExposureDecisionViewTest {

    private static final String KEV = "CVE-2016-8375 is in CISA's KEV catalogue (added 2025-01-10)";

    @BeforeEach
    void setUp() {
        MockVaadin.setup();
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    private static FakeRisk.Points points(String exploitation, String why, String exposure, String automatable,
                                          String human, String... overridden) {
        return new FakeRisk.Points(exploitation, why, exposure, automatable, human, Set.of(overridden));
    }

    // ---- the sentence ----------------------------------------------------------------------

    @Test
    void out_of_cycle_for_a_kev_cve_on_the_clinical_network_reads_like_the_example() {
        DecisionDetails d = FakeRisk.details("OUT_OF_CYCLE", Duration.ofDays(14), "AFFECTED", "Infusion pump",
                "CLINICAL_NETWORK", points("ACTIVE", KEV, "CONTROLLED", "NO", "MEDIUM"));

        assertThat(DecisionSentence.of(d)).isEqualTo("Patch within 14 days (out-of-cycle): the CVE is actively "
                + "exploited (CISA KEV) and this infusion pump is on the clinical network.");
    }

    @Test
    void immediate_names_automation_and_the_danger_to_patients() {
        DecisionDetails d = FakeRisk.details("IMMEDIATE", Duration.ofHours(72), "UNDER_INVESTIGATION",
                "Patient monitor", "HOSPITAL_NETWORK",
                points("ACTIVE", "the advisory says: exploited in the wild", "OPEN", "YES", "VERY_HIGH"));

        assertThat(DecisionSentence.of(d)).isEqualTo("Act within 72 hours (immediate): the CVE is actively exploited "
                + "(the vendor's advisory says so), this patient monitor is on the hospital network, it can be attacked "
                + "over the network without anyone's help and an attack could endanger patients' lives or stop "
                + "essential care.");
    }

    @Test
    void defer_explains_why_nothing_is_urgent() {
        DecisionDetails d = FakeRisk.details("DEFER", Duration.ofDays(365), "AFFECTED", "CT scanner", "STANDALONE",
                points("NONE", "not in KEV, no exploit recorded, no EPSS score", "SMALL", "NO", "LOW"));

        assertThat(DecisionSentence.of(d)).isEqualTo("No action needed now; review within 365 days (defer): no "
                + "attacks on the CVE are known, this CT scanner is standalone (not on a network) and an attack would "
                + "barely affect patients or care.");
    }

    @Test
    void a_control_that_lowers_the_exposure_and_an_epss_prediction_are_said_in_plain_words() {
        DecisionDetails d = FakeRisk.details("SCHEDULED", Duration.ofDays(90), "AFFECTED", "Infusion pump",
                "CLINICAL_NETWORK", points("PUBLIC_POC", "EPSS 0.420 is at or above the threshold 0.100", "SMALL",
                        "NO", "HIGH"));

        assertThat(DecisionSentence.of(d)).isEqualTo("Patch in the next planned maintenance, within 90 days "
                + "(scheduled): an attack on the CVE is likely (EPSS prediction), this infusion pump is on the clinical "
                + "network, but protections make it hard to reach and an attack could seriously harm patients or "
                + "disrupt care.");
    }

    @Test
    void an_overridden_point_is_credited_to_it_security_and_a_fixed_exposure_needs_nothing() {
        DecisionDetails overridden = FakeRisk.details("OUT_OF_CYCLE", Duration.ofDays(14), "AFFECTED", null,
                "CLINICAL_NETWORK", points("ACTIVE", "overridden by itsec: seen in our SOC (derived: none, …)", "OPEN",
                        "NO", "MEDIUM", "EXPLOITATION", "SYSTEM_EXPOSURE"));
        assertThat(DecisionSentence.of(overridden)).isEqualTo("Patch within 14 days (out-of-cycle): the CVE is "
                + "actively exploited (IT security's assessment) and this device is openly reachable on the network "
                + "(IT security's assessment).");

        DecisionDetails fixed = FakeRisk.details("SCHEDULED", Duration.ofDays(90), "FIXED", "Infusion pump",
                "CLINICAL_NETWORK", points("NONE", "", "CONTROLLED", "NO", "LOW"));
        assertThat(DecisionSentence.of(fixed)).isEqualTo("Nothing to do: this infusion pump is patched for CVE-2016-8375.");
    }

    // ---- the screen ------------------------------------------------------------------------

    @Test
    void the_screen_shows_the_priority_the_sentence_four_cards_the_score_as_a_bar_and_empty_mitigation_tabs() {
        FakeRisk risk = new FakeRisk();
        FakeMitigation mitigation = new FakeMitigation();
        ExposureDecisionView view = mitigation.decisionView(risk);
        UI.getCurrent().add(view);
        view.show(FakeRisk.details("OUT_OF_CYCLE", Duration.ofDays(14), "AFFECTED", "Infusion pump", "CLINICAL_NETWORK",
                points("ACTIVE", KEV, "CONTROLLED", "NO", "MEDIUM", "HUMAN_IMPACT")));

        assertThat(text(_get(view, Component.class, s -> s.withId("decision-outcome")))).isEqualTo("Out-of-cycle");
        assertThat(text(_get(view, Paragraph.class, s -> s.withId("decision-sentence"))))
                .startsWith("Patch within 14 days (out-of-cycle): the CVE is actively exploited (CISA KEV)");
        List<Div> cards = _find(view, Div.class, s -> s.withClasses("pc-point-card"));
        assertThat(cards).hasSize(4);
        assertThat(text(cards.get(0))).contains("Exploitation", "active", "Evidence: " + KEV);
        assertThat(text(cards.get(3))).contains("✎ overridden");
        assertThat(text(cards.get(0))).doesNotContain("overridden");
        assertThat(_find(view, Button.class)).as("no override buttons for a role that is not IT security")
                .noneMatch(b -> b.getText().startsWith("Override"));

        Div bar = _get(view, Div.class, s -> s.withId("score-bar"));
        assertThat(bar.getChildren().map(c -> ((Div) c).getWidth()).toList())
                .as("one part per factor with points, each as wide as its points of 100")
                .containsExactly("30.00%", "10.00%", "25.00%", "5.00%");
        assertThat(text(_get(view, Component.class, s -> s.withId("decision-score")))).isEqualTo("62 / 100");
        assertThat(mitigation.calls).contains("list exposure=e-1", "acceptances exposure=e-1");
        TabSheet tabs = _get(view, TabSheet.class);
        tabs.setSelectedIndex(1);
        assertThat(_get(view, Grid.class, s -> s.withId("exposure-controls")).getEmptyStateText())
                .isEqualTo("No compensating control is attached to this exposure.");
        tabs.setSelectedIndex(3);
        assertThat(text(_get(view, Component.class, s -> s.withId("acceptance-section"))))
                .isEqualTo("No risk acceptance has been requested for this exposure.");
        assertThat(_find(view, Button.class)).as("no mitigation buttons for a role without the right")
                .noneMatch(b -> b.getText().endsWith("…"));
    }

    // ---- the mitigation tabs -------------------------------------------------------------------

    @Test
    void the_controls_tab_lists_the_attached_controls_with_the_point_they_lower_expired_ones_marked() {
        FakeRisk.logInAs("itsec", "IT_SECURITY");
        FakeMitigation mitigation = new FakeMitigation();
        mitigation.attached.add(RiskUiFixtures.control("c-1", "Block SMBv1 at the ICU firewall", "ACTIVE", 40));
        mitigation.attached.add(RiskUiFixtures.control("c-2", "Old ACL", "ACTIVE", -2));
        ExposureDecisionView view = mitigation.decisionView(new FakeRisk());
        UI.getCurrent().add(view);
        view.show(FakeRisk.details("SCHEDULED", Duration.ofDays(90), "AFFECTED", "Infusion pump", "CLINICAL_NETWORK",
                points("ACTIVE", KEV, "SMALL", "NO", "MEDIUM")));
        _get(view, TabSheet.class).setSelectedIndex(1);

        ExposureControls tab = _get(view, ExposureControls.class);
        assertThat(_size(tab.grid)).isEqualTo(2);
        assertThat(_getFormattedRow(tab.grid, 0)).contains("IPS/IDS rule", "System exposure",
                Formats.date(RiskUiFixtures.TODAY.plusDays(40)) + " (in 40 days)");
        assertThat(text(_getCellComponent(tab.grid, 0, "title"))).isEqualTo("Block SMBv1 at the ICU firewallIPS-c-1 · Device BME-1");
        assertThat(text(_getCellComponent(tab.grid, 0, "status"))).isEqualTo("Active");
        assertThat(text(_getCellComponent(tab.grid, 1, "status"))).as("past its date").isEqualTo("Expired");
        assertThat(_getCellComponent(tab.grid, 1, "title").getElement().getClassList()).contains("pc-inactive");

        assertThat(tab.attach.isVisible()).isTrue();
        _click(tab.attach);
        assertThat(_get(AttachControlDialog.class).getHeaderTitle()).isEqualTo("Attach a compensating control to the exposure");
        assertThat(mitigation.calls).contains("usableFor [e-1]");
    }

    @Test
    void mark_not_affected_waits_for_fresh_evidence_that_the_exposure_is_not_reachable() {
        FakeRisk.logInAs("itsec", "IT_SECURITY");
        FakeMitigation mitigation = new FakeMitigation();
        DecisionDetails d = FakeRisk.details("SCHEDULED", Duration.ofDays(90), "AFFECTED", "Infusion pump",
                "CLINICAL_NETWORK", points("ACTIVE", KEV, "SMALL", "NO", "MEDIUM"));
        ExposureDecisionView view = mitigation.decisionView(new FakeRisk());
        UI.getCurrent().add(view);

        view.show(d);
        _get(view, TabSheet.class).setSelectedIndex(2);
        assertThat(_get(view, ExposureValidations.class).notAffected.isEnabled()).as("no evidence").isFalse();

        mitigation.validations.add(RiskUiFixtures.validation("EXPLOITABLE", false, true));
        mitigation.validations.add(RiskUiFixtures.validation("NOT_REACHABLE", true, false));
        view.show(d);
        ExposureValidations tab = _get(view, ExposureValidations.class);
        assertThat(tab.notAffected.isEnabled()).as("the newest fresh result found it exploitable; the other is stale")
                .isFalse();
        assertThat(text(_getCellComponent(tab.grid, 1, "outcome"))).isEqualTo("not reachable stale");

        mitigation.validations.addFirst(RiskUiFixtures.validation("NOT_REACHABLE", false, true));
        view.show(d);
        tab = _get(view, ExposureValidations.class);
        assertThat(tab.notAffected.isEnabled()).isTrue();
        assertThat(text(_getCellComponent(tab.grid, 0, "outcome"))).isEqualTo("not reachable counts");
        assertThat(tab.record.isVisible()).isTrue();
    }

    @Test
    void it_security_sees_override_buttons_and_remove_only_where_a_point_is_overridden() {
        FakeRisk.logInAs("itsec", "IT_SECURITY");
        FakeRisk risk = new FakeRisk();
        ExposureDecisionView view = new FakeMitigation().decisionView(risk);
        UI.getCurrent().add(view);
        view.show(FakeRisk.details("OUT_OF_CYCLE", Duration.ofDays(14), "AFFECTED", "Infusion pump", "CLINICAL_NETWORK",
                points("ACTIVE", KEV, "CONTROLLED", "NO", "MEDIUM", "AUTOMATABLE")));

        assertThat(_find(view, Button.class, s -> s.withClasses("pc-override"))).hasSize(4);
        assertThat(_find(view, Button.class, s -> s.withClasses("pc-remove-override"))).singleElement()
                .satisfies(b -> assertThat(b.findAncestor(Div.class).getId()).hasValue("point-automatable"));
    }

    // ---- the override dialog -----------------------------------------------------------------

    @Test
    void the_override_dialog_refuses_to_save_without_a_reason() {
        List<String> saved = new ArrayList<>();
        OverrideDialog dialog = OverrideDialog.override("EXPLOITATION", "NONE", (v, r) -> saved.add(v + ": " + r));
        dialog.open();
        assertThat(dialog.value.getListDataView().getItems().toList()).containsExactly("NONE", "PUBLIC_POC", "ACTIVE");
        assertThat(dialog.value.getItemLabelGenerator().apply("PUBLIC_POC")).startsWith("public PoC – Attack code is public");

        dialog.value.setValue("ACTIVE");
        dialog.reason.setValue("   ");
        _click(dialog.save);

        assertThat(saved).isEmpty();
        assertThat(dialog.reason.isInvalid()).isTrue();
        assertThat(dialog.reason.getErrorMessage()).startsWith("Say why");
        assertThat(dialog.isOpened()).isTrue();

        dialog.reason.setValue("Seen in our SOC on 2026-11-23");
        _click(dialog.save);
        assertThat(saved).containsExactly("ACTIVE: Seen in our SOC on 2026-11-23");
        assertThat(dialog.isOpened()).isFalse();
    }

    @Test
    void removing_an_override_needs_a_reason_too_and_a_refusal_shows_at_the_reason() {
        List<String> saved = new ArrayList<>();
        OverrideDialog dialog = OverrideDialog.removal("HUMAN_IMPACT", "VERY_HIGH", (v, r) -> {
            saved.add(v + ": " + r);
            throw new InvalidInputException("reason", "Say why the override is removed.");
        });
        dialog.open();
        _click(dialog.save);
        assertThat(saved).isEmpty();
        assertThat(dialog.reason.isInvalid()).isTrue();

        dialog.reason.setValue("x");
        _click(dialog.save);
        assertThat(saved).containsExactly("null: x");
        assertThat(dialog.reason.getErrorMessage()).isEqualTo("Say why the override is removed.");
        assertThat(dialog.isOpened()).as("a refused removal keeps the dialog open").isTrue();
    }

    static String text(Component c) {
        return c.getElement().getTextRecursively().strip().replaceAll("\\s+", " ");
    }
}
