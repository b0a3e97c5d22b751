package org.patchcare.it;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The nginx configuration of docs/clustering.md (config/nginx/patchcare-cluster.conf) for a test: the example node
 * addresses and listen port replaced by loopback ones, inside a minimal main configuration whose pid, logs and
 * temporary files stay under the given prefix (never the system's nginx).
 */
final class NginxConfig {

    static final Path TEMPLATE = Path.of("config/nginx/patchcare-cluster.conf");

    private NginxConfig() {
    }

    static String render(Path prefix, int listenPort, Map<String, Integer> nodePorts) throws IOException {
        String site = Files.readString(TEMPLATE)
                .replace("10.0.0.11:8080", "127.0.0.1:" + nodePorts.get("node1"))
                .replace("10.0.0.12:8080", "127.0.0.1:" + nodePorts.get("node2"))
                .replace("listen 80;", "listen 127.0.0.1:" + listenPort + ";");
        String p = prefix.toAbsolutePath().toString();
        return """
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/logs/error.log warn;
                events { worker_connections 1024; }
                http {
                    access_log %1$s/logs/access.log;
                    client_body_temp_path %1$s/temp/body;
                    proxy_temp_path %1$s/temp/proxy;
                    fastcgi_temp_path %1$s/temp/fastcgi;
                    uwsgi_temp_path %1$s/temp/uwsgi;
                    scgi_temp_path %1$s/temp/scgi;
                %2$s
                }
                """.formatted(p, site);
    }
}
