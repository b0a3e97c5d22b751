package org.patchcare.shared.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.applayout.AppLayout;
import com.vaadin.flow.component.applayout.DrawerToggle;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.sidenav.SideNav;
import com.vaadin.flow.component.sidenav.SideNavItem;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinSession;

import java.util.ArrayList;
import java.util.List;
import java.util.ServiceLoader;

/**
 * The frame around every screen: brand, side navigation showing only what the caller's roles may open,
 * the user's name and log-out. Screens register themselves through {@link NavContributor} providers, header items
 * (the notification bell) through {@link HeaderContributor} providers.
 */
public class MainLayout extends AppLayout {

    /** One entry of the side navigation. */
    public record NavEntry(String label, Class<? extends Component> view, VaadinIcon icon, int order) {
    }

    /** Contexts contribute their screens to the navigation. */
    public interface NavContributor {
        List<NavEntry> entries();
    }

    /** Contexts contribute small components to the header, shown left of the user's name (e.g. the notification bell). */
    public interface HeaderContributor {
        /** A new component for this layout, or null to show nothing (e.g. for an anonymous caller). */
        Component create();
    }

    public MainLayout() {
        Span brand = new Span("PatchCare");
        brand.addClassName("pc-brand");
        VaadinRequest request = VaadinRequest.getCurrent();
        String user = request != null && request.getUserPrincipal() != null ? request.getUserPrincipal().getName() : "";
        Span who = new Span(VaadinIcon.USER.create(), new Span(" " + user));
        who.addClassName("pc-muted");
        who.setId("current-user");
        Button logout = new Button("Log out", VaadinIcon.SIGN_OUT.create(), e -> logout());
        logout.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        logout.setId("logout");
        HorizontalLayout header = new HorizontalLayout(new DrawerToggle(), brand);
        header.setAlignItems(FlexComponent.Alignment.CENTER);
        HorizontalLayout right = new HorizontalLayout();
        if (request != null && request.getUserPrincipal() != null) {
            ServiceLoader.load(HeaderContributor.class, getClass().getClassLoader()).forEach(c -> {
                Component extra = c.create();
                if (extra != null) {
                    right.add(extra);
                }
            });
        }
        right.add(who, logout);
        right.setAlignItems(FlexComponent.Alignment.CENTER);
        HorizontalLayout bar = new HorizontalLayout(header, right);
        bar.setWidthFull();
        bar.setJustifyContentMode(FlexComponent.JustifyContentMode.BETWEEN);
        bar.setAlignItems(FlexComponent.Alignment.CENTER);
        bar.getStyle().set("padding-right", "var(--lumo-space-m)");
        addToNavbar(bar);

        SideNav nav = new SideNav();
        nav.setId("side-nav");
        List<NavEntry> entries = new ArrayList<>();
        ServiceLoader.load(NavContributor.class, getClass().getClassLoader()).forEach(c -> entries.addAll(c.entries()));
        entries.sort(java.util.Comparator.comparingInt(NavEntry::order));
        for (NavEntry e : entries) {
            if (ViewAccessControl.mayOpen(e.view(), request)) {
                nav.addItem(new SideNavItem(e.label(), e.view(), e.icon().create()));
            }
        }
        addToDrawer(nav);
        setPrimarySection(Section.DRAWER);
    }

    private void logout() {
        VaadinSession.getCurrent().getSession().invalidate();
        UI.getCurrent().getPage().setLocation("login");
    }
}
