package org.patchcare.shared.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.notification.NotificationVariant;
import com.vaadin.flow.server.ErrorEvent;
import com.vaadin.flow.server.ErrorHandler;

import java.util.logging.Level;
import java.util.logging.Logger;

/** The one error path of the UI: log what went wrong and tell the person in words they can act on. */
public class UiErrorHandler implements ErrorHandler {

    private static final Logger LOG = Logger.getLogger(UiErrorHandler.class.getName());

    @Override
    public void error(ErrorEvent event) {
        Throwable t = event.getThrowable();
        UserMessage message = UserMessage.of(t);
        if (message.unexpected()) {
            LOG.log(Level.SEVERE, "Unexpected error in the UI", t);
        } else {
            LOG.log(Level.FINE, "Refused: " + message.text(), t);
        }
        UI ui = UI.getCurrent();
        if (ui != null) {
            ui.access(() -> show(message));
        }
    }

    public static void show(UserMessage message) {
        Notification n = Notification.show(message.text(), 8000, Notification.Position.TOP_CENTER);
        n.addThemeVariants(message.unexpected() ? NotificationVariant.LUMO_ERROR : NotificationVariant.LUMO_WARNING);
    }
}
