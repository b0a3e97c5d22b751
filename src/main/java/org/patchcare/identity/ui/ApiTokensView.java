package org.patchcare.identity.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.select.Select;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import org.patchcare.identity.application.ApiTokenService;
import org.patchcare.identity.application.ApiTokenViews.CreatedToken;
import org.patchcare.identity.application.ApiTokenViews.TokenCommand;
import org.patchcare.identity.application.ApiTokenViews.TokenView;
import org.patchcare.identity.domain.ApiToken;
import org.patchcare.identity.domain.Role;
import org.patchcare.inventory.ui.FieldErrors;
import org.patchcare.inventory.ui.Formats;
import org.patchcare.inventory.ui.Notices;
import org.patchcare.shared.domain.ConflictException;
import org.patchcare.shared.domain.InvalidInputException;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.ui.MainLayout;

import java.util.EnumSet;
import java.util.stream.Collectors;

/** Administrators create API tokens for machine clients (the secret is shown once), see their last use, revoke them. */
@Route(value = "admin/api-tokens", layout = MainLayout.class)
@PageTitle("API tokens · PatchCare")
@RolesAllowed(Roles.ADMIN)
public class ApiTokensView extends VerticalLayout {

    private final ApiTokenService tokens;
    private final Grid<TokenView> grid = new Grid<>(TokenView.class, false);

    @Inject
    public ApiTokensView(ApiTokenService tokens) {
        this.tokens = tokens;
        setSizeFull();
        Button create = new Button("New API token", VaadinIcon.PLUS.create(), e -> create());
        create.setId("new-token");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout top = new HorizontalLayout(new H2("API tokens"), create);
        top.setAlignItems(FlexComponent.Alignment.BASELINE);
        Paragraph help = new Paragraph("Scanners, maintenance systems and SIEMs call the PatchCare API with a token "
                + "instead of a person's password. Each token has its own roles and an end date; revoke it when the "
                + "system is retired or the token may have leaked.");
        help.addClassName("pc-muted");

        grid.setId("token-grid");
        grid.addColumn(TokenView::name).setHeader("Name").setAutoWidth(true)
                .setTooltipGenerator(t -> "Created by " + t.createdBy() + ", " + Formats.dateTime(t.createdAt()));
        grid.addColumn(t -> t.prefix() + "…").setHeader("Starts with").setAutoWidth(true);
        grid.addColumn(t -> t.roles().stream().sorted().map(Role::label).collect(Collectors.joining(", ")))
                .setHeader("Roles").setAutoWidth(true).setFlexGrow(1);
        grid.addComponentColumn(t -> {
            Span s = new Span(switch (t.status()) {
                case "ACTIVE" -> "Active";
                case "EXPIRED" -> "Expired";
                default -> "Revoked";
            });
            s.addClassNames("pc-badge", "ACTIVE".equals(t.status()) ? "supported" : "unknown");
            return s;
        }).setHeader("Status").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(t -> Formats.dateTime(t.expiresAt())).setHeader("Expires").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(t -> t.lastUsedAt() == null ? "never" : Formats.dateTime(t.lastUsedAt())
                + (t.lastUsedIp() == null ? "" : " from " + t.lastUsedIp())).setHeader("Last used").setAutoWidth(true);
        grid.addComponentColumn(t -> {
            Button revoke = new Button("Revoke", e -> confirmRevoke(t));
            revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_SMALL);
            revoke.setEnabled("ACTIVE".equals(t.status()));
            revoke.setId("revoke-" + t.name().replaceAll("[^A-Za-z0-9_-]", "_"));
            return revoke;
        }).setKey("revoke").setAutoWidth(true).setFlexGrow(0);
        grid.setSizeFull();
        add(top, help, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(tokens.list()); // a handful of tokens per hospital: no paging needed
    }

    private void create() {
        Dialog d = new Dialog("New API token");
        TextField name = new TextField("Name");
        name.setId("token-name");
        name.setMaxLength(ApiToken.NAME_MAX);
        name.setHelperText("The system that uses it, e.g. \"Nessus scanner\"; audit entries show token:<name>");
        CheckboxGroup<Role> roles = new CheckboxGroup<>("Roles");
        roles.setId("token-roles");
        roles.setItems(tokens.grantableRoles());
        roles.setItemLabelGenerator(Role::label);
        roles.setHelperText("What the system may do, as a person with these roles could. Tokens cannot be administrators.");
        Select<Integer> days = new Select<>();
        days.setLabel("Valid for");
        days.setId("token-days");
        days.setItems(30, 90, 180, 365);
        days.setItemLabelGenerator(n -> n + " days");
        days.setValue(90);
        FieldErrors errors = new FieldErrors().field("name", name).field("roles", roles).field("expiresInDays", days);
        Button save = new Button("Create token", e -> {
            try {
                CreatedToken created = tokens.create(new TokenCommand(name.getValue(),
                        roles.getValue().isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles.getValue()),
                        days.getValue()));
                d.close();
                refresh();
                showSecret(created);
            } catch (InvalidInputException ex) {
                errors.show(ex);
            } catch (ConflictException ex) {
                name.setErrorMessage(ex.getMessage());
                name.setInvalid(true);
            }
        });
        save.setId("create-token");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(name, days, roles);
        form.setColspan(roles, 2);
        form.setMaxWidth("36em");
        d.add(form);
        d.getFooter().add(new Button("Cancel", e -> d.close()), save);
        d.open();
    }

    private void showSecret(CreatedToken created) {
        Dialog d = new Dialog("Copy the token now");
        d.setCloseOnOutsideClick(false);
        TextField secret = new TextField("Token for " + created.token().name());
        secret.setId("token-secret");
        secret.setValue(created.secret());
        secret.setReadOnly(true);
        secret.setWidthFull();
        secret.addFocusListener(e -> secret.getElement().executeJs("this.inputElement.select()"));
        Paragraph hint = new Paragraph("This is the only time PatchCare shows this token. Select it, copy it (Ctrl+C) and "
                + "put it into the other system's configuration. The system sends it as \"Authorization: Bearer <token>\". "
                + "If it gets lost, revoke it and create a new one.");
        hint.setId("token-once-hint");
        d.add(hint, secret);
        d.setWidth("42em");
        Button done = new Button("I have copied it", e -> d.close());
        done.setId("token-copied");
        done.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        d.getFooter().add(done);
        d.open();
    }

    private void confirmRevoke(TokenView t) {
        Dialog d = new Dialog("Revoke " + t.name() + "?");
        d.add(new Paragraph("The system using this token loses access at once. This cannot be undone."));
        Button revoke = new Button("Revoke", e -> {
            tokens.revoke(t.id());
            d.close();
            Notices.saved("Token " + t.name() + " revoked.");
            refresh();
        });
        revoke.setId("confirm-revoke");
        revoke.addThemeVariants(ButtonVariant.LUMO_ERROR, ButtonVariant.LUMO_PRIMARY);
        d.getFooter().add(new Button("Cancel", e -> d.close()), revoke);
        d.open();
    }
}
