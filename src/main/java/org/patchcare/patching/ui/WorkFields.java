package org.patchcare.patching.ui;

import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.radiobutton.RadioButtonGroup;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.patchcare.inventory.ui.FieldErrors;
import org.patchcare.patching.domain.PatchAction;
import org.patchcare.patching.domain.PatchResult;
import org.patchcare.patching.domain.PatchWork;

/** The fields of "what was done": action, versions or control, vendor engineer, notes and result. */
final class WorkFields extends FormLayout {

    final RadioButtonGroup<PatchAction> action = new RadioButtonGroup<>("What was done");
    final TextField fromVersion = new TextField("Version before");
    final TextField toVersion = new TextField("Version installed");
    final TextArea control = new TextArea("Control applied");
    final TextField vendorEngineer = new TextField("Vendor engineer (optional)");
    final TextArea notes = new TextArea("Notes");
    final RadioButtonGroup<PatchResult> result = new RadioButtonGroup<>("Result");

    WorkFields(PatchWork current, boolean failedAllowed) {
        action.setId("work-action");
        action.setItems(PatchAction.values());
        action.setItemLabelGenerator(a -> a == PatchAction.SOFTWARE_UPDATE ? "Software updated" : "Control applied "
                + "(no new software)");
        fromVersion.setId("work-from-version");
        fromVersion.setMaxLength(PatchWork.VERSION_MAX);
        toVersion.setId("work-to-version");
        toVersion.setMaxLength(PatchWork.VERSION_MAX);
        toVersion.setRequiredIndicatorVisible(true);
        control.setId("work-control");
        control.setMaxLength(PatchWork.CONTROL_MAX);
        control.setPlaceholder("e.g. SMB port 445 blocked on the device firewall");
        control.setRequiredIndicatorVisible(true);
        vendorEngineer.setId("work-vendor-engineer");
        vendorEngineer.setMaxLength(PatchWork.ENGINEER_MAX);
        notes.setId("work-notes");
        notes.setMaxLength(PatchWork.NOTES_MAX);
        notes.setHelperText("Required when the work failed: say what went wrong.");
        result.setId("work-result");
        result.setItems(failedAllowed ? PatchResult.values() : new PatchResult[]{PatchResult.SUCCESS, PatchResult.PARTIAL});
        result.setItemLabelGenerator(r -> switch (r) {
            case SUCCESS -> "Success";
            case PARTIAL -> "Partly done";
            case FAILED -> "Failed (the device will be rolled back)";
        });
        action.addValueChangeListener(e -> showFor(e.getValue()));
        action.setValue(current.action() == null ? PatchAction.SOFTWARE_UPDATE : current.action());
        fromVersion.setValue(current.fromVersion() == null ? "" : current.fromVersion());
        toVersion.setValue(current.toVersion() == null ? "" : current.toVersion());
        control.setValue(current.controlApplied() == null ? "" : current.controlApplied());
        vendorEngineer.setValue(current.vendorEngineer() == null ? "" : current.vendorEngineer());
        notes.setValue(current.notes() == null ? "" : current.notes());
        if (current.result() != null) {
            result.setValue(current.result());
        }
        add(action, fromVersion, toVersion, control, result, vendorEngineer, notes);
        setColspan(action, 2);
        setColspan(control, 2);
        setColspan(result, 2);
        setColspan(notes, 2);
    }

    private void showFor(PatchAction a) {
        boolean software = a != PatchAction.CONTROL_APPLIED;
        fromVersion.setVisible(software);
        toVersion.setVisible(software);
        control.setVisible(!software);
    }

    void register(FieldErrors errors) {
        errors.field("action", action).field("fromVersion", fromVersion).field("toVersion", toVersion)
                .field("controlApplied", control).field("vendorEngineer", vendorEngineer).field("notes", notes)
                .field("result", result);
    }

    PatchWork work() {
        return new PatchWork(action.getValue(), fromVersion.getValue(), toVersion.getValue(), control.getValue(),
                vendorEngineer.getValue(), notes.getValue(), result.getValue());
    }
}
