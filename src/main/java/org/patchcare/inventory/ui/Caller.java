package org.patchcare.inventory.ui;

import com.vaadin.flow.server.VaadinRequest;
import org.patchcare.shared.domain.Roles;

/** What the logged-in person may do, to hide controls they could not use (the services check again). */
public final class Caller {

    private Caller() {
    }

    public static boolean hasRole(String role) {
        VaadinRequest request = VaadinRequest.getCurrent();
        return request != null && request.getUserPrincipal() != null && request.isUserInRole(role);
    }

    /** Biomedical technicians and administrators change the inventory and the catalogue. */
    public static boolean mayEditInventory() {
        return hasRole(Roles.BIOMED_TECH) || hasRole(Roles.ADMIN);
    }

    public static boolean isAdmin() {
        return hasRole(Roles.ADMIN);
    }
}
