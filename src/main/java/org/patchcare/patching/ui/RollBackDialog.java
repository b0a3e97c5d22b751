package org.patchcare.patching.ui;

import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.patchcare.patching.application.PatchViews.PatchRecordView;
import org.patchcare.patching.domain.PatchRecord;

/** "Roll back…": what was restored after failed work; the device then returns to service on its old version. */
public class RollBackDialog extends PatchDialog<RollBackDialog.Rollback> {

    /** What was restored, with notes. */
    public record Rollback(String restored, String notes) {
    }

    final TextField restored = new TextField("What was restored");
    final TextArea notes = new TextArea("Notes (optional)");

    public RollBackDialog(PatchRecordView r) {
        super("Roll back · " + r.assetTag(), "The device goes back into service on "
                + (r.fromVersion() == null ? "its old software" : "version " + r.fromVersion()) + ".", "Record rollback");
        setId("roll-back-dialog");
        restored.setId("rollback-restored");
        restored.setWidthFull();
        restored.setMaxLength(PatchRecord.RESTORED_MAX);
        restored.setPlaceholder("e.g. Firmware " + (r.fromVersion() == null ? "4.1" : r.fromVersion())
                + " reinstalled from the vendor's USB key");
        restored.setRequired(true);
        notes.setId("rollback-notes");
        notes.setWidthFull();
        notes.setMaxLength(PatchRecord.ROLLBACK_NOTES_MAX);
        errors.field("restored", restored).field("notes", notes);
        add(restored, notes);
    }

    @Override
    Rollback value() {
        if (restored.getValue().isBlank()) {
            restored.setErrorMessage("Say what was restored.");
            restored.setInvalid(true);
            return null;
        }
        return new Rollback(restored.getValue(), notes.getValue());
    }
}
