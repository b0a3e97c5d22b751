package org.patchcare.shared.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterListener;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import org.patchcare.shared.security.PatchCareAuthenticationMechanism;

import java.util.Arrays;

/**
 * Who may open which screen: views without {@link AnonymousAllowed} need a login; views with
 * {@code @RolesAllowed} need one of the roles. This only hides screens; the services check roles again.
 */
public class ViewAccessControl implements VaadinServiceInitListener, BeforeEnterListener {

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(e -> e.getUI().addBeforeEnterListener(this));
        event.getSource().addSessionInitListener(s -> s.getSession().setErrorHandler(new UiErrorHandler()));
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        Class<?> target = event.getNavigationTarget();
        if (target.isAnnotationPresent(AnonymousAllowed.class)) {
            return;
        }
        VaadinRequest request = VaadinRequest.getCurrent();
        if (request == null || request.getUserPrincipal() == null) {
            event.forwardTo(LoginView.class);
            return;
        }
        if (mustChangePassword() && !PatchCareAuthenticationMechanism.CHANGE_PASSWORD_ROUTE.equals(
                event.getLocation().getPath())) {
            event.forwardTo(PatchCareAuthenticationMechanism.CHANGE_PASSWORD_ROUTE); // after an administrator's reset
            return;
        }
        if (!mayOpen(target, request)) {
            event.rerouteToError(SecurityException.class, "You do not have a role that may open this page.");
        }
    }

    private static boolean mustChangePassword() {
        com.vaadin.flow.server.VaadinSession s = com.vaadin.flow.server.VaadinSession.getCurrent();
        return s != null && s.getSession().getAttribute(PatchCareAuthenticationMechanism.SESSION_USER)
                instanceof org.patchcare.identity.application.AuthenticatedUser u && u.mustChangePassword();
    }

    public static boolean mayOpen(Class<?> target, VaadinRequest request) {
        if (target.isAnnotationPresent(AnonymousAllowed.class) || target.isAnnotationPresent(PermitAll.class)) {
            return request != null && (target.isAnnotationPresent(AnonymousAllowed.class) || request.getUserPrincipal() != null);
        }
        RolesAllowed roles = target.getAnnotation(RolesAllowed.class);
        if (roles == null) {
            return false; // deny by default: every view states who may use it
        }
        return request != null && Arrays.stream(roles.value()).anyMatch(request::isUserInRole);
    }
}
