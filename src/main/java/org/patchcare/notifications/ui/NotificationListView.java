package org.patchcare.notifications.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.Checkbox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.data.renderer.ComponentRenderer;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import org.patchcare.inventory.ui.Formats;
import org.patchcare.notifications.application.NotificationService;
import org.patchcare.notifications.application.NotificationView;
import org.patchcare.shared.ui.MainLayout;

import java.util.Locale;

/**
 * All of the caller's notifications, newest first, paged through the service (the bell shows only the newest):
 * "Open" marks one read and goes where it points, "Mark read" only marks it; "Unread only" filters.
 */
@Route(value = "notifications", layout = MainLayout.class)
@PageTitle("Notifications · PatchCare")
@PermitAll
public class NotificationListView extends VerticalLayout {

    private final NotificationService notifications;
    final Grid<NotificationView> grid = new Grid<>();
    final Checkbox unreadOnly = new Checkbox("Unread only");
    final Span count = new Span();
    final Button readAll = new Button("Mark all read");

    @Inject
    public NotificationListView(NotificationService notifications) {
        this.notifications = notifications;
        setSizeFull();
        H2 title = new H2("Notifications");
        title.getStyle().set("margin", "0");
        count.setId("notification-total");
        count.addClassName("pc-muted");
        unreadOnly.setId("notifications-unread-only");
        unreadOnly.addValueChangeListener(e -> refresh());
        readAll.setId("notifications-page-read-all");
        readAll.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        readAll.addClickListener(e -> {
            notifications.markAllRead();
            refresh();
        });
        HorizontalLayout header = new HorizontalLayout(title, count, unreadOnly, readAll);
        header.setAlignItems(FlexComponent.Alignment.BASELINE);
        configureGrid();
        add(header, grid);
        refresh();
    }

    private void configureGrid() {
        grid.setId("notification-grid");
        grid.setSizeFull();
        grid.setEmptyStateText("No notifications.");
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.addColumn(n -> Formats.dateTime(n.createdAt())).setHeader("When").setKey("createdAt").setAutoWidth(true)
                .setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(n -> {
            Span s = new Span(n.subject());
            if (n.unread()) {
                s.getStyle().set("font-weight", "bold");
            }
            return s;
        })).setHeader("Subject").setKey("subject").setFlexGrow(2);
        grid.addColumn(NotificationView::body).setHeader("Message").setKey("body").setFlexGrow(3);
        grid.addColumn(n -> n.unread() ? "Unread" : "Read " + Formats.dateTime(n.readAt())).setHeader("Status")
                .setKey("status").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(new ComponentRenderer<>(this::actions)).setHeader("").setKey("actions").setAutoWidth(true)
                .setFlexGrow(0);
        grid.setItems(q -> notifications.myNotificationsPage(unreadOnly.getValue(), q.getOffset(),
                        Math.min(q.getLimit(), NotificationService.LIST_MAX)).stream(),
                q -> (int) Math.min(Integer.MAX_VALUE, notifications.myNotificationCount(unreadOnly.getValue())));
    }

    private HorizontalLayout actions(NotificationView n) {
        HorizontalLayout h = new HorizontalLayout();
        if (n.link() != null) {
            Button open = new Button("Open", e -> {
                notifications.markRead(n.id());
                UI.getCurrent().navigate(n.link());
            });
            open.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_PRIMARY);
            open.addClassName("notification-open");
            h.add(open);
        }
        if (n.unread()) {
            Button read = new Button("Mark read", e -> {
                notifications.markRead(n.id());
                refresh();
            });
            read.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            read.addClassName("notification-mark-read");
            h.add(read);
        }
        return h;
    }

    void refresh() {
        long n = notifications.myNotificationCount(unreadOnly.getValue());
        count.setText(String.format(Locale.ROOT, "%,d %snotification%s", n, unreadOnly.getValue() ? "unread " : "",
                n == 1 ? "" : "s"));
        grid.getDataProvider().refreshAll();
    }
}
