package org.patchcare.risk.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.shared.Registration;
import org.patchcare.inventory.ui.FieldErrors;
import org.patchcare.inventory.ui.Formats;
import org.patchcare.inventory.ui.Notices;
import org.patchcare.risk.application.AcceptanceService;
import org.patchcare.risk.application.MitigationViews.AcceptanceView;
import org.patchcare.risk.domain.RiskAcceptance;
import org.patchcare.shared.domain.DomainException;
import org.patchcare.shared.domain.InvalidInputException;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Requests a risk acceptance for one open exposure: why, and until when (at most {@value RiskAcceptance#MAX_DAYS}
 * days). Fires {@link SavedEvent} with the request; a clinical manager of the department and IT security then decide.
 */
public class RequestAcceptanceDialog extends Dialog {

    final TextArea reason = new TextArea("Why the risk can be accepted for now");
    final DatePicker expiresOn = Formats.iso(new DatePicker("Until"));
    final Button request = new Button("Request");
    private final FieldErrors errors = new FieldErrors();

    /** {@code what} names the exposure for the person, e.g. "CVE-2024-1234 on BME-000123". */
    public RequestAcceptanceDialog(AcceptanceService acceptances, String exposureId, String what) {
        setHeaderTitle("Request a risk acceptance");
        setId("request-acceptance-dialog");
        setWidth("36em");
        Paragraph text = new Paragraph("Accept the risk of " + what + " until a date. A clinical manager of the device's "
                + "department and IT security must both approve; until then nothing changes.");
        text.addClassName("pc-muted");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        reason.setId("acceptance-reason");
        reason.setWidthFull();
        reason.setMaxLength(RiskAcceptance.REASON_MAX);
        reason.setPlaceholder("e.g. The vendor has no patch yet; the pump is on the isolated infusion VLAN");
        expiresOn.setId("acceptance-expires");
        expiresOn.setMin(today.plusDays(1));
        expiresOn.setMax(today.plusDays(RiskAcceptance.MAX_DAYS));
        expiresOn.setValue(today.plusDays(90));
        expiresOn.setHelperText("At most " + RiskAcceptance.MAX_DAYS + " days ahead");
        errors.field("reason", reason).field("expiresOn", expiresOn);
        request.setId("acceptance-request");
        request.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        request.addClickListener(e -> {
            errors.clear();
            try {
                AcceptanceView a = acceptances.request(exposureId, reason.getValue(), expiresOn.getValue());
                close();
                Notices.saved("Requested: risk acceptance of " + what + " until " + a.expiresOn() + ".");
                fireEvent(new SavedEvent(this, a));
            } catch (InvalidInputException ex) {
                errors.show(ex);
            } catch (DomainException ex) {
                reason.setErrorMessage(ex.getMessage());
                reason.setInvalid(true);
            }
        });
        add(text, reason, expiresOn);
        getFooter().add(new Button("Cancel", e -> close()), request);
    }

    public Registration addSavedListener(ComponentEventListener<SavedEvent> listener) {
        return addListener(SavedEvent.class, listener);
    }

    /** The request was recorded. */
    public static class SavedEvent extends ComponentEvent<RequestAcceptanceDialog> {
        private final AcceptanceView acceptance;

        public SavedEvent(RequestAcceptanceDialog source, AcceptanceView acceptance) {
            super(source, false);
            this.acceptance = acceptance;
        }

        public AcceptanceView getAcceptance() {
            return acceptance;
        }
    }
}
