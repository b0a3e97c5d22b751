package org.patchcare.risk.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patchcare.inventory.application.PageRequest;
import org.patchcare.risk.application.ControlService;
import org.patchcare.risk.application.MitigationViews.ControlDetails;
import org.patchcare.risk.application.MitigationViews.ControlFilter;
import org.patchcare.risk.application.MitigationViews.ControlView;
import org.patchcare.shared.domain.DomainException;
import org.patchcare.testsupport.BrowserlessUi;

import java.util.ArrayList;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The control list in a browserless UI, on a stub service. */
@ExtendWith(BrowserlessUi.class)
class ControlListViewTest {

    private final List<ControlFilter> asked = new ArrayList<>();
    private final List<String> withdrawn = new ArrayList<>();
    private final List<ControlView> rows = List.of(RiskUiFixtures.control("1", "Block SMBv1", "ACTIVE", 40),
            RiskUiFixtures.control("2", "EDR on CT console", "ACTIVE", 5));

    private final ControlService service = new ControlService() {
        @Override
        public List<ControlView> list(ControlFilter filter, PageRequest page) {
            asked.add(filter);
            return rows.subList(Math.min(page.offset(), rows.size()), Math.min(page.offset() + page.limit(), rows.size()));
        }

        @Override
        public long count(ControlFilter filter) {
            asked.add(filter);
            return rows.size();
        }

        @Override
        public ControlDetails withdraw(String id, String reason, Integer version) {
            if (reason.contains("fail")) {
                throw new DomainException("Control was already withdrawn.");
            }
            withdrawn.add(id + ": " + reason + " @" + version);
            return null;
        }
    };

    private ControlListView view(boolean mayEdit) {
        ControlListView v = new ControlListView(service, 14, mayEdit);
        UI.getCurrent().add(v);
        return v;
    }

    @Test
    void opens_on_the_active_controls_and_the_expiring_tab_asks_for_the_warning_period() {
        ControlListView v = view(true);
        assertThat(_size(v.grid)).isEqualTo(2);
        assertThat(_get(v.grid, 1).title()).isEqualTo("EDR on CT console");
        assertThat(asked.getLast().status()).isEqualTo("ACTIVE");
        assertThat(v.count.getText()).isEqualTo("2 controls");

        v.show(ControlListView.Show.EXPIRING);
        _size(v.grid);
        assertThat(asked.getLast().expiringWithinDays()).isEqualTo(14);
        assertThat(asked.getLast().status()).isNull();

        v.show(ControlListView.Show.EXPIRED);
        _size(v.grid);
        assertThat(asked.getLast().expired()).isTrue();
    }

    @Test
    void readers_get_neither_the_new_button_nor_row_actions() {
        ControlListView v = view(false);
        assertThat(v.create.isVisible()).isFalse();
        HorizontalLayout actions = (HorizontalLayout) _getCellComponent(v.grid, 0, "actions");
        assertThat(actions.getChildren()).isEmpty();
    }

    @Test
    void withdrawing_asks_why_refuses_an_empty_reason_and_shows_the_services_refusal_in_the_dialog() {
        ControlListView v = view(true);
        HorizontalLayout actions = (HorizontalLayout) _getCellComponent(v.grid, 0, "actions");
        Button withdraw = (Button) actions.getChildren().filter(c -> c.hasClassName("control-withdraw")).findFirst().orElseThrow();
        _click(withdraw);
        CommentDialog dialog = _get(CommentDialog.class);

        _click(dialog.confirm);
        assertThat(dialog.comment.isInvalid()).isTrue();
        assertThat(withdrawn).isEmpty();

        dialog.comment.setValue("fail on purpose");
        _click(dialog.confirm);
        assertThat(dialog.comment.getErrorMessage()).contains("already withdrawn");
        assertThat(dialog.isOpened()).isTrue();

        dialog.comment.setValue("firewall migrated");
        _click(dialog.confirm);
        assertThat(withdrawn).containsExactly("1: firewall migrated @3");
        assertThat(dialog.isOpened()).isFalse();
    }
}
