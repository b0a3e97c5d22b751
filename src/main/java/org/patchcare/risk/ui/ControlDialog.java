package org.patchcare.risk.ui;

import com.vaadin.flow.component.dialog.Dialog;
import org.patchcare.inventory.ui.Notices;
import org.patchcare.risk.application.ControlCommand;
import org.patchcare.risk.application.ControlService;
import org.patchcare.risk.application.MitigationViews.ControlDetails;
import org.patchcare.shared.domain.DomainException;
import org.patchcare.shared.domain.InvalidInputException;

import java.util.function.Consumer;

/** Records a new control or changes one: the {@link ControlForm} in a dialog, wired to {@link ControlService}. */
class ControlDialog extends Dialog {

    final ControlForm form;

    /** {@code id} null: a new control from {@code start}; else the control {@code id} with its current values. */
    ControlDialog(ControlService controls, String id, ControlCommand start, Consumer<ControlDetails> saved) {
        setHeaderTitle(id == null ? "New compensating control" : "Change control");
        setId("control-dialog");
        setWidth("52em");
        form = new ControlForm(controls.ownerCandidates());
        form.setCommand(start);
        form.addCancelListener(e -> close());
        form.addSaveListener(e -> {
            try {
                ControlDetails d = id == null ? controls.create(e.getCommand()) : controls.update(id, e.getCommand());
                close();
                Notices.saved("Saved: " + d.control().label() + ".");
                saved.accept(d);
            } catch (InvalidInputException ex) {
                form.showServerErrors(ex);
            } catch (DomainException ex) {
                form.showFormError(ex.getMessage());
            }
        });
        add(form);
    }
}
