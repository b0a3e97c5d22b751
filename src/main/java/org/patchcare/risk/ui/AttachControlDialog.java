package org.patchcare.risk.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.shared.Registration;
import org.patchcare.inventory.ui.Notices;
import org.patchcare.risk.application.ControlService;
import org.patchcare.risk.application.MitigationViews.ControlDetails;
import org.patchcare.risk.application.MitigationViews.ControlView;
import org.patchcare.risk.domain.DecisionPoint;
import org.patchcare.shared.domain.DomainException;
import org.patchcare.shared.domain.InvalidInputException;

import java.util.List;
import java.util.function.Supplier;

/**
 * Attaches a compensating control to one or more exposures (the exposure screen, bulk actions): an existing active
 * control whose scope covers all of them, or a new one recorded and attached in one step (its scope suggested from the
 * exposures). Fires {@link SavedEvent} with the control after saving; the exposures are decided again at once.
 */
public class AttachControlDialog extends Dialog {

    static final String EXISTING = "An existing control";
    static final String NEW = "A new control";

    private final ControlService controls;
    private final List<String> exposureIds;
    final RadioButtonGroup<String> mode = new RadioButtonGroup<>("Attach");
    final ComboBox<ControlView> existing = new ComboBox<>("Control");
    final RadioButtonGroup<DecisionPoint> point = new RadioButtonGroup<>("It lowers");
    final ControlForm form;
    final Button attach = new Button("Attach");
    final Div problems = new Div();

    public AttachControlDialog(ControlService controls, List<String> exposureIds) {
        this.controls = controls;
        this.exposureIds = List.copyOf(exposureIds);
        setHeaderTitle("Attach a compensating control to " + (exposureIds.size() == 1 ? "the exposure"
                : exposureIds.size() + " exposures"));
        setId("attach-control-dialog");
        setWidth("52em");
        List<ControlView> usable = controls.usableFor(this.exposureIds);
        mode.setItems(EXISTING, NEW);
        mode.setId("attach-mode");
        existing.setItems(usable);
        existing.setItemLabelGenerator(c -> c.label() + " · " + c.scopeLabel() + " · until " + c.expiresOn());
        existing.setWidthFull();
        existing.setId("attach-existing");
        existing.setHelperText(usable.isEmpty() ? "No active control covers " + (exposureIds.size() == 1
                ? "this device" : "all these devices") + "; record a new one." : "Active controls whose scope covers "
                + (exposureIds.size() == 1 ? "the device" : "every device"));
        point.setItems(DecisionPoint.SYSTEM_EXPOSURE, DecisionPoint.AUTOMATABLE);
        point.setItemLabelGenerator(p -> p == DecisionPoint.SYSTEM_EXPOSURE ? "System exposure (one step)"
                : "Automatable (yes → no)");
        point.setValue(DecisionPoint.SYSTEM_EXPOSURE);
        point.setId("attach-point");
        form = new ControlForm(controls.ownerCandidates());
        form.setCommand(controls.suggest(this.exposureIds));
        form.save.setText("Record and attach");
        form.addCancelListener(e -> close());
        form.addSaveListener(e -> run(() -> controls.createAndAttach(e.getCommand(), this.exposureIds,
                point.getValue().name())));
        attach.setId("attach-save");
        attach.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        attach.addClickListener(e -> {
            if (existing.getValue() == null) {
                existing.setErrorMessage("Choose the control to attach.");
                existing.setInvalid(true);
                return;
            }
            run(() -> controls.attach(existing.getValue().id(), this.exposureIds, point.getValue().name()));
        });
        problems.setId("attach-problems");
        problems.addClassName("pc-error-text");
        mode.addValueChangeListener(e -> switchTo(e.getValue()));
        VerticalLayout body = new VerticalLayout(mode, point, existing, form, problems);
        body.setPadding(false);
        add(body);
        getFooter().add(new Button("Cancel", e -> close()), attach);
        mode.setValue(usable.isEmpty() ? NEW : EXISTING);
    }

    private void switchTo(String m) {
        boolean isNew = NEW.equals(m);
        existing.setVisible(!isNew);
        attach.setVisible(!isNew);
        form.setVisible(isNew);
        problems.removeAll();
    }

    private void run(Supplier<ControlDetails> action) {
        problems.removeAll();
        try {
            ControlDetails d = action.get();
            close();
            Notices.saved("Attached: " + d.control().label() + ".");
            fireEvent(new SavedEvent(this, d));
        } catch (InvalidInputException ex) {
            if (form.isVisible()) {
                form.showServerErrors(ex);
            }
            ex.violations().forEach(v -> problems.add(new Paragraph(v.message())));
        } catch (DomainException ex) {
            problems.add(new Paragraph(ex.getMessage()));
        }
    }

    public Registration addSavedListener(ComponentEventListener<SavedEvent> listener) {
        return addListener(SavedEvent.class, listener);
    }

    /** The control was attached (and maybe recorded first). */
    public static class SavedEvent extends ComponentEvent<AttachControlDialog> {
        private final ControlDetails control;

        public SavedEvent(AttachControlDialog source, ControlDetails control) {
            super(source, false);
            this.control = control;
        }

        public ControlDetails getControl() {
            return control;
        }
    }
}
