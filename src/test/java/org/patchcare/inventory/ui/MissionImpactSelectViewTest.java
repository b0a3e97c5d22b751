package org.patchcare.inventory.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.patchcare.inventory.domain.MissionImpact;

import static org.assertj.core.api.Assertions.assertThat;

/** The department editor's mission-impact choice on its own, in a browserless UI. */
class MissionImpactSelectViewTest {

    private MissionImpactSelect select;

    @BeforeEach
    void setUp() {
        MockVaadin.setup();
        select = new MissionImpactSelect();
        UI.getCurrent().add(select);
    }

    @AfterEach
    void tearDown() {
        MockVaadin.tearDown();
    }

    @Test
    void offers_the_four_mission_impacts_by_their_labels_from_least_to_most_severe() {
        assertThat(select.getListDataView().getItems().map(select.getItemLabelGenerator()).toList()).containsExactly(
                "Degraded", "Essential support crippled", "Essential function fails", "Mission fails");
    }

    @Test
    void a_new_department_starts_at_the_database_default_and_explains_it() {
        assertThat(select.getValue()).isEqualTo(MissionImpact.MEF_SUPPORT_CRIPPLED);
        assertThat(select.getHelperText()).contains("laboratory").contains("radiology");
    }

    @Test
    void choosing_a_value_shows_what_it_means_for_a_clinical_manager() {
        select.setValue(MissionImpact.MEF_FAILURE);
        assertThat(select.getHelperText()).contains("intensive care").contains("emergency").contains("operating rooms");

        select.setValue(MissionImpact.DEGRADED);
        assertThat(select.getHelperText()).contains("administration");
    }

    @Test
    void every_value_has_a_label_and_a_help_text() {
        assertThat(MissionImpact.values()).allSatisfy(m -> {
            assertThat(m.label()).isNotBlank();
            assertThat(m.help()).isNotBlank().endsWith(".");
        });
    }
}
