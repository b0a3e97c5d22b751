package org.patchcare.operations;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A MariaDB server of the test's own (Debian's mariadbd), in a data folder under target/, on its own port, that the
 * test may kill and start again: never the shared MariaDB on 3306. Started without grant tables, so any user name and
 * password is accepted; it listens on 127.0.0.1 only.
 */
final class OwnMariaDb implements AutoCloseable {

    private final Path dir;
    private final int port;
    private Process process;

    OwnMariaDb(Path dir, int port) {
        this.dir = dir.toAbsolutePath();
        this.port = port;
    }

    int port() {
        return port;
    }

    String jdbcUrl(String database) {
        return "jdbc:mysql://127.0.0.1:" + port + "/" + database
                + "?connectTimeout=2000&useUnicode=true&characterEncoding=UTF-8&rewriteBatchedStatements=true";
    }

    Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), "root", "");
    }

    /** A fresh data folder (mariadb-install-db), then the server. */
    OwnMariaDb install() throws IOException, InterruptedException {
        deleteTree(dir);
        Files.createDirectories(dir);
        Process p = new ProcessBuilder("mariadb-install-db", "--no-defaults", "--datadir=" + dir.resolve("data"),
                "--user=root", "--skip-test-db", "--auth-root-authentication-method=normal")
                .redirectErrorStream(true).redirectOutput(dir.resolve("install.log").toFile()).start();
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException("mariadb-install-db failed: " + Files.readString(dir.resolve("install.log")));
        }
        return start();
    }

    OwnMariaDb start() throws IOException, InterruptedException {
        process = new ProcessBuilder(List.of("mariadbd", "--no-defaults", "--datadir=" + dir.resolve("data"),
                "--port=" + port, "--bind-address=127.0.0.1", "--socket=" + dir.resolve("mysqld.sock"),
                "--pid-file=" + dir.resolve("mysqld.pid"), "--user=root", "--skip-grant-tables", "--skip-log-bin",
                "--innodb-buffer-pool-size=256M", "--max-connections=200", "--character-set-server=utf8mb4",
                "--collation-server=utf8mb4_unicode_ci", "--log-error=" + dir.resolve("error.log")))
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("out.log").toFile()))
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection c = connect("")) {
                return this;
            } catch (SQLException e) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("mariadbd stopped: " + Files.readString(dir.resolve("error.log")));
                }
                Thread.sleep(200);
            }
        }
        throw new IllegalStateException("mariadbd did not answer on port " + port + " within 60 s");
    }

    /** SIGKILL: the database vanishes mid-work, as in a crash or a pulled cable. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** The client tools (mariadb, mariadb-dump) against this server. */
    Process tool(String tool, String... args) throws IOException {
        List<String> cmd = new java.util.ArrayList<>(List.of(tool, "--no-defaults", "--host=127.0.0.1", "--port=" + port,
                "--user=root", "--protocol=TCP"));
        cmd.addAll(List.of(args));
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.appendTo(dir.resolve("tools.log").toFile())).start();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    static void deleteTree(Path dir) throws IOException {
        if (Files.exists(dir)) {
            try (var walk = Files.walk(dir)) {
                walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }
}
