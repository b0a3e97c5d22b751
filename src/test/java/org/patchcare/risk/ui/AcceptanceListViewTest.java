package org.patchcare.risk.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patchcare.inventory.application.PageRequest;
import org.patchcare.risk.application.AcceptanceService;
import org.patchcare.risk.application.MitigationViews.AcceptanceFilter;
import org.patchcare.risk.application.MitigationViews.AcceptanceView;
import org.patchcare.shared.domain.InvalidInputException;
import org.patchcare.testsupport.BrowserlessUi;

import java.util.ArrayList;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;

/** The risk acceptance list in a browserless UI, on a stub service. */
@ExtendWith(BrowserlessUi.class)
class AcceptanceListViewTest {

    private final List<AcceptanceFilter> asked = new ArrayList<>();
    private final List<String> calls = new ArrayList<>();
    private final List<AcceptanceView> rows = List.of(RiskUiFixtures.acceptance("a1", true, false),
            RiskUiFixtures.acceptance("a2", false, true));

    private final AcceptanceService service = new AcceptanceService() {
        @Override
        public List<AcceptanceView> list(AcceptanceFilter filter, PageRequest page) {
            asked.add(filter);
            return rows.subList(Math.min(page.offset(), rows.size()), Math.min(page.offset() + page.limit(), rows.size()));
        }

        @Override
        public long count(AcceptanceFilter filter) {
            asked.add(filter);
            return rows.size();
        }

        @Override
        public AcceptanceView approve(String id, String comment, Integer version) {
            calls.add("approve " + id + " '" + comment + "' @" + version);
            return rows.getFirst();
        }

        @Override
        public AcceptanceView reject(String id, String comment, Integer version) {
            throw new InvalidInputException("approver", "Only a clinical manager assigned to Intensive Care Unit may decide.");
        }

        @Override
        public AcceptanceView withdraw(String id, String reason, Integer version) {
            calls.add("withdraw " + id);
            return rows.getLast();
        }
    };

    private AcceptanceListView view(boolean mayDecide) {
        AcceptanceListView v = new AcceptanceListView(service, mayDecide);
        UI.getCurrent().add(v);
        return v;
    }

    private static Button button(AcceptanceListView v, int row, String cssClass) {
        HorizontalLayout actions = (HorizontalLayout) _getCellComponent(v.grid, row, "actions");
        return (Button) actions.getChildren().filter(c -> c.hasClassName(cssClass)).findFirst().orElse(null);
    }

    @Test
    void approvers_start_on_the_requests_awaiting_their_decision() {
        AcceptanceListView v = view(true);
        assertThat(_size(v.grid)).isEqualTo(2);
        assertThat(asked.getLast().awaitingMe()).isTrue();
        view(false);
        assertThat(asked.getLast().awaitingMe()).as("biomed has no approval to give").isNull();
    }

    @Test
    void approve_and_reject_show_only_where_the_caller_may_decide_and_withdraw_only_for_the_requester() {
        AcceptanceListView v = view(true);
        _size(v.grid);
        assertThat(button(v, 0, "acceptance-approve")).isNotNull();
        assertThat(button(v, 0, "acceptance-withdraw")).isNull();
        assertThat(button(v, 1, "acceptance-approve")).isNull();
        assertThat(button(v, 1, "acceptance-withdraw")).isNotNull();
    }

    @Test
    void approving_passes_the_comment_and_the_version_seen() {
        AcceptanceListView v = view(true);
        _size(v.grid);
        _click(button(v, 0, "acceptance-approve"));
        CommentDialog d = _get(CommentDialog.class);
        d.comment.setValue("fine until the spring patch");
        _click(d.confirm);
        assertThat(calls).containsExactly("approve a1 'fine until the spring patch' @4");
    }

    @Test
    void a_refused_rejection_keeps_the_dialog_open_with_the_reason() {
        AcceptanceListView v = view(true);
        _size(v.grid);
        _click(button(v, 0, "acceptance-reject"));
        CommentDialog d = _get(CommentDialog.class);
        d.comment.setValue("not acceptable");
        _click(d.confirm);
        assertThat(d.isOpened()).isTrue();
        assertThat(d.comment.getErrorMessage()).contains("Only a clinical manager assigned to Intensive Care Unit");
    }
}
