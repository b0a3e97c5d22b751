package org.patchcare.patching.ui;

import org.patchcare.patching.application.PatchViews.PatchRecordView;
import org.patchcare.patching.domain.PatchWork;

/** "Record work…": what was done on the device and the result. */
public class RecordWorkDialog extends PatchDialog<PatchWork> {

    final WorkFields fields;

    public RecordWorkDialog(PatchRecordView r) {
        super("Record work · " + r.assetTag(), "What was done on the device and how it went. A failed result fails "
                + "the change request; the device is then rolled back.", "Record");
        setId("record-work-dialog");
        fields = new WorkFields(new PatchWork(r.action(), r.fromVersion(), r.toVersion(), r.controlApplied(),
                r.vendorEngineer(), r.notes(), r.result()), true);
        fields.register(errors);
        add(fields);
    }

    @Override
    PatchWork value() {
        return fields.work();
    }
}
