package org.patchcare.shared.persistence;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.logging.Logger;

/**
 * Brings the schema up to date with Flyway before anything else touches the database.
 * Flyway is the only owner of the schema; Hibernate never creates or alters tables.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class DatabaseMigrator {

    private static final Logger LOG = Logger.getLogger(DatabaseMigrator.class.getName());

    @Resource(lookup = "java:jboss/datasources/PatchCareDS")
    DataSource dataSource;

    /** Where the migrations live on the class path. */
    public static final String LOCATION = "classpath:db/migration";

    /** The Flyway placeholders of the migrations for MySQL/MariaDB or H2 (also used by FlywayMigrationTest). */
    public static java.util.Map<String, String> placeholders(boolean mysqlFamily) {
        return java.util.Map.of(
                "ts", mysqlFamily ? "DATETIME(6)" : "TIMESTAMP(6)",
                "text", mysqlFamily ? "MEDIUMTEXT" : "CHARACTER VARYING(1000000)",
                "document", mysqlFamily ? "LONGTEXT" : "CHARACTER LARGE OBJECT");
    }

    @PostConstruct
    void migrate() {
        boolean clean = Boolean.parseBoolean(System.getenv().getOrDefault("PATCHCARE_DB_CLEAN_ON_START", "false"));
        boolean mysql = isMySqlFamily();
        Flyway flyway = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .placeholders(placeholders(mysql))
                .locations(LOCATION)
                .cleanDisabled(!clean)
                .load();
        if (clean) {
            LOG.warning("PATCHCARE_DB_CLEAN_ON_START=true: dropping every object in the PatchCare schema (test setting)");
            flyway.clean();
        }
        if (mysql) {
            ensureUtf8mb4();
        }
        MigrateResult result = flyway.migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted + " migrations applied now)");
    }

    private boolean isMySqlFamily() {
        try (Connection c = dataSource.getConnection()) {
            return DatabaseFamily.of(c) == DatabaseFamily.MYSQL;
        } catch (SQLException e) {
            throw new IllegalStateException("PatchCare cannot reach its database (" + e.getMessage()
                    + "). Check PATCHCARE_DB_URL, PATCHCARE_DB_USER and PATCHCARE_DB_PASSWORD.", e);
        }
    }

    /** New MariaDB databases default to latin1; device names from advisories need full Unicode. */
    private void ensureUtf8mb4() {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT default_character_set_name FROM information_schema.schemata WHERE schema_name = DATABASE()")) {
            if (rs.next() && !"utf8mb4".equalsIgnoreCase(rs.getString(1))) {
                LOG.info("Switching the PatchCare database to utf8mb4");
                st.execute("ALTER DATABASE CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not check the database character set: " + e.getMessage(), e);
        }
    }
}
