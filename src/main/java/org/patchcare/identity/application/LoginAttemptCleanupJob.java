package org.patchcare.identity.application;

import jakarta.annotation.security.RunAs;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.jobs.JobFirings;

import java.time.Clock;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Every hour, once in the cluster (a persistent timer in the shared database, ADR 22): forgets failed logins that no
 * longer count ({@link LoginAttemptCleanup}), so that {@code login_attempt} does not grow with every name ever tried.
 * Runs as administrator; a failed run is tried again at the next tick.
 */
@Singleton
@Interceptors(JobFirings.class)
@RunAs(Roles.ADMIN)
public class LoginAttemptCleanupJob {

    private static final Logger LOG = Logger.getLogger(LoginAttemptCleanupJob.class.getName());

    @Inject
    LoginAttemptCleanup cleanup;
    @Inject
    Clock clock;

    @Schedule(hour = "*", minute = "17", second = "10", persistent = true, info = "forget old failed logins")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void tick() {
        try {
            cleanup.prune(clock.instant());
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Forgetting old failed logins failed; tried again in an hour", e);
        }
    }
}
