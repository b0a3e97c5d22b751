package org.patchcare.audit.api;

import jakarta.json.JsonObject;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patchcare.it.Deployments;
import org.patchcare.shared.api.Api;
import org.patchcare.shared.api.Api.Reply;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patchcare.shared.api.Api.ADMIN;
import static org.patchcare.shared.api.Api.deviceJson;
import static org.patchcare.shared.api.Api.newTag;
import static org.patchcare.shared.api.Api.with;

/**
 * The audit trail through {@code GET /api/v1/audit}: an administrator finds a change by its key and by text inside
 * it, exports it as CSV (byte-order mark, formula cells defused) and the export itself lands in the trail; bad
 * filters are refused naming the field; other roles are refused (403, the full matrix is ApiAccessControlIT's).
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class AuditTrailIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    @Test
    void administrator_finds_a_change_exports_it_and_the_export_is_recorded() {
        String tag = newTag();
        String formula = "=HYPERLINK(\"http://evil.example\",\"click\")";
        Reply created = Api.post("/devices", ADMIN, with(deviceJson(tag), "notes", formula).toString());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);

        Reply page = Api.get("/audit?entityType=Device&entityKey=" + tag.toLowerCase() + "&action=create", ADMIN);
        assertThat(page.status()).as(page.toString()).isEqualTo(200);
        assertThat(page.json().getJsonNumber("total").longValue()).isEqualTo(1);
        JsonObject entry = page.json().getJsonArray("items").getJsonObject(0);
        assertThat(entry.getString("actor")).isEqualTo("admin");
        assertThat(entry.getString("entityKey")).isEqualTo(tag);
        assertThat(entry.getString("action")).isEqualTo("CREATE");
        assertThat(entry.getJsonArray("changes").getValuesAs(JsonObject.class))
                .anySatisfy(c -> {
                    assertThat(c.getString("field")).isEqualTo("notes");
                    assertThat(c.getString("to")).isEqualTo(formula);
                });
        assertThat(entry.containsKey("id")).as("database ids stay inside").isFalse();

        // free text finds it too, with LIKE's wildcards taken literally
        assertThat(Api.get("/audit?q=" + enc("evil.example") + "&entityKey=" + tag, ADMIN).json()
                .getJsonNumber("total").longValue()).isEqualTo(1);
        assertThat(Api.get("/audit?q=" + enc("%") + "&entityKey=" + tag, ADMIN).json()
                .getJsonNumber("total").longValue()).isZero();

        Reply csv = Api.get("/audit?entityKey=" + tag + "&format=csv", ADMIN);
        assertThat(csv.status()).as(csv.toString()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.headers().firstValue("Content-Disposition").orElse("")).contains("audit-trail.csv");
        assertThat(csv.body()).startsWith("\uFEFFoccurredAt,actor,entityType,entityKey,action,field,from,to,reason");
        assertThat(csv.body()).as("formula defused with an apostrophe")
                .contains("notes,,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"")
                .doesNotContain(",\"=HYPERLINK");

        Reply exports = Api.get("/audit?entityType=AuditTrail&actor=admin&q=" + enc(tag) + "&limit=1", ADMIN);
        assertThat(exports.json().getJsonNumber("total").longValue()).as("the export is in the trail").isEqualTo(1);
        JsonObject export = exports.json().getJsonArray("items").getJsonObject(0);
        assertThat(export.getString("action")).isEqualTo("EVENT");
        assertThat(export.getString("reason")).contains("entityKey=" + tag);
    }

    @Test
    void bad_filters_are_refused_naming_the_field() {
        assertRefused("/audit?action=ERASE", "action");
        assertRefused("/audit?from=2026-11-24&to=2026-11-01", "to");
        assertRefused("/audit?from=yesterday", "from");
        assertRefused("/audit?sort=changes", "sort");
        assertRefused("/audit?format=xml", "format");
        assertRefused("/audit?q=" + "x".repeat(201), "text");
    }

    @Test
    void only_administrators_read_the_trail() {
        for (String user : new String[]{"biomed", "manager", "itsec"}) {
            assertThat(Api.get("/audit", user).status()).as(user).isEqualTo(403);
            assertThat(Api.get("/audit?format=csv", user).status()).as(user).isEqualTo(403);
        }
        assertThat(Api.get("/audit", null).status()).isEqualTo(401);
    }

    private static void assertRefused(String path, String field) {
        Reply r = Api.get(path, ADMIN);
        assertThat(r.status()).as(r.toString()).isEqualTo(422);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.body()).as(path).contains("\"" + field + "\"");
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
