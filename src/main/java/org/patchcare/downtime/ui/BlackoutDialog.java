package org.patchcare.downtime.ui;

import com.vaadin.flow.component.dialog.Dialog;
import org.patchcare.downtime.application.BlackoutService;
import org.patchcare.downtime.application.DowntimeViews.BlackoutView;
import org.patchcare.inventory.application.OrganisationViews.DepartmentView;
import org.patchcare.inventory.ui.Notices;
import org.patchcare.shared.domain.ConflictException;
import org.patchcare.shared.domain.DomainException;

import java.util.List;

/** Records a new blackout rule or changes one: the {@link BlackoutForm} in a dialog, wired to {@link BlackoutService}. */
class BlackoutDialog extends Dialog {

    final BlackoutForm form;

    /** {@code existing} null: a new rule of {@code draft}'s department; else a change of that rule at its version. */
    BlackoutDialog(BlackoutService blackouts, List<DepartmentView> departments, BlackoutView existing,
                   BlackoutDraft draft, Runnable saved) {
        setHeaderTitle(existing == null ? "New blackout window" : "Change blackout window");
        setId("blackout-dialog");
        setWidth("44em");
        form = new BlackoutForm(departments);
        form.setDraft(draft);
        form.addCancelListener(e -> close());
        form.addSaveListener(e -> {
            try {
                BlackoutView b = existing == null ? blackouts.create(e.getCommand())
                        : blackouts.update(existing.id(), existing.version(), e.getCommand());
                close();
                Notices.saved("Saved: " + b.title() + ".");
                saved.run();
            } catch (ConflictException ex) {
                Notices.conflict(ex.getMessage(), () -> {
                    close();
                    saved.run();
                });
            } catch (DomainException ex) {
                form.showFormError(ex.getMessage());
            }
        });
        add(form);
    }
}
