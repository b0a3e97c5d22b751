package org.patchcare.advisories.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import org.patchcare.advisories.application.AdvisoryService;
import org.patchcare.advisories.application.AdvisoryViews.ImportResult;
import org.patchcare.advisories.application.ManualAdvisoryCommand;
import org.patchcare.advisories.application.ManualAdvisoryCommand.ManualVulnerability;
import org.patchcare.shared.domain.InvalidInputException;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** A form for a vendor notice that came as a PDF or an e-mail; it is stored and matched like an imported advisory. */
class ManualAdvisoryDialog extends Dialog {

    private final TextField trackingId = new TextField("Vendor's reference");
    private final TextField title = new TextField("Title");
    private final TextField publisher = new TextField("Published by");
    private final DatePicker releaseDate = new DatePicker("Date of the notice");
    private final TextField vendor = new TextField("Vendor");
    private final TextField product = new TextField("Product");
    private final TextField versions = new TextField("Affected versions");
    private final TextField cves = new TextField("CVEs");
    private final TextField cvss = new TextField("CVSS vector");
    private final TextArea description = new TextArea("What the vulnerability is");
    private final Select<String> remediation = new Select<>();
    private final TextArea remediationDetails = new TextArea("What the vendor says to do");
    private final Select<String> restart = new Select<>();
    private final TextField reference = new TextField("Link to the notice");
    private final Map<String, HasValidation> byField = new LinkedHashMap<>();

    ManualAdvisoryDialog(AdvisoryService advisories, Consumer<ImportResult> saved) {
        setHeaderTitle("Record a vendor notice");
        setId("manual-advisory-dialog");
        setWidth("56em");
        trackingId.setPlaceholder("e.g. PSIRT-2026-0042 (optional)");
        versions.setPlaceholder("e.g. <= 4.2, 4.1 | 4.2, all versions");
        cves.setPlaceholder("CVE-2026-1234, CVE-2026-1235");
        cvss.setPlaceholder("CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H (optional)");
        reference.setPlaceholder("https://… (optional)");
        remediation.setLabel("Remedy");
        remediation.setItems("vendor_fix", "mitigation", "workaround", "none_available", "no_fix_planned");
        remediation.setItemLabelGenerator(s -> switch (s) {
            case "vendor_fix" -> "Update or patch from the vendor";
            case "mitigation" -> "Mitigation (reduce the risk)";
            case "workaround" -> "Workaround";
            case "none_available" -> "No fix available yet";
            default -> "No fix planned";
        });
        remediation.setValue("vendor_fix");
        restart.setLabel("Applying it restarts");
        restart.setItems("", "none", "service", "system", "machine");
        restart.setItemLabelGenerator(s -> switch (s) {
            case "" -> "Not said";
            case "none" -> "Nothing";
            case "service" -> "A service";
            case "system" -> "The system";
            default -> "The whole device";
        });
        restart.setValue("");
        releaseDate.setValue(LocalDate.now());
        for (var f : List.of(title, publisher, vendor, product, cves)) {
            f.setRequiredIndicatorVisible(true);
        }
        byField.put("trackingId", trackingId);
        byField.put("title", title);
        byField.put("publisher", publisher);
        byField.put("releaseDate", releaseDate);
        byField.put("vendor", vendor);
        byField.put("productName", product);
        byField.put("affectedVersions", versions);
        byField.put("vulnerabilities", cves);
        byField.put("remediationCategory", remediation);
        byField.put("restartRequired", restart);
        byField.put("referenceUrl", reference);

        FormLayout form = new FormLayout(trackingId, title, publisher, releaseDate, vendor, product, versions, cves, cvss,
                description, remediation, restart, remediationDetails, reference);
        form.setColspan(title, 2);
        form.setColspan(description, 2);
        form.setColspan(remediationDetails, 2);
        form.setColspan(reference, 2);
        Paragraph hint = new Paragraph("PatchCare matches the vendor and product against the inventory as soon as you "
                + "save, like an advisory imported from a CSAF file.");
        hint.addClassName("pc-muted");
        add(hint, form);

        Button save = new Button("Save and match", e -> {
            byField.values().forEach(f -> f.setInvalid(false));
            cvss.setInvalid(false);
            try {
                ImportResult r = advisories.createManual(command());
                close();
                saved.accept(r);
            } catch (InvalidInputException ex) {
                for (InvalidInputException.Violation v : ex.violations()) {
                    HasValidation f = v.field().endsWith(".cvssVector") ? cvss
                            : byField.get(v.field().replaceAll("\\[.*", ""));
                    if (f != null) {
                        f.setErrorMessage(v.message());
                        f.setInvalid(true);
                    }
                }
            }
        });
        save.setId("manual-advisory-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button cancel = new Button("Cancel", e -> close());
        getFooter().add(cancel, save);
    }

    ManualAdvisoryCommand command() {
        String vector = cvss.getValue().isBlank() ? null : cvss.getValue().strip();
        List<ManualVulnerability> vulns = Arrays.stream(cves.getValue().split("[,;\\s]+")).filter(s -> !s.isBlank())
                .map(c -> new ManualVulnerability(c, vector, description.getValue().isBlank() ? null : description.getValue()))
                .toList();
        return new ManualAdvisoryCommand(trackingId.getValue(), title.getValue(), publisher.getValue(),
                releaseDate.getValue(), vendor.getValue(), product.getValue(), versions.getValue(), vulns,
                remediation.getValue(), remediationDetails.getValue(), restart.getValue(), reference.getValue());
    }
}
