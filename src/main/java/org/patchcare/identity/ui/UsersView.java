package org.patchcare.identity.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.patchcare.identity.application.UserCommand;
import org.patchcare.identity.application.UserService;
import org.patchcare.identity.application.UserView;
import org.patchcare.identity.domain.Role;
import org.patchcare.identity.domain.User;
import org.patchcare.inventory.application.OrganisationService;
import org.patchcare.inventory.application.OrganisationViews.DepartmentView;
import org.patchcare.inventory.ui.FieldErrors;
import org.patchcare.inventory.ui.Formats;
import org.patchcare.inventory.ui.Notices;
import org.patchcare.shared.domain.ConflictException;
import org.patchcare.shared.domain.InvalidInputException;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.ui.MainLayout;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Who may log in, with which roles, and (for clinical managers) for which departments. */
@Route(value = "admin/users", layout = MainLayout.class)
@PageTitle("Users · PatchCare")
@RolesAllowed(Roles.ADMIN)
public class UsersView extends VerticalLayout {

    private final UserService users;
    private final List<DepartmentView> departments;
    private final Grid<UserView> grid = new Grid<>(UserView.class, false);

    @Inject
    public UsersView(UserService users, OrganisationService organisation) {
        this.users = users;
        this.departments = organisation.departments();
        setSizeFull();
        Button create = new Button("New user", VaadinIcon.PLUS.create(), e -> edit(null));
        create.setId("new-user");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout top = new HorizontalLayout(new H2("Users"), create);
        top.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.setId("user-grid");
        grid.addColumn(UserView::username).setHeader("Username").setSortable(true).setComparator(UserView::username);
        grid.addColumn(UserView::displayName).setHeader("Name").setSortable(true).setComparator(UserView::displayName);
        grid.addColumn(u -> Formats.text(u.email())).setHeader("Email");
        grid.addColumn(u -> u.roles().stream().sorted().map(Role::label).collect(Collectors.joining(", "))).setHeader("Roles")
                .setFlexGrow(2);
        grid.addColumn(u -> String.join(", ", u.departments())).setHeader("Departments");
        grid.addComponentColumn(u -> {
            Span s = new Span(u.enabled() ? "Active" : "Disabled");
            s.addClassNames("pc-badge", u.enabled() ? "supported" : "unknown");
            return s;
        }).setHeader("Access").setFlexGrow(0).setWidth("8em");
        grid.addColumn(u -> Formats.dateTime(u.lastLoginAt())).setHeader("Last login").setAutoWidth(true);
        grid.addItemClickListener(e -> edit(e.getItem()));
        grid.setSizeFull();
        add(top, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(users.list());
    }

    /** A generated temporary password, shown once; the user must change it at the next login. */
    private void resetPassword(UserView u, Dialog editor) {
        Dialog d = new Dialog("Reset the password of " + u.username() + "?");
        d.add(new com.vaadin.flow.component.html.Paragraph("PatchCare makes a temporary password and shows it once. "
                + "Give it to " + u.displayName() + " in person or by phone; they must choose their own password at "
                + "the next login. A lockout after failed logins ends too."));
        Button go = new Button("Reset password", e -> {
            String temporary = users.resetPassword(u.username(), null);
            d.removeAll();
            d.setHeaderTitle("Temporary password for " + u.username());
            TextField shown = new TextField("Temporary password (shown once)");
            shown.setId("temporary-password");
            shown.setValue(temporary);
            shown.setReadOnly(true);
            shown.setWidthFull();
            d.add(shown);
            d.getFooter().removeAll();
            Button done = new Button("Done", x -> {
                d.close();
                editor.close();
                refresh();
            });
            done.setId("reset-done");
            d.getFooter().add(done);
        });
        go.setId("confirm-reset");
        go.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.getFooter().add(new Button("Cancel", e -> d.close()), go);
        d.open();
    }

    private void edit(UserView u) {
        boolean create = u == null;
        Dialog d = new Dialog(create ? "New user" : "Edit " + u.username());
        TextField username = new TextField("Username");
        username.setId("user-username");
        username.setMaxLength(User.USERNAME_MAX);
        username.setHelperText("Lower case letters, digits, . _ -");
        TextField displayName = new TextField("Display name");
        displayName.setId("user-display-name");
        displayName.setMaxLength(User.NAME_MAX);
        EmailField email = new EmailField("Email");
        email.setId("user-email");
        email.setMaxLength(User.EMAIL_MAX);
        CheckboxGroup<Role> roles = new CheckboxGroup<>("Roles");
        roles.setId("user-roles");
        roles.setItems(Role.values());
        roles.setItemLabelGenerator(Role::label);
        MultiSelectComboBox<DepartmentView> deps = new MultiSelectComboBox<>("Departments (clinical managers)");
        deps.setId("user-departments");
        deps.setItems(departments);
        deps.setItemLabelGenerator(DepartmentView::label);
        deps.setHelperText("The departments whose devices this clinical manager looks after");
        Checkbox enabled = new Checkbox("May log in");
        enabled.setId("user-enabled");
        enabled.setValue(true);
        PasswordField password = new PasswordField(create ? "Password" : "New password");
        password.setId("user-password");
        password.setMaxLength(UserCommand.PASSWORD_MAX);
        password.setHelperText(create ? "At least " + UserCommand.PASSWORD_MIN + " characters; common passwords are refused"
                : "Leave empty to keep the current password");
        if (!create) {
            username.setValue(u.username());
            username.setReadOnly(true);
            displayName.setValue(u.displayName());
            email.setValue(u.email() == null ? "" : u.email());
            roles.setValue(u.roles().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(u.roles()));
            deps.setValue(departments.stream().filter(x -> u.departments().contains(x.code())).collect(Collectors.toSet()));
            enabled.setValue(u.enabled());
        }
        deps.setVisible(roles.getValue().contains(Role.CLINICAL_MANAGER));
        roles.addValueChangeListener(e -> deps.setVisible(e.getValue().contains(Role.CLINICAL_MANAGER)));

        FieldErrors errors = new FieldErrors().field("username", username).field("displayName", displayName)
                .field("email", email).field("roles", roles).field("departments", deps).field("password", password);
        Button save = new Button("Save", e -> {
            UserCommand cmd = new UserCommand();
            cmd.setUsername(username.getValue());
            cmd.setDisplayName(displayName.getValue());
            cmd.setEmail(email.getValue().isBlank() ? null : email.getValue().strip());
            cmd.setPassword(password.getValue().isEmpty() ? null : password.getValue());
            cmd.setEnabled(enabled.getValue());
            cmd.setRoles(roles.getValue().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles.getValue()));
            Set<String> codes = roles.getValue().contains(Role.CLINICAL_MANAGER)
                    ? deps.getValue().stream().map(DepartmentView::code).collect(Collectors.toCollection(TreeSet::new))
                    : new TreeSet<>();
            cmd.setDepartments(codes);
            cmd.setVersion(create ? null : u.version());
            try {
                users.save(cmd, create);
                d.close();
                Notices.saved("User " + cmd.getUsername().strip() + " saved.");
                refresh();
            } catch (InvalidInputException ex) {
                errors.show(ex);
            } catch (ConflictException ex) {
                Notices.conflict(ex.getMessage(), () -> {
                    d.close();
                    refresh();
                });
            }
        });
        save.setId("save-user");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(username, displayName, email, password, roles, deps, enabled);
        form.setColspan(roles, 2);
        form.setColspan(deps, 2);
        form.setMaxWidth("40em");
        d.add(form);
        if (!create) {
            Button reset = new Button("Reset password…", VaadinIcon.KEY.create(), e -> resetPassword(u, d));
            reset.setId("reset-password");
            d.getFooter().add(reset);
        }
        d.getFooter().add(new Button("Cancel", e -> d.close()), save);
        d.open();
    }
}
