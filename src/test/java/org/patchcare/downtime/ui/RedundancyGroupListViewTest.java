package org.patchcare.downtime.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patchcare.downtime.application.DowntimeViews.RedundancyGroupView;
import org.patchcare.downtime.application.RedundancyGroupCommand;
import org.patchcare.testsupport.BrowserlessUi;

import java.util.List;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.patchcare.downtime.ui.DowntimeUiFixtures.DEPARTMENTS;

/** Redundancy groups in a browserless UI, on a fake service. */
@ExtendWith(BrowserlessUi.class)
class RedundancyGroupListViewTest {

    private final FakeDowntime fake = new FakeDowntime();

    private RedundancyGroupListView view(boolean mayEdit) {
        fake.groups.add(new RedundancyGroupView("g1", "ICU monitors", "ICU", 2,
                List.of("ICU-MON-01", "ICU-MON-02", "ICU-MON-03"), 1, 7));
        RedundancyGroupListView v = new RedundancyGroupListView(fake.groupService, DEPARTMENTS, mayEdit);
        UI.getCurrent().add(v);
        return v;
    }

    @Test
    void shows_the_rule_and_warns_when_fewer_than_the_minimum_are_in_service() {
        RedundancyGroupListView v = view(true);
        assertThat(_size(v.grid)).isEqualTo(1);
        assertThat(_getFormatted(v.grid, 0, "rule")).isEqualTo("At least 2 of 3 in service");
        assertThat(_getFormatted(v.grid, 0, "department")).isEqualTo("Intensive Care Unit");
        var badge = (com.vaadin.flow.component.html.Span) _getCellComponent(v.grid, 0, "inService");
        assertThat(badge.getText()).isEqualTo("1 of 3 · below minimum");
        assertThat(badge.hasClassName("unsupported")).isTrue();
    }

    @Test
    void the_dialog_refuses_too_few_devices_and_a_minimum_above_the_count_then_saves_clean_tags() {
        RedundancyGroupListView v = view(true);
        _click(v.create);
        RedundancyGroupDialog d = _get(RedundancyGroupDialog.class);
        d.name.setValue("  Infusion pumps ward 3 ");
        d.department.setValue(DEPARTMENTS.get(1));
        d.members.setValue("ICU-PUMP-01");
        _click(d.save);
        assertThat(d.members.isInvalid()).isTrue();
        assertThat(d.members.getErrorMessage()).isEqualTo(RedundancyGroupDialog.TOO_FEW);

        d.members.setValue("icu-pump-01, ICU-PUMP-02\nicu-pump-03 ICU-PUMP-01");
        d.minimum.setValue(4);
        _click(d.save);
        assertThat(d.members.isInvalid()).isFalse();
        assertThat(d.minimum.isInvalid()).isTrue();
        assertThat(d.minimum.getErrorMessage()).isEqualTo(RedundancyGroupDialog.MINIMUM_RANGE);
        assertThat(fake.groupCommands).isEmpty();

        d.minimum.setValue(2);
        _click(d.save);
        assertThat(fake.groupCommands).containsExactly(new RedundancyGroupCommand("Infusion pumps ward 3", "ICU", 2,
                List.of("ICU-PUMP-01", "ICU-PUMP-02", "ICU-PUMP-03")));
        assertThat(d.isOpened()).isFalse();
    }

    @Test
    void changing_a_group_starts_from_its_values_and_passes_its_version() {
        RedundancyGroupListView v = view(true);
        HorizontalLayout actions = (HorizontalLayout) _getCellComponent(v.grid, 0, "actions");
        _click((Button) actions.getChildren().filter(c -> c.hasClassName("group-change")).findFirst().orElseThrow());
        RedundancyGroupDialog d = _get(RedundancyGroupDialog.class);
        assertThat(d.members.getValue()).isEqualTo("ICU-MON-01, ICU-MON-02, ICU-MON-03");
        d.minimum.setValue(1);
        _click(d.save);
        assertThat(fake.calls).contains("update g1@7");
        assertThat(fake.groupCommands.getLast().minimumAvailable()).isEqualTo(1);
    }

    @Test
    void readers_get_no_buttons() {
        RedundancyGroupListView v = view(false);
        assertThat(v.create.isVisible()).isFalse();
        assertThat(((HorizontalLayout) _getCellComponent(v.grid, 0, "actions")).getChildren()).isEmpty();
    }
}
