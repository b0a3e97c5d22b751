package org.patchcare.shared.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import com.vaadin.flow.router.ParentLayout;
import jakarta.servlet.http.HttpServletResponse;

/** Shown when someone opens a screen their roles do not include: says so plainly and offers the way back. */
@ParentLayout(MainLayout.class)
public class AccessDeniedView extends VerticalLayout implements HasErrorParameter<SecurityException> {

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<SecurityException> parameter) {
        removeAll();
        H2 title = new H2("This page is not for your role");
        title.setId("access-denied");
        add(title,
                new Paragraph("Your account does not have a role that may open \"" + event.getLocation().getPath()
                        + "\". If you need it for your work, ask an administrator to add the role to your account."),
                new Anchor("devices", "Back to the device list"));
        return HttpServletResponse.SC_FORBIDDEN;
    }
}
