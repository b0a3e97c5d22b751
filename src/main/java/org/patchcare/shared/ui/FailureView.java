package org.patchcare.shared.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.ErrorParameter;
import com.vaadin.flow.router.HasErrorParameter;
import org.patchcare.shared.persistence.PersistenceErrors;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Shown instead of Vaadin's "internal error" page when opening a screen fails. The usual cause in a hospital is the
 * database being away for a moment: then it says so (HTTP 503) and offers to try again, since PatchCare reconnects by
 * itself. Without the main layout on purpose: the layout reads the database too.
 */
@AnonymousAllowed
public class FailureView extends VerticalLayout implements HasErrorParameter<Exception> {

    private static final Logger LOG = Logger.getLogger(FailureView.class.getName());

    @Override
    public int setErrorParameter(BeforeEnterEvent event, ErrorParameter<Exception> parameter) {
        removeAll();
        Exception e = parameter.getCaughtException();
        boolean database = PersistenceErrors.isConnectionFailure(e);
        H2 title = new H2(database ? "The database is unavailable" : "This page could not be opened");
        title.setId("failure-title");
        Paragraph text = new Paragraph(database
                ? "PatchCare cannot reach its database at the moment. It reconnects by itself as soon as the database "
                + "is back, usually within seconds: try again in a moment. Nothing you saved before is lost."
                : UserMessage.of(e).text());
        text.setId("failure-text");
        Button retry = new Button("Try again", c -> UI.getCurrent().getPage().reload());
        retry.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(title, text, retry);
        if (database) {
            LOG.warning("Screen " + event.getLocation().getPath() + ": database unavailable: " + e);
            return 503;
        }
        LOG.log(Level.SEVERE, "Screen " + event.getLocation().getPath() + " failed", e);
        return 500;
    }
}
