package org.patchcare.inventory.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;

/** Short confirmations and the stale-edit notice with its "Reload" action. */
public final class Notices {

    private Notices() {
    }

    public static void saved(String text) {
        Notification n = Notification.show(text, 4000, Notification.Position.BOTTOM_START);
        n.addThemeVariants(NotificationVariant.LUMO_SUCCESS);
    }

    public static void warning(String text) {
        Notification n = Notification.show(text, 8000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(NotificationVariant.LUMO_WARNING);
    }

    /**
     * Someone else changed the record. The person's input stays where it is; they decide when to reload
     * (and so discard it) by pressing "Reload".
     */
    public static Notification conflict(String message, Runnable reload) {
        Notification n = new Notification();
        n.addThemeVariants(NotificationVariant.LUMO_WARNING);
        n.setPosition(Notification.Position.TOP_CENTER);
        n.setDuration(0);
        Button reloadButton = new Button("Reload", e -> {
            n.close();
            reload.run();
        });
        reloadButton.setId("conflict-reload");
        reloadButton.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        Button close = new Button("Keep my input", e -> n.close());
        close.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        HorizontalLayout layout = new HorizontalLayout(new Span(message), reloadButton, close);
        layout.setAlignItems(FlexComponent.Alignment.CENTER);
        n.add(layout);
        n.open();
        return n;
    }
}
