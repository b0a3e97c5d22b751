package org.patchcare.operations;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * docker/compose.yaml, read as YAML: Docker is not on the build machines, so this is what checks that the one-command
 * setup of docs/operations.md wires the three services together (database, mail, health check) as documented.
 */
class ComposeFileTest {

    @SuppressWarnings("unchecked")
    private static Map<String, Object> service(Map<String, Object> compose, String name) {
        return (Map<String, Object>) ((Map<String, Object>) compose.get("services")).get(name);
    }

    @Test
    @SuppressWarnings("unchecked")
    void mysqlMailpitAndPatchcareAreWiredTogether() throws Exception {
        Map<String, Object> compose;
        try (Reader r = Files.newBufferedReader(Path.of("docker/compose.yaml"))) {
            compose = new Yaml().load(r);
        }
        assertEquals(List.of("mysql", "mailpit", "patchcare"), List.copyOf(((Map<String, Object>) compose.get("services")).keySet()));
        assertEquals("mysql:8.4", service(compose, "mysql").get("image"));
        assertTrue(((String) service(compose, "mailpit").get("image")).startsWith("axllent/mailpit"));

        Map<String, Object> app = service(compose, "patchcare");
        Map<String, String> env = (Map<String, String>) app.get("environment");
        assertEquals("MySQL", env.get("PATCHCARE_DB_KIND"));
        assertTrue(env.get("PATCHCARE_DB_URL").startsWith("jdbc:mysql://mysql:3306/patchcare?"), "the database is the mysql service");
        assertTrue(env.get("PATCHCARE_DB_URL").contains("connectTimeout="), "a lost database fails fast");
        Map<String, String> mysqlEnv = (Map<String, String>) service(compose, "mysql").get("environment");
        assertEquals(mysqlEnv.get("MYSQL_PASSWORD"), env.get("PATCHCARE_DB_PASSWORD"), "one password for both sides");
        assertEquals(mysqlEnv.get("MYSQL_USER"), env.get("PATCHCARE_DB_USER"));
        assertEquals("true", env.get("PATCHCARE_MAIL_ENABLED"));
        assertEquals("mailpit", env.get("PATCHCARE_SMTP_HOST"));
        assertEquals("1025", env.get("PATCHCARE_SMTP_PORT"), "Mailpit's SMTP port");
        assertTrue(env.get("PATCHCARE_ADMIN_PASSWORD").startsWith("${PATCHCARE_ADMIN_PASSWORD:?"), "no default admin password");

        Map<String, Object> depends = (Map<String, Object>) app.get("depends_on");
        assertEquals("service_healthy", ((Map<String, Object>) depends.get("mysql")).get("condition"));
        assertTrue(depends.containsKey("mailpit"));
        List<String> health = (List<String>) ((Map<String, Object>) app.get("healthcheck")).get("test");
        assertTrue(String.join(" ", health).contains("GET /health/ready"), health.toString());
        assertTrue(((List<String>) app.get("ports")).contains("8080:8080"));
        assertTrue(((List<String>) service(compose, "mailpit").get("ports")).contains("8025:8025"));
        for (String s : List.of("mysql", "mailpit", "patchcare")) {
            assertTrue(service(compose, s).containsKey("healthcheck"), s + " has a health check");
        }
    }
}
