package org.patchcare.demo;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.patchcare.identity.domain.Role;
import org.patchcare.identity.domain.User;
import org.patchcare.shared.security.PasswordHasher;

import java.time.Clock;
import java.util.EnumSet;
import java.util.logging.Logger;

/**
 * First start of an empty database. In demo mode (PATCHCARE_DEMO=true) it loads the demo hospital;
 * otherwise it creates one administrator, "admin", whose password must come from PATCHCARE_ADMIN_PASSWORD.
 */
@Singleton
@Startup
@DependsOn("DatabaseMigrator")
public class Bootstrap {

    private static final Logger LOG = Logger.getLogger(Bootstrap.class.getName());

    @PersistenceContext
    EntityManager em;

    @Inject
    DemoData demoData;

    @Inject
    Clock clock;

    @PostConstruct
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    void start() {
        long users = em.createQuery("select count(u) from User u", Long.class).getSingleResult();
        if (users > 0) {
            return;
        }
        if (Boolean.parseBoolean(System.getenv().getOrDefault("PATCHCARE_DEMO", "false"))) {
            long t0 = System.nanoTime();
            demoData.load();
            LOG.info(() -> "Demo data loaded in " + (System.nanoTime() - t0) / 1_000_000 + " ms. Log in as biomed, "
                    + "manager, itsec or admin (passwords in the README).");
            return;
        }
        String password = System.getenv("PATCHCARE_ADMIN_PASSWORD");
        if (password == null || password.length() < 12) {
            throw new IllegalStateException("PatchCare has no users yet. Set PATCHCARE_ADMIN_PASSWORD (at least 12 "
                    + "characters) for the first administrator 'admin', or PATCHCARE_DEMO=true for the demo hospital.");
        }
        User admin = new User("admin", "Administrator", PasswordHasher.hash(password.toCharArray()));
        admin.setRoles(EnumSet.of(Role.ADMIN));
        admin.touch("system", clock.instant());
        em.persist(admin);
        LOG.info("Created the first administrator 'admin' from PATCHCARE_ADMIN_PASSWORD.");
    }
}
