package org.patchcare.patching.ui;

import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.textfield.TextArea;
import org.patchcare.patching.application.PatchViews.PatchRecordView;
import org.patchcare.patching.domain.PatchRecord;

/** "Verify…": the functional check and the device back in service; the verifier is the person logged in. */
public class VerifyDialog extends PatchDialog<VerifyDialog.Verification> {

    /** What the verifier confirms. */
    public record Verification(String functionalCheck, boolean returnedToService) {
    }

    final TextArea check = new TextArea("Functional check");
    final Checkbox returned = new Checkbox("The device is back in service");

    public VerifyDialog(PatchRecordView r) {
        super("Verify · " + r.assetTag(), "Confirm that the device works as it should and is back in clinical use. "
                + (r.toVersion() == null ? "" : "Its software version becomes " + r.toVersion() + "; vulnerabilities "
                + "fixed by it are closed by themselves."), "Verify");
        setId("verify-dialog");
        check.setId("verify-check");
        check.setWidthFull();
        check.setMaxLength(PatchRecord.CHECK_MAX);
        check.setPlaceholder("e.g. Self-test passed, alarms tested, version screen shows 4.2");
        check.setRequired(true);
        returned.setId("verify-returned");
        errors.field("functionalCheck", check);
        add(check, returned);
    }

    @Override
    Verification value() {
        if (check.getValue().isBlank()) {
            check.setErrorMessage("Describe the functional check: what was tested and what it showed.");
            check.setInvalid(true);
            return null;
        }
        return new Verification(check.getValue(), returned.getValue());
    }
}
