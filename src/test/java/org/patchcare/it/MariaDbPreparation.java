package org.patchcare.it;

import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

import java.sql.SQLException;
import java.util.logging.Logger;

/**
 * Before the MariaDB integration run starts its WildFly, gives it an empty database and a user to reach it.
 * Does nothing in the H2 run. If MariaDB cannot be reached, {@link MariaDbCondition} skips (or, under CI, fails).
 */
public class MariaDbPreparation implements LauncherSessionListener {

    private static final Logger LOG = Logger.getLogger(MariaDbPreparation.class.getName());

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        if (!"mariadb".equals(System.getenv("PATCHCARE_IT_DB"))) {
            return;
        }
        String why = MariaDb.unavailableReason();
        if (why != null) {
            LOG.warning("MariaDB at " + MariaDb.host() + ":" + MariaDb.port() + " is unreachable: " + why);
            return;
        }
        try {
            MariaDb.recreate(MariaDb.database());
        } catch (SQLException e) {
            throw new IllegalStateException("Could not prepare the MariaDB test database " + MariaDb.database()
                    + ": " + e.getMessage(), e);
        }
    }
}
