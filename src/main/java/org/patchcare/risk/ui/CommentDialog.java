package org.patchcare.risk.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.TextArea;
import org.patchcare.shared.domain.DomainException;
import org.patchcare.shared.domain.InvalidInputException;

import java.util.function.Consumer;

/**
 * Asks for a comment or reason and runs one action with it (withdraw a control, approve or reject an acceptance). The
 * service's refusal stays in the dialog next to the text; success closes it and runs {@code done}.
 */
class CommentDialog extends Dialog {

    final TextArea comment = new TextArea();
    final Button confirm;

    CommentDialog(String title, String explanation, String label, boolean required, String confirmLabel,
                  Consumer<String> action, Runnable done) {
        setHeaderTitle(title);
        setId("comment-dialog");
        setWidth("32em");
        Paragraph text = new Paragraph(explanation);
        text.addClassName("pc-muted");
        comment.setLabel(label);
        comment.setRequired(required);
        comment.setWidthFull();
        comment.setId("comment-text");
        confirm = new Button(confirmLabel, e -> {
            String value = comment.getValue();
            if (required && value.isBlank()) {
                comment.setErrorMessage("Please write a few words; they are kept in the audit trail.");
                comment.setInvalid(true);
                return;
            }
            try {
                action.accept(value);
                close();
                done.run();
            } catch (InvalidInputException ex) {
                comment.setErrorMessage(String.join("; ", ex.violations().stream()
                        .map(InvalidInputException.Violation::message).toList()));
                comment.setInvalid(true);
            } catch (DomainException ex) {
                comment.setErrorMessage(ex.getMessage());
                comment.setInvalid(true);
            }
        });
        confirm.setId("comment-confirm");
        confirm.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(text, comment);
        getFooter().add(new Button("Cancel", e -> close()), confirm);
    }
}
