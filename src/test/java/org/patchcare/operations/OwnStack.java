package org.patchcare.operations;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a resilience test kills and restarts: its own MariaDB with one fresh database, and a copy of the provisioned
 * PatchCare server on it (demo data, so the demo users and catalogue exist), started and ready.
 */
final class OwnStack implements AutoCloseable {

    final OwnMariaDb db;
    final OwnServer server;

    private OwnStack(OwnMariaDb db, OwnServer server) {
        this.db = db;
        this.server = server;
    }

    /** Port of the own MariaDB: 33000 + the server's port offset. */
    static OwnStack start(Path work, int offset, String database, Map<String, String> extraEnv) throws Exception {
        OwnMariaDb db = new OwnMariaDb(work.resolve("mariadb"), 33000 + offset).install();
        try (Connection c = db.connect(""); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + database + " CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
        }
        Map<String, String> env = new HashMap<>(Map.of(
                "PATCHCARE_DB_KIND", "MariaDB",
                "PATCHCARE_DB_URL", db.jdbcUrl(database),
                "PATCHCARE_DB_USER", "patchcare",
                "PATCHCARE_DB_PASSWORD", "unused-without-grant-tables",
                "PATCHCARE_DEMO", "true"));
        env.putAll(extraEnv);
        OwnServer server = OwnServer.copy(work.resolve("server"), offset, env);
        OwnStack stack = new OwnStack(db, server);
        try {
            System.out.printf(Locale.ROOT, "first boot (migrations, demo data): %.1f s%n", server.start());
        } catch (Exception | Error e) {
            stack.close();
            throw e;
        }
        return stack;
    }

    @Override
    public void close() throws InterruptedException {
        try {
            server.close();
        } finally {
            db.close();
        }
    }
}
