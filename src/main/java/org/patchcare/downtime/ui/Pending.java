package org.patchcare.downtime.ui;

import java.util.function.Supplier;

/**
 * While issue 5's services are still shells (their bodies throw {@link UnsupportedOperationException}, which the EJB
 * container wraps), the downtime screens render empty with a short note instead of an error. Any other failure goes
 * on to the global error handler. Remove once the services are complete.
 */
final class Pending {

    static final String NOTE = "Downtime planning is still being set up on this server; nothing to show yet.";

    private Pending() {
    }

    /** The call's answer, or {@code fallback} (and {@code onPending} runs) when the service is not implemented yet. */
    static <T> T orElse(Supplier<T> call, T fallback, Runnable onPending) {
        try {
            return call.get();
        } catch (RuntimeException e) {
            if (!notImplemented(e)) {
                throw e;
            }
            onPending.run();
            return fallback;
        }
    }

    static boolean notImplemented(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof UnsupportedOperationException) {
                return true;
            }
        }
        return false;
    }
}
