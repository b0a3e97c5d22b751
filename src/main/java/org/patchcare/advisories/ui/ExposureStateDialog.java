package org.patchcare.advisories.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import org.patchcare.advisories.application.ExposureService;
import org.patchcare.advisories.application.ExposureViews.ExposureEventView;
import org.patchcare.advisories.application.ExposureViews.ExposureView;
import org.patchcare.advisories.domain.ExposureState;
import org.patchcare.advisories.domain.Justification;
import org.patchcare.shared.domain.ConflictException;
import org.patchcare.shared.domain.InvalidInputException;

import java.util.List;

/**
 * Sets the VEX state of one exposure (IT security, administrators): the new state, for "not affected" why, and a reason
 * that goes into the exposure's history. Shows that history below.
 */
class ExposureStateDialog extends Dialog {

    private final Select<ExposureState> state = new Select<>();
    private final Select<Justification> justification = new Select<>();
    private final TextArea reason = new TextArea("Why");

    ExposureStateDialog(ExposureService exposures, ExposureView e, Runnable changed) {
        setHeaderTitle(e.assetTag() + " · " + e.cve());
        setId("exposure-state-dialog");
        setWidth("40em");
        Paragraph what = new Paragraph(e.trackingId() + ": " + e.advisoryTitle());
        what.addClassName("pc-muted");
        state.setLabel("State");
        state.setItems(ExposureState.values());
        state.setItemLabelGenerator(ExposureState::label);
        state.setValue(ExposureState.valueOf(e.state()));
        state.setId("exposure-state");
        justification.setLabel("Why it is not affected");
        justification.setItems(Justification.values());
        justification.setItemLabelGenerator(Justification::label);
        justification.setId("exposure-justification");
        justification.setVisible(state.getValue() == ExposureState.NOT_AFFECTED);
        if (e.justification() != null) {
            justification.setValue(Justification.valueOf(e.justification()));
        }
        state.addValueChangeListener(ev -> justification.setVisible(ev.getValue() == ExposureState.NOT_AFFECTED));
        reason.setId("exposure-reason");
        reason.setWidthFull();
        reason.setPlaceholder("e.g. Patched to 9.19 on 2026-11-20, checked by the biomed team");
        VerticalLayout history = new VerticalLayout();
        history.setPadding(false);
        history.setSpacing(false);
        List<ExposureEventView> events = exposures.history(e.id());
        for (ExposureEventView h : events) {
            Paragraph p = new Paragraph(AdvisoryFormats.when(h.at()) + " · " + h.actor() + ": "
                    + (h.from() == null ? "" : h.from() + " → ") + h.to()
                    + (h.justification() == null ? "" : " (" + h.justification() + ")") + " — " + h.reason());
            p.addClassName("pc-muted");
            p.getStyle().set("margin", "0.2em 0");
            history.add(p);
        }
        add(what, state, justification, reason, new Paragraph("History"), history);

        Button save = new Button("Save", ev -> {
            try {
                exposures.changeState(e.id(), state.getValue().name(),
                        state.getValue() == ExposureState.NOT_AFFECTED && justification.getValue() != null
                                ? justification.getValue().name() : null,
                        reason.getValue(), e.version());
                close();
                Notification.show("Saved: " + e.assetTag() + " is " + state.getValue().label().toLowerCase()
                        + " for " + e.cve() + ".", 4000, Notification.Position.BOTTOM_START)
                        .addThemeVariants(NotificationVariant.LUMO_SUCCESS);
                changed.run();
            } catch (InvalidInputException ex) {
                for (InvalidInputException.Violation v : ex.violations()) {
                    if (v.field().equals("justification")) {
                        justification.setVisible(true);
                        justification.setErrorMessage(v.message());
                        justification.setInvalid(true);
                    } else {
                        reason.setErrorMessage(v.message());
                        reason.setInvalid(true);
                    }
                }
            } catch (ConflictException ex) {
                reason.setErrorMessage(ex.getMessage());
                reason.setInvalid(true);
            }
        });
        save.setId("exposure-state-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        getFooter().add(new Button("Cancel", ev -> close()), save);
    }
}
