package org.patchcare.shared.ui;

import jakarta.ejb.EJBAccessException;
import jakarta.ejb.EJBException;
import jakarta.persistence.OptimisticLockException;
import org.patchcare.shared.domain.ConflictException;
import org.patchcare.shared.domain.DomainException;
import org.patchcare.shared.persistence.PersistenceErrors;

/** Turns a failure into a sentence for the person at the screen. */
public record UserMessage(String text, boolean unexpected) {

    public static UserMessage of(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof EJBAccessException || c instanceof SecurityException) {
                return new UserMessage("You are not allowed to do this with your role(s).", false);
            }
            if (c instanceof DomainException d) {
                return new UserMessage(d.getMessage(), false);
            }
            if (c instanceof OptimisticLockException) {
                return new UserMessage(ConflictException.staleEdit("This record", "").getMessage()
                        .replace(" ''", ""), false);
            }
        }
        if (PersistenceErrors.isConnectionFailure(t)) {
            return new UserMessage("The database is unavailable at the moment, so this was not saved. PatchCare "
                    + "reconnects by itself: try again in a few seconds.", true);
        }
        if (t instanceof EJBException && t.getCause() != null) {
            return of(t.getCause());
        }
        return new UserMessage("Something went wrong and nothing was saved. The error was logged; "
                + "if it happens again, tell your administrator the time it happened.", true);
    }
}
