package org.patchcare.notifications.ui;

import com.vaadin.flow.component.AttachEvent;
import com.vaadin.flow.component.Composite;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.AfterNavigationEvent;
import com.vaadin.flow.router.AfterNavigationObserver;
import org.patchcare.inventory.ui.Formats;
import org.patchcare.notifications.application.NotificationService;
import org.patchcare.notifications.application.NotificationView;

import java.util.List;

/**
 * The bell in the header: a badge with the number of unread notifications (refreshed on every navigation) that opens
 * the caller's newest messages; opening one marks it read and goes where it points; "Show all" opens
 * {@link NotificationListView}.
 */
public class NotificationBell extends Composite<Div> implements AfterNavigationObserver {

    private final NotificationService notifications;
    final Button bell = new Button(VaadinIcon.BELL.create());
    final Span badge = new Span();

    public NotificationBell(NotificationService notifications) {
        this.notifications = notifications;
        bell.setId("notification-bell");
        bell.addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ICON);
        bell.setAriaLabel("Notifications");
        bell.addClickListener(e -> open());
        badge.setId("notification-count");
        badge.addClassName("pc-bell-count");
        getContent().addClassName("pc-bell");
        getContent().add(bell, badge);
    }

    @Override
    protected void onAttach(AttachEvent attachEvent) {
        refresh();
    }

    @Override
    public void afterNavigation(AfterNavigationEvent event) {
        refresh();
    }

    /** Shows the unread count (nothing when there is none). */
    public void refresh() {
        long n = notifications.unreadCount();
        badge.setText(n > 99 ? "99+" : String.valueOf(n));
        badge.setVisible(n > 0);
        bell.setTooltipText(n == 0 ? "No unread notifications" : n + " unread notification" + (n == 1 ? "" : "s"));
    }

    /** Opens the list of the caller's messages, unread ones first in bold. */
    Dialog open() {
        Dialog d = new Dialog();
        d.setId("notification-list");
        d.setHeaderTitle("Notifications");
        d.setWidth("36em");
        VerticalLayout list = new VerticalLayout();
        list.setPadding(false);
        List<NotificationView> mine = notifications.myNotifications(false);
        if (mine.isEmpty()) {
            list.add(new Paragraph("Nothing yet. PatchCare tells you here when a control you own or a risk acceptance "
                    + "you requested is about to expire."));
        }
        for (NotificationView n : mine) {
            list.add(item(n, d));
        }
        d.add(list);
        Button readAll = new Button("Mark all read", e -> {
            notifications.markAllRead();
            d.close();
            refresh();
        });
        readAll.setId("notifications-read-all");
        readAll.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        Button all = new Button("Show all", e -> {
            d.close();
            UI.getCurrent().navigate(NotificationListView.class);
        });
        all.setId("notifications-show-all");
        all.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        d.getFooter().add(all, readAll, new Button("Close", e -> d.close()));
        d.open();
        return d;
    }

    private Div item(NotificationView n, Dialog d) {
        Div box = new Div();
        box.addClassName("pc-notification");
        if (n.unread()) {
            box.addClassName("pc-unread");
        }
        Span subject = new Span(n.subject());
        subject.addClassName("pc-notification-subject");
        Paragraph body = new Paragraph(n.body());
        body.addClassName("pc-muted");
        Button go = new Button(n.link() == null ? "Mark read" : "Open", e -> {
            notifications.markRead(n.id());
            d.close();
            refresh();
            if (n.link() != null) {
                UI.getCurrent().navigate(n.link());
            }
        });
        go.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        go.addClassName("pc-notification-open");
        box.add(subject, new Span(" · " + Formats.dateTime(n.createdAt())), body, go);
        return box;
    }
}
