package org.patchcare.shared.persistence;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.patchcare.it.MariaDb;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The real migrations of src/main/resources/db/migration, with the placeholders the application uses, on an
 * in-memory H2 and on a fresh MariaDB database (through MySQL Connector/J, as in production).
 * MariaDB unreachable: skipped with a message, except under CI=true, where it fails.
 */
class FlywayMigrationTest {

    private static final Set<String> TABLES = Set.of("id_generator", "facility", "department", "location",
            "manufacturer", "manufacturer_alias", "device_model", "device", "device_search_token", "device_event",
            "app_user", "app_user_role", "app_user_department", "audit_entry", "flyway_schema_history");

    private record Db(String url, String user, String password, boolean mysql) {
        Connection connect() throws SQLException {
            return DriverManager.getConnection(url, user, password);
        }
    }

    private static Db database(String kind) throws SQLException {
        if (kind.equals("h2")) {
            return new Db("jdbc:h2:mem:mig_" + UUID.randomUUID().toString().replace("-", "") + ";DB_CLOSE_DELAY=-1",
                    "sa", "sa", false);
        }
        String why = MariaDb.unavailableReason();
        if (why != null && !MariaDb.requiredHere()) {
            Assumptions.abort("MariaDB migration test skipped: MariaDB at " + MariaDb.host() + ":" + MariaDb.port()
                    + " is unreachable (" + why + "). It runs, and must pass, under CI=true.");
        }
        String name = MariaDb.database() + "_mig";
        MariaDb.recreate(name);
        return new Db(MariaDb.url(name), MariaDb.APP_USER, MariaDb.APP_PASSWORD, true);
    }

