package org.patchcare.downtime.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterListener;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.patchcare.inventory.ui.Caller;
import org.patchcare.shared.domain.Roles;

/**
 * A clinical manager's home is "My approvals": the start page ({@code /}, where the login leads) opens it for people
 * whose only role is clinical manager; everyone else keeps the device list there.
 */
public class ClinicalHome implements VaadinServiceInitListener, BeforeEnterListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(e -> e.getUI().addBeforeEnterListener(this));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        if (event.getLocation().getPath().isEmpty() && onlyClinicalManager()) {
            event.forwardTo(ApprovalsView.class);
        }
    }

    static boolean onlyClinicalManager() {
        return Caller.hasRole(Roles.CLINICAL_MANAGER) && !Caller.hasRole(Roles.IT_SECURITY)
                && !Caller.hasRole(Roles.BIOMED_TECH) && !Caller.hasRole(Roles.ADMIN);
    }
}
