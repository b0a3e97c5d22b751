package org.patchcare.patching.ui;

import com.vaadin.flow.component.ComponentEvent;
import com.vaadin.flow.component.ComponentEventListener;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.shared.Registration;
import org.patchcare.inventory.ui.FieldErrors;
import org.patchcare.shared.domain.InvalidInputException;

/**
 * A dialog of patch execution: it knows no service. Its button fires a {@link SaveEvent} with what was entered; the
 * screen that opened it calls the service, closes it on success, or hands the refusal back ({@link #refused}) so each
 * message appears at its field.
 *
 * @param <T> what the dialog collects
 */
public abstract class PatchDialog<T> extends Dialog {

    final FieldErrors errors = new FieldErrors();
    final Button save;

    PatchDialog(String title, String explanation, String saveLabel) {
        setHeaderTitle(title);
        setWidth("36em");
        setMaxWidth("100%");
        if (explanation != null) {
            Paragraph p = new Paragraph(explanation);
            p.addClassName("pc-muted");
            add(p);
        }
        save = new Button(saveLabel, e -> {
            errors.clear();
            T value = value();
            if (value != null) {
                fireEvent(new SaveEvent<>(this, value));
            }
        });
        save.setId("patch-dialog-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button back = new Button("Back", e -> close());
        back.setId("patch-dialog-back");
        getFooter().add(back, save);
    }

    /** What was entered, or null when a field is visibly missing (it is marked). */
    abstract T value();

    /** Shows the service's refusal at the fields it names. */
    public void refused(InvalidInputException e) {
        errors.show(e);
    }

    /** The person confirmed the dialog with {@code value}. */
    public static final class SaveEvent<T> extends ComponentEvent<PatchDialog<T>> {
        private final T value;

        SaveEvent(PatchDialog<T> source, T value) {
            super(source, false);
            this.value = value;
        }

        public T value() {
            return value;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    public Registration addSaveListener(ComponentEventListener<SaveEvent<T>> listener) {
        return addListener((Class) SaveEvent.class, (ComponentEventListener) listener);
    }
}
