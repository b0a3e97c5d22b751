package org.patchcare.risk.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextArea;
import org.patchcare.risk.application.RiskService;
import org.patchcare.shared.domain.InvalidInputException;

import java.util.Locale;

/**
 * IT security overrides one decision point (a value of the point's own, and a reason), or removes an override (a
 * reason). Knows no service: {@link Saver} does the work; a refusal shows beside the field it concerns.
 */
class OverrideDialog extends Dialog {

    /** Stores the override; {@code value} is null when the override is removed. */
    @FunctionalInterface
    interface Saver {
        void save(String value, String reason);
    }

    final Select<String> value = new Select<>();
    final TextArea reason = new TextArea("Reason");
    final Button save = new Button();
    private final boolean removal;
    private final String point;
    private final Saver saver;

    /** Sets a value for {@code point}; {@code current} is preselected. */
    static OverrideDialog override(String point, String current, Saver saver) {
        return new OverrideDialog(point, current, false, saver);
    }

    /** Removes IT security's value of {@code point}: the value derived from the facts counts again. */
    static OverrideDialog removal(String point, String current, Saver saver) {
        return new OverrideDialog(point, current, true, saver);
    }

    private OverrideDialog(String point, String current, boolean removal, Saver saver) {
        this.point = point;
        this.removal = removal;
        this.saver = saver;
        String label = RiskFormats.pointLabel(point);
        setHeaderTitle((removal ? "Remove the override of " : "Override ") + label.toLowerCase(Locale.ROOT));
        setId("override-dialog");
        setWidth("34em");
        setMaxWidth("100%");
        Paragraph question = new Paragraph(RiskFormats.question(point));
        question.addClassName("pc-muted");
        VerticalLayout body = new VerticalLayout(question);
        body.setPadding(false);
        body.setDefaultHorizontalComponentAlignment(VerticalLayout.Alignment.STRETCH);
        if (removal) {
            body.add(new Paragraph("Your value \"" + RiskFormats.valueLabel(point, current) + "\" is removed; the value "
                    + "PatchCare derives from the facts counts again, and the exposure is decided again at once."));
        } else {
            value.setLabel(label);
            value.setId("override-value");
            value.setItems(RiskFormats.values(point));
            value.setItemLabelGenerator(v -> v == null ? "" : RiskFormats.valueLabel(point, v) + " – "
                    + RiskFormats.meaning(point, v));
            value.setValue(current);
            body.add(value);
        }
        reason.setId("override-reason");
        reason.setRequired(true);
        reason.setMaxLength(RiskService.REASON_MAX);
        reason.setPlaceholder(removal ? "e.g. The network segment was opened again on 2026-12-01"
                : "e.g. The pump's network module is removed; it is standalone (checked by biomed on 2026-11-20)");
        reason.setHelperText("Shown beside the decision and kept in the audit trail.");
        body.add(reason);
        add(body);
        save.setText(removal ? "Remove override" : "Override");
        save.setId("override-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        if (removal) {
            save.addThemeVariants(ButtonVariant.LUMO_ERROR);
        }
        save.addClickListener(e -> save());
        Button cancel = new Button("Cancel", e -> close());
        cancel.setId("override-cancel");
        getFooter().add(cancel, save);
    }

    private void save() {
        boolean ok = true;
        if (!removal && (value.getValue() == null || value.getValue().isEmpty())) {
            value.setErrorMessage("Choose a value.");
            value.setInvalid(true);
            ok = false;
        }
        if (reason.getValue() == null || reason.getValue().isBlank()) {
            reason.setErrorMessage("Say why: the reason is shown beside the decision and kept in the audit trail.");
            reason.setInvalid(true);
            ok = false;
        }
        if (!ok) {
            return;
        }
        try {
            saver.save(removal ? null : value.getValue(), reason.getValue().strip());
            close();
        } catch (InvalidInputException ex) {
            for (InvalidInputException.Violation v : ex.violations()) {
                if ("value".equals(v.field()) && !removal) {
                    value.setErrorMessage(v.message());
                    value.setInvalid(true);
                } else {
                    reason.setErrorMessage(v.message());
                    reason.setInvalid(true);
                }
            }
        }
    }

    String point() {
        return point;
    }
}
