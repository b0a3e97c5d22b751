package org.patchcare.risk.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import org.patchcare.inventory.ui.Caller;
import org.patchcare.inventory.ui.Formats;
import org.patchcare.inventory.ui.Notices;
import org.patchcare.risk.application.ControlService;
import org.patchcare.risk.application.MitigationViews.ValidationView;
import org.patchcare.risk.application.ValidationService;
import org.patchcare.risk.domain.ValidationOutcome;
import org.patchcare.risk.domain.ValidationResult;
import org.patchcare.shared.domain.Roles;

import java.util.List;
import java.util.Set;

/**
 * The Validation tab of an exposure: its test results, newest first, the one the decision counts marked and stale
 * ones struck through; for IT security "Record result…" and "Mark not affected" (only on fresh evidence that it is
 * not reachable or blocked by a control). {@code changed} runs after either: the exposure was decided again.
 */
class ExposureValidations extends VerticalLayout {

    private static final Set<String> CLOSED = Set.of("NOT_AFFECTED", "FIXED");

    final Grid<ValidationView> grid = new Grid<>();
    final Button record = new Button("Record result…", VaadinIcon.CLIPBOARD_CHECK.create());
    final Button notAffected = new Button("Mark not affected…", VaadinIcon.CHECK_CIRCLE_O.create());

    ExposureValidations(ValidationService validations, ControlService controls, String exposureId, String state,
                        String what, Runnable changed) {
        setPadding(false);
        setId("validation-section");
        List<ValidationView> results = validations.forExposure(exposureId);
        grid.setId("exposure-validations");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(v -> Formats.date(v.testedOn())).setHeader("Tested").setKey("testedOn").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(ExposureValidations::outcome)).setHeader("Found").setKey("outcome")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ValidationView::methodLabel).setHeader("How").setKey("method").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(ValidationView::tool).setHeader("Tool or tester").setKey("tool").setFlexGrow(1);
        grid.addColumn(v -> v.controlLabel() == null ? v.evidence() : v.evidence() + " (control: " + v.controlLabel()
                + ")").setHeader("Evidence").setKey("evidence").setFlexGrow(3);
        grid.setItems(results);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("No validation recorded: no penetration test, attack simulation or manual check yet.");
        add(grid);
        if (Caller.hasRole(Roles.IT_SECURITY)) {
            record.setId("exposure-record-validation");
            record.addClickListener(e -> {
                ValidationResultDialog d = new ValidationResultDialog(validations, controls, exposureId, what);
                d.addSavedListener(s -> changed.run());
                d.open();
            });
            notAffected.setId("exposure-not-affected");
            boolean evidence = showsNotExploitable(results);
            notAffected.setEnabled(evidence && !CLOSED.contains(state));
            notAffected.setTooltipText(CLOSED.contains(state) ? "The exposure is already closed."
                    : evidence ? "The newest fresh result found it not reachable or blocked by a control."
                    : "Needs a fresh result that found it not reachable or blocked by a control.");
            notAffected.addClickListener(e -> new CommentDialog("Mark not affected",
                    "Set " + what + " to not affected on the strength of the newest validation; the reason names the "
                            + "test and the controls.", "Anything to add to the reason (optional)", false,
                    "Mark not affected", c -> validations.markNotAffected(exposureId, c), () -> {
                Notices.saved("Marked not affected: " + what + ".");
                changed.run();
            }).open());
            HorizontalLayout actions = new HorizontalLayout(record, notAffected);
            actions.getStyle().set("flex-wrap", "wrap");
            add(actions);
        }
    }

    /** The newest fresh result (the one the decision counts) found it not reachable or blocked by a control. */
    static boolean showsNotExploitable(List<ValidationView> results) {
        return results.stream().filter(ValidationView::current).findFirst()
                .map(v -> ValidationResult.showsNotExploitable(ValidationOutcome.valueOf(v.outcome()))).orElse(false);
    }

    private static Span outcome(ValidationView v) {
        Span box = new Span(new Span(v.outcomeLabel()));
        if (v.stale()) {
            Span stale = new Span("stale");
            stale.addClassNames("pc-badge", "pc-stale");
            stale.getElement().setAttribute("title", "Older than the policy's evidence freshness: no longer counts.");
            box.add(new Span(" "), stale);
        } else if (v.current()) {
            Span counts = new Span("counts");
            counts.addClassNames("pc-badge", "pc-current");
            counts.getElement().setAttribute("title", "The newest fresh result: the decision uses this one.");
            box.add(new Span(" "), counts);
        }
        return box;
    }
}
