package org.patchcare.notifications.ui;

import com.vaadin.flow.component.Component;
import jakarta.enterprise.inject.spi.CDI;
import org.patchcare.notifications.application.NotificationService;
import org.patchcare.shared.ui.MainLayout;

/** Puts the {@link NotificationBell} into the header of every screen (registered in META-INF/services). */
public class NotificationHeader implements MainLayout.HeaderContributor {
    @Override
    public Component create() {
        return new NotificationBell(CDI.current().select(NotificationService.class).get());
    }
}