    private static Flyway flyway(Db db) {
        return Flyway.configure(FlywayMigrationTest.class.getClassLoader())
                .dataSource(db.url(), db.user(), db.password())
                .placeholders(DatabaseMigrator.placeholders(db.mysql()))
                .locations(DatabaseMigrator.LOCATION)
                .load();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "mariadb"})
    void migrations_create_every_table_and_a_second_run_changes_nothing(String kind) throws Exception {
        Db db = database(kind);
        MigrateResult first = flyway(db).migrate();
        assertThat(first.success).isTrue();
        assertThat(first.migrationsExecuted).isPositive();

        try (Connection c = db.connect()) {
            assertThat(tables(c)).containsAll(TABLES);
        }

        MigrateResult second = flyway(db).migrate();
        assertThat(second.migrationsExecuted).as("migrations applied on the second start").isZero();
        flyway(db).validate();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"h2", "mariadb"})
    void the_schema_holds_the_rules_the_application_relies_on(String kind) throws Exception {
        Db db = database(kind);
        flyway(db).migrate();
        try (Connection c = db.connect()) {
            // Whole seconds: Connector/J reads MariaDB's version as "5.5.5-..." and drops fractions of bound values.
            LocalDateTime now = LocalDateTime.of(2026, 11, 23, 9, 15, 30);
            insert(c, "INSERT INTO facility (id, code, name, time_zone, version, created_at, created_by, updated_at, updated_by) "
                    + "VALUES (1, 'MAIN', 'Main Hospital', 'Europe/Berlin', 0, ?, 't', ?, 't')", now);
            insert(c, "INSERT INTO department (id, facility_id, code, name, version, created_at, created_by, updated_at, updated_by) "
                    + "VALUES (2, 1, 'ICU', 'Intensive Care Unit', 0, ?, 't', ?, 't')", now);
            insert(c, "INSERT INTO manufacturer (id, public_id, name, normalized_name, version, created_at, created_by, updated_at, updated_by) "
                    + "VALUES (3, '" + UUID.randomUUID() + "', 'Innokas Yhtymä Oy ⚕', 'innokas yhtyma', 0, ?, 't', ?, 't')", now);
            insert(c, "INSERT INTO device_model (id, public_id, manufacturer_id, name, device_type, version, created_at, created_by, updated_at, updated_by) "
                    + "VALUES (4, '" + UUID.randomUUID() + "', 3, 'Cocoon', 'Incubator', 0, ?, 't', ?, 't')", now);
            String device = "INSERT INTO device (id, asset_tag, model_id, department_id, status, criticality, stores_phi, connectivity, "
                    + "version, created_at, created_by, updated_at, updated_by) VALUES (%d, 'BME-000001', 4, 2, 'IN_SERVICE', "
                    + "'LIFE_SUPPORTING', FALSE, 'STANDALONE', 0, ?, 't', ?, 't')";
            insert(c, device.formatted(10), now);

            // the same asset tag twice is refused by the database itself, whatever the application checked before
            assertThatThrownBy(() -> insert(c, device.formatted(11), now))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).startsWith("23"));

            // full Unicode (utf8mb4 on MariaDB) and the time survive the round trip
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT name, created_at FROM manufacturer WHERE id = 3")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("Innokas Yhtymä Oy ⚕");
                assertThat(rs.getTimestamp(2).toLocalDateTime()).isEqualTo(now);
            }
            // the ${ts} columns themselves keep microseconds
            try (Statement st = c.createStatement()) {
                st.executeUpdate("UPDATE manufacturer SET updated_at = TIMESTAMP '2026-11-23 09:15:30.123456' WHERE id = 3");
                try (ResultSet rs = st.executeQuery("SELECT updated_at FROM manufacturer WHERE id = 3")) {
                    assertThat(rs.next()).isTrue();
                    assertThat(rs.getTimestamp(1).toLocalDateTime())
                            .isEqualTo(LocalDateTime.of(2026, 11, 23, 9, 15, 30, 123_456_000));
                }
            }

            // the audit trail's change list takes more than the 64 KiB of a plain TEXT column
            String changes = "x".repeat(100_000);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO audit_entry (id, occurred_at, actor, entity_type, "
                    + "entity_key, action, changes) VALUES (20, ?, 't', 'Device', 'BME-000001', 'UPDATE', ?)")) {
                ps.setTimestamp(1, Timestamp.valueOf(now));
                ps.setString(2, changes);
                ps.executeUpdate();
            }
            try (Statement st = c.createStatement();
                 ResultSet rs = st.executeQuery("SELECT changes FROM audit_entry WHERE id = 20")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).hasSize(100_000);
            }

            // a device must name an existing model
            assertThatThrownBy(() -> insert(c, device.replace("'BME-000001', 4", "'BME-000002', 999").formatted(12), now))
                    .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).startsWith("23"));

            // search tokens and events go with their device
            try (Statement st = c.createStatement()) {
                st.executeUpdate("INSERT INTO device_search_token (device_id, token) VALUES (10, 'bme-000001')");
                assertThatThrownBy(() -> st.executeUpdate("INSERT INTO device_search_token (device_id, token) VALUES (10, 'bme-000001')"))
                        .isInstanceOfSatisfying(SQLException.class, e -> assertThat(e.getSQLState()).startsWith("23"));
                st.executeUpdate("DELETE FROM device WHERE id = 10");
                try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM device_search_token")) {
                    rs.next();
                    assertThat(rs.getInt(1)).isZero();
                }
            }
        }
    }

    private static void insert(Connection c, String sql, LocalDateTime ts) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setTimestamp(1, Timestamp.valueOf(ts));
            ps.setTimestamp(2, Timestamp.valueOf(ts));
            ps.executeUpdate();
        }
    }

    private static Set<String> tables(Connection c) throws SQLException {
        Set<String> names = new HashSet<>();
        DatabaseMetaData md = c.getMetaData();
        try (ResultSet rs = md.getTables(c.getCatalog(), c.getSchema(), "%", new String[]{"TABLE", "BASE TABLE"})) {
            while (rs.next()) {
                names.add(rs.getString("TABLE_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }
}
