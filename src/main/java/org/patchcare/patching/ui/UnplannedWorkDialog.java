package org.patchcare.patching.ui;

import com.vaadin.flow.component.datetimepicker.DateTimePicker;
import com.vaadin.flow.component.textfield.TextArea;
import org.patchcare.patching.application.UnplannedCommand;
import org.patchcare.patching.domain.PatchRecord;
import org.patchcare.patching.domain.PatchWork;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;

/**
 * "Record unplanned work…": work done outside a change request (a vendor visit, work on paper), entered afterwards:
 * what was done, when, the functional check and when. Times are the browser's local time; none may lie ahead.
 */
public class UnplannedWorkDialog extends PatchDialog<UnplannedCommand> {

    final WorkFields fields;
    final DateTimePicker performedAt = new DateTimePicker("Work done on");
    final TextArea check = new TextArea("Functional check");
    final DateTimePicker verifiedAt = new DateTimePicker("Checked and back in use on");
    private final ZoneId zone;

    public UnplannedWorkDialog(String assetTag, String currentVersion, ZoneId zone, Clock clock) {
        super("Record unplanned work · " + assetTag, "For work done outside a change request, e.g. during a vendor "
                + "visit. It is kept flagged as unplanned.", "Record");
        this.zone = zone;
        setId("unplanned-dialog");
        fields = new WorkFields(new PatchWork(null, currentVersion, null, null, null, null, null), false);
        fields.register(errors);
        LocalDateTime now = LocalDateTime.now(clock.withZone(zone));
        performedAt.setId("unplanned-performed-at");
        performedAt.setMax(now);
        performedAt.setHelperText("Time zone " + zone.getId());
        verifiedAt.setId("unplanned-verified-at");
        verifiedAt.setMax(now);
        check.setId("unplanned-check");
        check.setMaxLength(PatchRecord.CHECK_MAX);
        errors.field("performedAt", performedAt).field("verifiedAt", verifiedAt).field("functionalCheck", check);
        fields.add(performedAt, verifiedAt, check);
        fields.setColspan(check, 2);
        add(fields);
    }

    @Override
    UnplannedCommand value() {
        return new UnplannedCommand(fields.work(),
                performedAt.getValue() == null ? null : performedAt.getValue().atZone(zone).toInstant(),
                check.getValue(),
                verifiedAt.getValue() == null ? null : verifiedAt.getValue().atZone(zone).toInstant());
    }
}
