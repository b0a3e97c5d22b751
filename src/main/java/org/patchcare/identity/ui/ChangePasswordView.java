package org.patchcare.identity.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.VaadinSession;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.patchcare.identity.application.AccountService;
import org.patchcare.identity.application.AuthenticatedUser;
import org.patchcare.identity.domain.PasswordPolicy;
import org.patchcare.inventory.ui.FieldErrors;
import org.patchcare.inventory.ui.Notices;
import org.patchcare.shared.domain.InvalidInputException;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.security.PatchCareAuthenticationMechanism;
import org.patchcare.shared.ui.MainLayout;

/** Everyone changes their own password here; after an administrator's reset, people land here first. */
@Route(value = PatchCareAuthenticationMechanism.CHANGE_PASSWORD_ROUTE, layout = MainLayout.class)
@PageTitle("My password · PatchCare")
@RolesAllowed({Roles.BIOMED_TECH, Roles.CLINICAL_MANAGER, Roles.IT_SECURITY, Roles.ADMIN})
public class ChangePasswordView extends VerticalLayout {

    @Inject
    public ChangePasswordView(AccountService account) {
        setMaxWidth("40em");
        AuthenticatedUser me = sessionUser();
        add(new H2("My password"));
        if (me != null && me.mustChangePassword()) {
            Paragraph forced = new Paragraph("An administrator reset your password. Choose your own password now; "
                    + "PatchCare opens the other screens after that.");
            forced.setId("password-must-change");
            forced.getStyle().set("background", "var(--lumo-warning-color-10pct)").set("padding", "var(--lumo-space-m)")
                    .set("border-radius", "var(--lumo-border-radius-m)").set("font-weight", "600");
            add(forced);
        }
        add(new Paragraph("Use at least " + PasswordPolicy.MIN + " characters. A few unrelated words with spaces make "
                + "a password that is long and easy to remember. Very common passwords are refused."));
        PasswordField current = new PasswordField("Current password");
        current.setId("current-password");
        PasswordField next = new PasswordField("New password");
        next.setId("new-password");
        next.setMaxLength(PasswordPolicy.MAX);
        PasswordField repeat = new PasswordField("New password again");
        repeat.setId("repeat-password");
        repeat.setMaxLength(PasswordPolicy.MAX);
        FieldErrors errors = new FieldErrors().field("currentPassword", current).field("newPassword", next);
        Button save = new Button("Change password", e -> {
            errors.clear();
            repeat.setInvalid(false);
            if (!next.getValue().equals(repeat.getValue())) {
                repeat.setErrorMessage("The two new passwords differ.");
                repeat.setInvalid(true);
                return;
            }
            try {
                String stamp = account.changePassword(current.getValue(), next.getValue());
                if (me != null) {
                    VaadinSession.getCurrent().getSession().setAttribute(PatchCareAuthenticationMechanism.SESSION_USER,
                            me.passwordChanged(stamp));
                }
                Notices.saved("Your password was changed. Your other sessions have ended.");
                UI.getCurrent().navigate("");
            } catch (InvalidInputException ex) {
                errors.show(ex);
            }
        });
        save.setId("change-password");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(current, next, repeat);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        add(form, save);
    }

    private static AuthenticatedUser sessionUser() {
        VaadinSession s = VaadinSession.getCurrent();
        return s != null && s.getSession().getAttribute(PatchCareAuthenticationMechanism.SESSION_USER)
                instanceof AuthenticatedUser u ? u : null;
    }
}
