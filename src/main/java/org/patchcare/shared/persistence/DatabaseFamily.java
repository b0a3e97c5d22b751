package org.patchcare.shared.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Locale;

/** Which SQL family a connection speaks: the few statements that differ (upserts) are chosen by it. */
public enum DatabaseFamily {
    MYSQL, H2;

    public static DatabaseFamily of(Connection c) throws SQLException {
        String product = c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
        return product.contains("mysql") || product.contains("mariadb") ? MYSQL : H2;
    }
}
