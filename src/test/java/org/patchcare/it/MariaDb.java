package org.patchcare.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The MariaDB at 127.0.0.1:3306 that the integration tests use through MySQL Connector/J, reached as an
 * administrator (root, no password on these machines) to prepare a test database and a test user for the server.
 */
public final class MariaDb {

    public static final String APP_USER = "patchcare_it";
    public static final String APP_PASSWORD = "patchcare_it_pw";

    private MariaDb() {
    }

    public static String host() {
        return System.getProperty("it.mariadb.host", "127.0.0.1");
    }

    public static String port() {
        return System.getProperty("it.mariadb.port", "3306");
    }

    public static String database() {
        return System.getProperty("it.mariadb.database", "patchcare_it");
    }

    public static String adminUrl() {
        return "jdbc:mysql://" + host() + ":" + port() + "/?connectTimeout=3000&socketTimeout=60000";
    }

    public static String url(String database) {
        return "jdbc:mysql://" + host() + ":" + port() + "/" + database
                + "?connectTimeout=3000&useUnicode=true&characterEncoding=UTF-8&rewriteBatchedStatements=true";
    }

    public static Connection admin() throws SQLException {
        return DriverManager.getConnection(adminUrl(), System.getProperty("it.mariadb.user", "root"),
                System.getProperty("it.mariadb.password", ""));
    }

    /** Null when MariaDB answers; otherwise why not. */
    public static String unavailableReason() {
        try (Connection c = admin()) {
            return c.isValid(3) ? null : "connection not valid";
        } catch (SQLException e) {
            return e.getMessage();
        }
    }

    /** A fresh, empty utf8mb4 database and the application user that may use it. */
    public static void recreate(String database) throws SQLException {
        if (!database.matches("[a-z0-9_]{1,64}")) {
            throw new IllegalArgumentException("unsafe database name " + database);
        }
        try (Connection c = admin(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS `" + database + "`");
            st.execute("CREATE DATABASE `" + database + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            st.execute("CREATE USER IF NOT EXISTS '" + APP_USER + "'@'%' IDENTIFIED BY '" + APP_PASSWORD + "'");
            st.execute("CREATE USER IF NOT EXISTS '" + APP_USER + "'@'localhost' IDENTIFIED BY '" + APP_PASSWORD + "'");
            st.execute("GRANT ALL PRIVILEGES ON `" + database + "`.* TO '" + APP_USER + "'@'%'");
            st.execute("GRANT ALL PRIVILEGES ON `" + database + "`.* TO '" + APP_USER + "'@'localhost'");
        }
    }

    public static boolean requiredHere() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }
}
