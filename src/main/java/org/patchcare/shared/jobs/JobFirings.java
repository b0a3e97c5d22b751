package org.patchcare.shared.jobs;

import jakarta.ejb.Timer;
import jakarta.interceptor.AroundTimeout;
import jakarta.interceptor.InvocationContext;

import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Notes every firing of a scheduled job, with the node that ran it, on the logger {@value #LOGGER} at FINE (off unless
 * {@code PATCHCARE_JOB_LOG_LEVEL=FINE}). With two or more nodes this shows that a cluster-wide job ran once per firing
 * and where (docs/clustering.md); the cluster test reads these lines.
 */
public class JobFirings {

    public static final String LOGGER = "org.patchcare.jobs";
    private static final Logger LOG = Logger.getLogger(LOGGER);

    @AroundTimeout
    public Object fired(InvocationContext ctx) throws Exception {
        if (LOG.isLoggable(Level.FINE)) {
            Object info = ctx.getTimer() instanceof Timer t ? t.getInfo() : null;
            LOG.fine("Job fired: " + ctx.getMethod().getDeclaringClass().getSimpleName() + " [" + info + "] on node "
                    + node());
        }
        return ctx.proceed();
    }

    /** This server's name in the cluster ({@code jboss.node.name}, by default the host name). */
    public static String node() {
        return System.getProperty("jboss.node.name", "?");
    }
}
