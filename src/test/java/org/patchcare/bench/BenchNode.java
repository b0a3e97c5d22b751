package org.patchcare.bench;

import org.patchcare.it.ClusterNode;
import org.patchcare.it.MariaDb;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * One node of the provisioned server for the benchmarks that need a whole server of their own (ScaleOutBench,
 * SoakBench): started like a cluster node on a fresh MariaDB database with the demo hospital, and stopped with its
 * database dropped.
 */
final class BenchNode {

    private BenchNode() {
    }

    /** Recreates {@code database} and starts a node on it; the port offset is {@code -Dbench.port.offset} or the default. */
    static ClusterNode start(String name, int defaultPortOffset, String database) throws Exception {
        MariaDb.recreate(database);
        ClusterNode node = new ClusterNode(name, Integer.getInteger("bench.port.offset", defaultPortOffset),
                Path.of(System.getProperty("server.home", "target/server")), Path.of("target/bench-node"));
        node.start(Map.of("PATCHCARE_DB_KIND", "MariaDB", "PATCHCARE_DB_URL", MariaDb.url(database),
                "PATCHCARE_DB_USER", MariaDb.APP_USER, "PATCHCARE_DB_PASSWORD", MariaDb.APP_PASSWORD,
                "PATCHCARE_DEMO", "true"));
        node.awaitUp(Duration.ofMinutes(5));
        return node;
    }

    /** Stops the node (if it started) and drops its database. */
    static void stop(ClusterNode node, String database) throws Exception {
        if (node != null) {
            node.stop();
        }
        try (var c = MariaDb.admin(); var st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS `" + database + "`");
        }
    }
}
