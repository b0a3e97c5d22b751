package org.patchcare.risk.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H4;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.shared.Registration;
import org.patchcare.advisories.application.ExposureViews.ExposureView;
import org.patchcare.inventory.ui.FieldErrors;
import org.patchcare.inventory.ui.Formats;
import org.patchcare.inventory.ui.Notices;
import org.patchcare.risk.application.ControlService;
import org.patchcare.risk.application.MitigationViews.ControlView;
import org.patchcare.risk.application.MitigationViews.ValidationView;
import org.patchcare.risk.application.ValidationCommand;
import org.patchcare.risk.application.ValidationService;
import org.patchcare.risk.domain.ValidationMethod;
import org.patchcare.risk.domain.ValidationOutcome;
import org.patchcare.risk.domain.ValidationResult;
import org.patchcare.shared.domain.DomainException;
import org.patchcare.shared.domain.InvalidInputException;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;

/**
 * Records what a breach-and-attack simulation, penetration test or manual check found for one exposure (IT security),
 * and lists the earlier results with stale ones struck through. When the current result shows the exposure cannot be
 * exploited here, "Mark not affected" sets its VEX state with a reason naming the test and the controls. Fires
 * {@link SavedEvent} after either.
 */
public class ValidationResultDialog extends Dialog {

    private final ValidationService validations;
    private final String exposureId;
    final Select<ValidationOutcome> outcome = new Select<>();
    final Select<ValidationMethod> method = new Select<>();
    final TextField tool = new TextField("Tool or tester");
    final DatePicker testedOn = Formats.iso(new DatePicker("Tested on"));
    final TextArea evidence = new TextArea("Evidence");
    final ComboBox<ControlView> control = new ComboBox<>("Control that blocked it");
    final Button save = new Button("Record");
    final Button notAffected = new Button("Mark not affected");
    final VerticalLayout history = new VerticalLayout();
    private final FieldErrors errors = new FieldErrors();

    public ValidationResultDialog(ValidationService validations, ControlService controls, String exposureId, String what) {
        this.validations = validations;
        this.exposureId = exposureId;
        setHeaderTitle("Validation of " + what);
        setId("validation-dialog");
        setWidth("48em");
        outcome.setLabel("Found");
        outcome.setItems(ValidationOutcome.values());
        outcome.setItemLabelGenerator(o -> o == null ? "" : o.label());
        outcome.setId("validation-outcome");
        method.setLabel("How");
        method.setItems(ValidationMethod.values());
        method.setItemLabelGenerator(m -> m == null ? "" : m.label());
        method.setId("validation-method");
        tool.setId("validation-tool");
        tool.setMaxLength(ValidationResult.TOOL_MAX);
        testedOn.setId("validation-tested");
        testedOn.setMax(LocalDate.now(ZoneOffset.UTC));
        testedOn.setValue(LocalDate.now(ZoneOffset.UTC));
        evidence.setId("validation-evidence");
        evidence.setWidthFull();
        evidence.setMaxLength(ValidationResult.EVIDENCE_MAX);
        evidence.setPlaceholder("What was run against the device, what it showed, where the report is");
        List<ControlView> usable = controls.usableFor(List.of(exposureId));
        control.setItems(usable);
        control.setItemLabelGenerator(ControlView::label);
        control.setClearButtonVisible(true);
        control.setId("validation-control");
        control.setHelperText("Required when the test was blocked by a control");
        errors.field("outcome", outcome).field("method", method).field("tool", tool).field("testedOn", testedOn)
                .field("evidence", evidence).field("controlId", control);
        save.setId("validation-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> record());
        notAffected.setId("validation-not-affected");
        notAffected.addClickListener(e -> markNotAffected());
        history.setPadding(false);
        history.setSpacing(false);
        history.setId("validation-history");
        FormLayout fields = new FormLayout(outcome, method, tool, testedOn, control);
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 2));
        add(fields, evidence, new H4("Earlier results"), history);
        getFooter().add(notAffected, new Button("Close", e -> close()), save);
        showHistory();
    }

    private void record() {
        errors.clear();
        try {
            ValidationView v = validations.record(exposureId, new ValidationCommand(outcome.getValue(),
                    method.getValue(), tool.getValue(), testedOn.getValue(),
                    evidence.getValue(), control.getValue() == null ? null : control.getValue().id()));
            Notices.saved("Recorded: " + v.outcomeLabel().toLowerCase(java.util.Locale.ROOT) + " (" + v.methodLabel() + ", " + v.testedOn() + ").");
            showHistory();
            fireEvent(new SavedEvent(this, v, null));
        } catch (InvalidInputException ex) {
            errors.show(ex);
        }
    }

    private void markNotAffected() {
        try {
            ExposureView e = validations.markNotAffected(exposureId, null);
            close();
            Notices.saved("Marked not affected: " + e.cve() + " on " + e.assetTag() + ".");
            fireEvent(new SavedEvent(this, null, e));
        } catch (DomainException ex) {
            Notices.warning(ex.getMessage());
        }
    }

    private void showHistory() {
        history.removeAll();
        List<ValidationView> all = validations.forExposure(exposureId);
        if (all.isEmpty()) {
            history.add(new Paragraph("None recorded yet."));
        }
        for (ValidationView v : all) {
            Paragraph p = new Paragraph(v.testedOn() + " · " + v.outcomeLabel() + " · " + v.methodLabel() + " (" + v.tool()
                    + ")" + (v.controlLabel() == null ? "" : " · " + v.controlLabel()) + " — " + v.evidence()
                    + (v.stale() ? " [stale]" : v.current() ? " [counts]" : ""));
            p.addClassNames("pc-validation", v.stale() ? "stale" : v.current() ? "current" : "older");
            p.getStyle().set("margin", "0.2em 0");
            history.add(p);
        }
        notAffected.setEnabled(all.stream().anyMatch(v -> v.current()
                && ValidationResult.showsNotExploitable(ValidationOutcome.valueOf(v.outcome()))));
    }

    public Registration addSavedListener(ComponentEventListener<SavedEvent> listener) {
        return addListener(SavedEvent.class, listener);
    }

    /** A result was recorded ({@code validation}), or the exposure was marked not affected ({@code exposure}). */
    public static class SavedEvent extends ComponentEvent<ValidationResultDialog> {
        private final ValidationView validation;
        private final ExposureView exposure;

        public SavedEvent(ValidationResultDialog source, ValidationView validation, ExposureView exposure) {
            super(source, false);
            this.validation = validation;
            this.exposure = exposure;
        }

        public ValidationView getValidation() {
            return validation;
        }

        public ExposureView getExposure() {
            return exposure;
        }
    }
}
