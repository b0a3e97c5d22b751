package org.patchcare.reporting.api;

import jakarta.json.JsonObject;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openpdf.text.pdf.PdfReader;
import org.openpdf.text.pdf.parser.PdfTextExtractor;
import org.patchcare.it.Deployments;
import org.patchcare.it.ItConfig;
import org.patchcare.it.Probe;
import org.patchcare.shared.api.Api;
import org.patchcare.testsupport.TestData;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exposure report over REST on the demo hospital with real advisories (Baxter ExactaMix with EternalBlue, GE
 * CARESCAPE) and the KEV catalogue: the PDF and the CSV of a department and of a facility hold exactly what the work
 * queue holds for the same scope; a clinical manager gets their own departments only; unknown scopes are refused;
 * every report produced is audited.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class ExposureReportIT {

    private static final List<String> ADVISORIES = List.of("icsma-20-170-01", "icsma-20-023-01");
    /** The department with the most open exposures, and its facility. */
    private static String department;
    private static String facility;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.app();
    }

    @BeforeAll
    static void realAdvisoriesDecided() throws IOException, InterruptedException {
        Api.Reply kev = Api.post("/threat-feeds/kev", "itsec",
                Files.readString(TestData.file("kev/known_exploited_vulnerabilities.json")));
        assertThat(kev.status()).as(kev.toString()).isBetween(200, 201);
        for (String a : ADVISORIES) {
            Api.Reply r = Api.post("/advisories", "itsec", Files.readString(TestData.file("csaf/icsma/" + a + ".json")));
            assertThat(r.status()).as(a + ": " + r).isBetween(200, 201);
        }
        settle();
        Map<String, Long> perDepartment = queue("").stream().collect(Collectors.groupingBy(
                o -> o.getString("department"), Collectors.counting()));
        assertThat(perDepartment).as("the advisories match demo devices").isNotEmpty();
        department = perDepartment.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        facility = Api.get("/departments/" + department, "admin").json().getString("facilityCode");
    }

    /** Until the risk job has decided everything. */
    private static void settle() throws InterruptedException {
        long deadline = System.currentTimeMillis() + 90_000;
        while (Api.get("/risk/pending", "itsec").json().getJsonNumber("pending").longValue() > 0) {
            assertThat(System.currentTimeMillis()).as("exposures decided within 90 s").isLessThan(deadline);
            Thread.sleep(500);
        }
    }

    /** Every open exposure of the work queue (accepted risks included), optionally of one department. */
    private static List<JsonObject> queue(String departmentFilter) {
        List<JsonObject> out = new ArrayList<>();
        for (int offset = 0; ; offset += 500) {
            JsonObject page = Api.get("/risk/queue?accepted=true&limit=500&offset=" + offset
                    + (departmentFilter.isEmpty() ? "" : "&department=" + departmentFilter), "itsec").json();
            List<JsonObject> items = page.getJsonArray("items").getValuesAs(JsonObject.class);
            out.addAll(items);
            if (items.size() < 500) {
                return out;
            }
        }
    }

    private static List<String> departmentsOf(String facilityCode) {
        return Api.get("/departments", "admin").array().getValuesAs(JsonObject.class).stream()
                .filter(d -> facilityCode.equals(d.getString("facilityCode"))).map(d -> d.getString("code")).toList();
    }

    private static HttpResponse<byte[]> download(String query, String user) {
        try {
            return ItConfig.http().send(ItConfig.request(Api.BASE + "/reports/exposures?" + query, user,
                    ItConfig.password(user)).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static List<CSVRecord> csv(String query, String user) throws IOException {
        HttpResponse<byte[]> r = download(query, user);
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
        assertThat(r.headers().firstValue("Content-Disposition").orElse("")).startsWith("attachment; filename=\"")
                .endsWith(".csv\"");
        String text = new String(r.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        try (CSVParser p = CSVFormat.EXCEL.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(text.substring(1)))) {
            return p.getRecords();
        }
    }

    private static String pdf(String query, String user) throws IOException {
        HttpResponse<byte[]> r = download(query, user);
        assertThat(r.statusCode()).as(new String(r.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/pdf");
        try (PdfReader reader = new PdfReader(r.body())) {
            PdfTextExtractor x = new PdfTextExtractor(reader);
            StringBuilder sb = new StringBuilder();
            for (int p = 1; p <= reader.getNumberOfPages(); p++) {
                sb.append(x.getTextFromPage(p)).append('\n');
            }
            return sb.toString().replaceAll("\\s+", " ");
        }
    }

    /** (asset tag, CVE, advisory) of each row: what identifies an exposure in both. */
    private static Set<String> keys(List<CSVRecord> rows) {
        return rows.stream().map(r -> r.get("Asset tag") + "|" + r.get("CVE") + "|" + r.get("Advisory"))
                .collect(Collectors.toSet());
    }

    private static Set<String> queueKeys(List<JsonObject> items) {
        return items.stream().map(o -> o.getString("assetTag") + "|" + o.getString("cve") + "|" + o.getString("trackingId"))
                .collect(Collectors.toSet());
    }

    private static long audited(String key) {
        return Probe.as("admin").call("audit/history", "type", "ExposureReport", "key", key).array().size();
    }

    @Test
    void department_csv_has_one_row_per_open_exposure_of_the_work_queue_most_urgent_first() throws Exception {
        settle();
        List<JsonObject> queue = queue(department);
        long before = audited("DEPARTMENT:" + department);
        List<CSVRecord> rows = csv("department=" + department + "&format=csv", "itsec");

        assertThat(rows).hasSize(queue.size());
        assertThat(keys(rows)).isEqualTo(queueKeys(queue));
        assertThat(rows).allSatisfy(r -> assertThat(r.get("Department")).isEqualTo(department));
        // the queue's order: outcome, then due date
        assertThat(rows.stream().map(r -> r.get("Asset tag") + "|" + r.get("CVE")).toList())
                .isEqualTo(queue.stream().map(o -> o.getString("assetTag") + "|" + o.getString("cve")).toList());
        Map<String, JsonObject> byKey = queue.stream().collect(Collectors.toMap(
                o -> o.getString("assetTag") + "|" + o.getString("cve") + "|" + o.getString("trackingId"),
                Function.identity()));
        for (CSVRecord r : rows) {
            JsonObject q = byKey.get(r.get("Asset tag") + "|" + r.get("CVE") + "|" + r.get("Advisory"));
            assertThat(r.get("Score")).isEqualTo(String.valueOf(q.getInt("score")));
            assertThat(r.get("SSVC outcome")).isEqualTo(q.getString("outcomeLabel"));
            assertThat(r.get("Overdue")).isEqualTo(q.getBoolean("overdue") && q.isNull("acceptedUntil") ? "yes" : "no");
            assertThat(r.get("Due date (UTC)")).isEqualTo(q.getString("dueAt").substring(0, 16).replace('T', ' '));
        }
        assertThat(audited("DEPARTMENT:" + department)).as("producing the report is audited").isEqualTo(before + 1);
    }

    @Test
    void department_pdf_states_scope_counts_formula_and_rows() throws Exception {
        settle();
        List<JsonObject> queue = queue(department);
        String t = pdf("department=" + department + "&format=pdf", "biomed");
        assertThat(t).contains("Exposure report", "Department " + department + " - ", "by biomed",
                "How the score is computed", "capped at 100", "none 0, public PoC 15, active 30");
        String compact = t.replace(" ", "");
        assertThat(compact).contains("Openexposures" + queue.size() + "includingacceptedrisks");
        for (String outcome : List.of("IMMEDIATE", "OUT_OF_CYCLE", "SCHEDULED", "DEFER")) {
            long n = queue.stream().filter(o -> o.getString("outcome").equals(outcome)).count();
            String label = queue.stream().filter(o -> o.getString("outcome").equals(outcome)).findFirst()
                    .map(o -> o.getString("outcomeLabel")).orElse(null);
            if (label != null) {
                assertThat(compact).contains(Character.toUpperCase(label.charAt(0)) + label.substring(1) + n + "SSVC");
            }
        }
        JsonObject first = queue.getFirst();
        assertThat(compact).contains(first.getString("assetTag"), first.getString("cve"));
        assertThat(t).contains("End of the report: " + queue.size() + " open exposure");
    }

    @Test
    void facility_reports_cover_every_department_of_the_facility() throws Exception {
        settle();
        List<JsonObject> expected = new ArrayList<>();
        departmentsOf(facility).forEach(d -> expected.addAll(queue(d)));
        List<CSVRecord> rows = csv("facility=" + facility.toLowerCase() + "&format=CSV", "admin");
        assertThat(keys(rows)).isEqualTo(queueKeys(expected));
        assertThat(rows).hasSize(expected.size());

        String t = pdf("facility=" + facility + "&format=pdf", "itsec");
        assertThat(t).contains("Facility " + facility + " - ", "Departments included: "
                + departmentsOf(facility).stream().sorted(Comparator.naturalOrder()).collect(Collectors.joining(", ")));
        assertThat(t.replace(" ", "")).contains("Openexposures" + expected.size() + "includingacceptedrisks");
        assertThat(audited("FACILITY:" + facility)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void a_clinical_manager_gets_their_own_departments_only() throws Exception {
        settle();
        // the demo manager is assigned to ICU and ED (both in MAIN)
        HttpResponse<byte[]> other = download("department=RAD&format=csv", "manager");
        assertThat(other.statusCode()).isEqualTo(403);
        assertThat(other.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");

        List<CSVRecord> rows = csv("facility=MAIN&format=csv", "manager");
        Set<String> departments = new HashSet<>();
        rows.forEach(r -> departments.add(r.get("Department")));
        assertThat(departments).isSubsetOf("ICU", "ED");
        List<JsonObject> expected = new ArrayList<>(queue("ICU"));
        expected.addAll(queue("ED"));
        assertThat(keys(rows)).isEqualTo(queueKeys(expected));
        assertThat(pdf("facility=MAIN&format=pdf", "manager"))
                .contains("Limited to the departments you are assigned to: ED, ICU.");
        assertThat(csv("department=icu&format=csv", "manager")).hasSize(queue("ICU").size());
    }

    @Test
    void refuses_unknown_scopes_and_formats_before_sending_anything() {
        long before = audited("DEPARTMENT:NO-SUCH-DEPT");
        Api.Reply unknown = Api.get("/reports/exposures?department=NO-SUCH-DEPT&format=pdf", "itsec");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("department");
        Api.Reply facilityUnknown = Api.get("/reports/exposures?facility=NOWHERE&format=csv", "itsec");
        assertThat(facilityUnknown.status()).isEqualTo(422);
        assertThat(facilityUnknown.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("facility");
        assertThat(Api.get("/reports/exposures?department=ICU&facility=MAIN&format=csv", "itsec").status()).isEqualTo(422);
        assertThat(Api.get("/reports/exposures?format=csv", "itsec").status()).isEqualTo(422);
        Api.Reply xls = Api.get("/reports/exposures?department=ICU&format=xls", "itsec");
        assertThat(xls.status()).isEqualTo(422);
        assertThat(xls.json().getJsonArray("errors").getJsonObject(0).getString("field")).isEqualTo("format");
        assertThat(Api.get("/reports/exposures?department=ICU&format=csv", null).status()).isEqualTo(401);
        assertThat(audited("DEPARTMENT:NO-SUCH-DEPT")).isEqualTo(before);
    }
}
