package org.patchcare.risk.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.binder.BeanValidationBinder;
import com.vaadin.flow.shared.Registration;
import org.patchcare.inventory.ui.Formats;
import org.patchcare.risk.application.ControlCommand;
import org.patchcare.risk.domain.CompensatingControl;
import org.patchcare.risk.domain.ControlScope;
import org.patchcare.risk.domain.ControlType;
import org.patchcare.shared.domain.InvalidInputException;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The fields of a compensating control, bound to a {@link ControlCommand} with Bean Validation. Knows no service: it
 * fires {@link SaveEvent} with a valid command, or {@link CancelEvent}; the dialog around it saves.
 */
public class ControlForm extends VerticalLayout {

    final Select<ControlType> type = new Select<>();
    final TextField title = new TextField("Title");
    final TextField reference = new TextField("Reference (rule id, ticket)");
    final Select<ControlScope> scope = new Select<>();
    final TextField scopeKey = new TextField("Asset tag");
    final ComboBox<String> owner = new ComboBox<>("Owner");
    final TextArea evidence = new TextArea("Evidence that it is in place");
    final DatePicker appliedOn = Formats.iso(new DatePicker("Applied on"));
    final DatePicker reviewOn = Formats.iso(new DatePicker("Review on"));
    final DatePicker expiresOn = Formats.iso(new DatePicker("Expires on"));
    final Button save = new Button("Save");
    final Button cancel = new Button("Cancel");
    private final Span formError = new Span();
    private final BeanValidationBinder<ControlCommand> binder = new BeanValidationBinder<>(ControlCommand.class);
    private final Map<String, HasValidation> fieldsByProperty = new LinkedHashMap<>();
    private ControlCommand command;

    public ControlForm(List<String> owners) {
        setPadding(false);
        addClassName("pc-control-form");
        type.setLabel("Kind");
        type.setItems(ControlType.values());
        type.setItemLabelGenerator(t -> t == null ? "" : t.label());
        type.setPlaceholder("Choose");
        scope.setLabel("Covers");
        scope.setItems(ControlScope.values());
        scope.setItemLabelGenerator(s -> s == null ? "" : s.label());
        scope.addValueChangeListener(e -> scopeKey.setLabel(scopeLabel(e.getValue())));
        owner.setItems(owners);
        owner.setHelperText("Warned before the control expires");
        title.setMaxLength(CompensatingControl.TITLE_MAX);
        reference.setMaxLength(CompensatingControl.REFERENCE_MAX);
        scopeKey.setMaxLength(CompensatingControl.SEGMENT_MAX);
        evidence.setMaxLength(CompensatingControl.EVIDENCE_MAX);
        evidence.setPlaceholder("e.g. Rule 1234 deployed on the core IPS on 2026-11-20, blocks CVE-2024-1234 exploit traffic");
        expiresOn.setHelperText("Required: by then it is checked again, renewed or removed");
        ids();
        bind();
        formError.addClassName("pc-form-error");
        formError.setVisible(false);
        formError.setId("control-form-error");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        save.addClickListener(e -> save());
        cancel.addClickListener(e -> fireEvent(new CancelEvent(this)));
        FormLayout fields = new FormLayout(type, title, reference, scope, scopeKey, owner, appliedOn, reviewOn, expiresOn);
        fields.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1), new FormLayout.ResponsiveStep("30em", 3));
        evidence.setWidthFull();
        add(formError, fields, evidence, new HorizontalLayout(save, cancel));
    }

    static String scopeLabel(ControlScope s) {
        return s == null ? "Asset tag, segment or model id" : switch (s) {
            case DEVICE -> "Asset tag";
            case SEGMENT -> "Network segment";
            case MODEL -> "Device model id";
        };
    }

    private void ids() {
        type.setId("control-type");
        title.setId("control-title");
        reference.setId("control-reference");
        scope.setId("control-scope");
        scopeKey.setId("control-scope-key");
        owner.setId("control-owner");
        evidence.setId("control-evidence");
        appliedOn.setId("control-applied");
        reviewOn.setId("control-review");
        expiresOn.setId("control-expires");
        save.setId("control-save");
        cancel.setId("control-cancel");
    }

    private void bind() {
        binder.forField(type).bind("type");
        binder.forField(title).withNullRepresentation("").bind("title");
        binder.forField(reference).withNullRepresentation("").bind("reference");
        binder.forField(scope).bind("scope");
        binder.forField(scopeKey).withNullRepresentation("").bind("scopeKey");
        binder.forField(owner).bind("owner");
        binder.forField(evidence).withNullRepresentation("").bind("evidence");
        binder.forField(appliedOn).bind("appliedOn");
        binder.forField(reviewOn).bind("reviewOn");
        binder.forField(expiresOn).bind("expiresOn");
        fieldsByProperty.put("type", type);
        fieldsByProperty.put("title", title);
        fieldsByProperty.put("reference", reference);
        fieldsByProperty.put("scope", scope);
        fieldsByProperty.put("scopeKey", scopeKey);
        fieldsByProperty.put("owner", owner);
        fieldsByProperty.put("evidence", evidence);
        fieldsByProperty.put("appliedOn", appliedOn);
        fieldsByProperty.put("reviewOn", reviewOn);
        fieldsByProperty.put("expiresOn", expiresOn);
    }

    /** Shows the command; edits go into it only when saving passes validation. */
    public void setCommand(ControlCommand cmd) {
        this.command = cmd;
        formError.setVisible(false);
        binder.readBean(cmd);
        scopeKey.setLabel(scopeLabel(cmd.getScope()));
    }

    public ControlCommand getCommand() {
        return command;
    }

    /** Validates, writes the fields into the command and fires a save event; shows the messages otherwise. */
    public boolean save() {
        formError.setVisible(false);
        if (!binder.validate().isOk() || !binder.writeBeanIfValid(command)) {
            showFormError("Some fields need attention; see the messages next to them.");
            return false;
        }
        fireEvent(new SaveEvent(this, command));
        return true;
    }

    /** The server's objections next to the fields they name; the others above the form. */
    public void showServerErrors(InvalidInputException e) {
        StringBuilder unmatched = new StringBuilder();
        for (InvalidInputException.Violation v : e.violations()) {
            HasValidation field = fieldsByProperty.get(v.field());
            if (field != null) {
                field.setErrorMessage(v.message());
                field.setInvalid(true);
            } else {
                unmatched.append(unmatched.isEmpty() ? "" : "; ").append(v.message());
            }
        }
        showFormError(unmatched.isEmpty() ? "The control was not saved; see the messages next to the fields."
                : "The control was not saved: " + unmatched);
    }

    public void showFormError(String message) {
        formError.setText(message);
        formError.setVisible(true);
    }

    public Registration addSaveListener(ComponentEventListener<SaveEvent> listener) {
        return addListener(SaveEvent.class, listener);
    }

    public Registration addCancelListener(ComponentEventListener<CancelEvent> listener) {
        return addListener(CancelEvent.class, listener);
    }

    /** The person asked to save a valid command. */
    public static class SaveEvent extends ComponentEvent<ControlForm> {
        private final ControlCommand command;

        public SaveEvent(ControlForm source, ControlCommand command) {
            super(source, false);
            this.command = command;
        }

        public ControlCommand getCommand() {
            return command;
        }
    }

    public static class CancelEvent extends ComponentEvent<ControlForm> {
        public CancelEvent(ControlForm source) {
            super(source, false);
        }
    }
}
