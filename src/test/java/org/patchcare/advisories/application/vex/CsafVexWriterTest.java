package org.patchcare.advisories.application.vex;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.patchcare.advisories.application.vex.VexScenarios.JSON;

class CsafVexWriterTest {

    private static final List<String> STATUS_LISTS = List.of("known_affected", "under_investigation", "fixed",
            "known_not_affected");
    private final CsafVexWriter writer = new CsafVexWriter();

    private static List<JsonNode> list(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false).toList();
    }

    private static List<String> strings(JsonNode array) {
        return list(array).stream().map(JsonNode::asString).toList();
    }

    private static JsonNode vulnerability(JsonNode doc, String cve) {
        return list(doc.path("vulnerabilities")).stream().filter(v -> v.path("cve").asString("").equals(cve))
                .findFirst().orElseThrow(() -> new AssertionError("no vulnerability " + cve));
    }

    /** Every product object of the tree, found by walking all branches. */
    private static List<JsonNode> products(JsonNode doc) {
        List<JsonNode> out = new ArrayList<>();
        collect(doc.path("product_tree").path("branches"), out);
        return out;
    }

    private static void collect(JsonNode branches, List<JsonNode> out) {
        for (JsonNode branch : branches) {
            if (branch.has("product")) {
                out.add(branch.path("product"));
            }
            collect(branch.path("branches"), out);
        }
    }

    private static Map<String, String> statusOf(JsonNode vulnerability) {
        Map<String, String> status = new HashMap<>();
        for (String list : STATUS_LISTS) {
            for (String id : strings(vulnerability.path("product_status").path(list))) {
                String before = status.put(id, list);
                assertThat(before).as("product %s listed as %s and %s", id, before, list).isNull();
            }
        }
        return status;
    }

    @Test
    void every_scenario_matches_the_csaf_2_0_json_schema() {
        for (VexRequest request : VexScenarios.all()) {
            JsonNode doc = writer.write(request);
            assertThat(CsafSchemaCheck.errors(doc)).as(request.documentId()).isEmpty();
        }
    }

    @Test
    void the_schema_check_rejects_a_document_that_breaks_the_schema() {
        JsonNode doc = writer.write(VexScenarios.modelExport());
        ((tools.jackson.databind.node.ObjectNode) doc.path("document").path("publisher")).put("category", "hospital");
        assertThat(CsafSchemaCheck.errors(doc)).isNotEmpty();
    }

    @Test
    void every_scenario_meets_the_mandatory_tests_of_the_vex_profile() {
        for (VexRequest request : VexScenarios.all()) {
            JsonNode doc = writer.write(request);
            JsonNode document = doc.path("document");
            assertThat(document.path("category").asString()).isEqualTo("csaf_vex");
            assertThat(document.path("publisher").path("category").asString()).isEqualTo("user");
            // 6.1.27.1 document notes
            assertThat(list(document.path("notes"))).extracting(n -> n.path("category").asString())
                    .containsAnyOf("description", "details", "general", "summary");
            // 6.1.16, 6.1.20, 6.1.21: final, version 1, the revision history ends at it
            JsonNode tracking = document.path("tracking");
            assertThat(tracking.path("status").asString()).isEqualTo("final");
            assertThat(list(tracking.path("revision_history")).getLast().path("number").asString())
                    .isEqualTo(tracking.path("version").asString()).isEqualTo("1");
            // 6.1.2 each product id defined once; 6.1.31 no range in a product_version
            List<String> defined = products(doc).stream().map(p -> p.path("product_id").asString()).toList();
            assertThat(defined).doesNotHaveDuplicates();
            assertThat(doc.findValues("name")).isNotEmpty();
            Set<String> cves = new HashSet<>();
            for (JsonNode v : doc.path("vulnerabilities")) {
                String cve = v.path("cve").asString(null);
                assertThat(cve).as("6.1.27.8 id").isNotNull();
                assertThat(cves.add(cve)).as("6.1.23 %s listed once", cve).isTrue();
                assertThat(v.path("notes").isEmpty()).as("6.1.27.5 notes of %s", cve).isFalse();
                Map<String, String> status = statusOf(v); // 6.1.6 one status per product
                assertThat(status).as("6.1.27.7 %s", cve).isNotEmpty();
                // 6.1.1 every referenced product is defined
                List<String> referenced = new ArrayList<>(status.keySet());
                for (String part : List.of("flags", "threats", "remediations")) {
                    v.path(part).forEach(item -> referenced.addAll(strings(item.path("product_ids"))));
                }
                v.path("scores").forEach(score -> referenced.addAll(strings(score.path("products"))));
                assertThat(defined).as("6.1.1 %s", cve).containsAll(referenced);
                // 6.1.27.9 impact statement for every known_not_affected product
                Set<String> impact = new HashSet<>();
                v.path("flags").forEach(f -> impact.addAll(strings(f.path("product_ids"))));
                list(v.path("threats")).stream().filter(t -> t.path("category").asString().equals("impact"))
                        .forEach(t -> impact.addAll(strings(t.path("product_ids"))));
                assertThat(impact).as("6.1.27.9 %s", cve)
                        .containsAll(strings(v.path("product_status").path("known_not_affected")));
                // 6.1.27.10 action statement for every known_affected product
                Set<String> action = new HashSet<>();
                v.path("remediations").forEach(r -> action.addAll(strings(r.path("product_ids"))));
                assertThat(action).as("6.1.27.10 %s", cve)
                        .containsAll(strings(v.path("product_status").path("known_affected")));
                // 6.1.33 at most one justification flag per product
                List<String> flagged = new ArrayList<>();
                v.path("flags").forEach(f -> flagged.addAll(strings(f.path("product_ids"))));
                assertThat(flagged).as("6.1.33 %s", cve).doesNotHaveDuplicates();
            }
        }
    }

    @Test
    void keys_of_every_object_are_sorted_and_no_product_version_reads_like_a_range() {
        for (VexRequest request : VexScenarios.all()) {
            assertSorted(writer.write(request), "$");
        }
        CsafVexWriter.productVersion(new VexProduct("X-1", "GE Healthcare", "Vivid", "all versions", null));
        assertThat(CsafVexWriter.productVersion(new VexProduct("X-1", "Baxter", "Spectrum", "<= 8.00", null)))
                .isNull();
        assertThat(CsafVexWriter.productVersion(new VexProduct("X-1", "Baxter", "Spectrum", "all versions", null)))
                .isNull();
        assertThat(CsafVexWriter.productVersion(new VexProduct("X-1", "Baxter", "Spectrum", "8.00.01", null)))
                .isEqualTo("8.00.01");
    }

    private static void assertSorted(JsonNode node, String path) {
        if (node.isObject()) {
            List<String> keys = node.properties().stream().map(Map.Entry::getKey).toList();
            assertThat(keys).as(path).isSorted();
            node.properties().forEach(e -> assertSorted(e.getValue(), path + "." + e.getKey()));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                assertSorted(node.get(i), path + "[" + i + "]");
            }
        }
    }

    @Test
    void lists_each_product_under_the_most_cautious_state_of_its_devices() {
        for (VexRequest request : VexScenarios.all()) {
            JsonNode doc = writer.write(request);
            Map<String, Map<String, String>> expected = VexScenarios.expectedStates(request);
            assertThat(list(doc.path("vulnerabilities"))).extracting(v -> v.path("cve").asString())
                    .containsExactlyInAnyOrderElementsOf(expected.keySet());
            expected.forEach((cve, byProduct) -> {
                Map<String, String> status = statusOf(vulnerability(doc, cve));
                Map<String, String> wanted = new HashMap<>();
                byProduct.forEach((product, state) -> wanted.put(product, VexState.parse(state)
                        .csafProductStatus()));
                assertThat(status).as(cve).isEqualTo(wanted);
            });
        }
    }

    @Test
    void lists_both_software_versions_of_a_model_below_one_product_name_branch() {
        JsonNode doc = writer.write(VexScenarios.modelExport());
        JsonNode vendor = doc.path("product_tree").path("branches").get(0);
        assertThat(doc.path("product_tree").path("branches").size()).isEqualTo(1);
        assertThat(vendor.path("category").asString()).isEqualTo("vendor");
        assertThat(vendor.path("name").asString()).isEqualTo("Baxter");
        JsonNode name = vendor.path("branches").get(0);
        assertThat(vendor.path("branches").size()).isEqualTo(1);
        assertThat(name.path("category").asString()).isEqualTo("product_name");
        assertThat(name.path("name").asString()).isEqualTo("Baxter Spectrum");
        assertThat(list(name.path("branches"))).extracting(b -> b.path("category").asString(),
                b -> b.path("name").asString(), b -> b.path("product").path("product_id").asString(),
                b -> b.path("product").path("name").asString(),
                b -> strings(b.path("product").path("product_identification_helper").path("model_numbers")))
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("product_version", "8.00.01",
                                VexScenarios.spectrum800().key(), "Baxter Spectrum 8.00.01", List.of("35700BAX2")),
                        org.assertj.core.groups.Tuple.tuple("product_version", "8.01.00",
                                VexScenarios.spectrum801().key(), "Baxter Spectrum 8.01.00", List.of("35700BAX2")));
        JsonNode devicesNote = list(doc.path("document").path("notes")).stream()
                .filter(n -> n.path("title").asString().equals("Devices of each product")).findFirst().orElseThrow();
        assertThat(devicesNote.path("text").asString()).contains("ICU-0042, ICU-0043").contains("ED-0007");
    }

    @Test
    void hangs_a_product_without_software_version_directly_below_its_product_name() {
        JsonNode doc = writer.write(VexScenarios.wardExport());
        JsonNode ge = list(doc.path("product_tree").path("branches")).stream()
                .filter(b -> b.path("name").asString().equals("GE Healthcare")).findFirst().orElseThrow();
        JsonNode vivid = ge.path("branches").get(0);
        assertThat(vivid.path("category").asString()).isEqualTo("product_name");
        assertThat(vivid.has("branches")).isFalse();
        assertThat(vivid.path("product").path("product_id").asString()).isEqualTo("RAD-0012");
        assertThat(vivid.path("product").path("name").asString()).isEqualTo("GE Healthcare Vivid E95");
        assertThat(vivid.path("product").has("product_identification_helper")).isFalse();
    }

    @Test
    void names_each_device_when_the_devices_of_a_product_disagree() {
        JsonNode v = vulnerability(writer.write(VexScenarios.modelExport()), "CVE-2020-12047");
        String model800 = VexScenarios.spectrum800().key();
        assertThat(strings(v.path("product_status").path("known_affected"))).containsExactly(model800);
        JsonNode note = list(v.path("notes")).stream().filter(n -> n.path("category").asString().equals("details"))
                .findFirst().orElseThrow();
        assertThat(note.path("text").asString()).startsWith(model800 + " is listed as affected")
                .contains("ICU-0042 not affected (component_not_present) per ICSMA-20-170-04")
                .contains("ICU-0043 affected per ICSMA-20-170-04");
        // the product listed as affected carries no not-affected flag
        v.path("flags").forEach(f -> assertThat(strings(f.path("product_ids"))).doesNotContain(model800));
    }

    @Test
    void scores_carry_the_vector_of_the_advisory_and_the_base_score_cisa_published_for_it() {
        JsonNode doc = writer.write(VexScenarios.modelExport());
        int compared = 0;
        for (VexScenarios.AdvisoryVulnerability a : VexScenarios.baxter()) {
            JsonNode v = vulnerability(doc, a.cve());
            Set<String> fixed = new HashSet<>(strings(v.path("product_status").path("fixed")));
            for (JsonNode score : v.path("scores")) {
                JsonNode cvss = score.path("cvss_v3");
                assertThat(cvss.path("vectorString").asString()).isEqualTo(a.vector());
                assertThat(cvss.path("version").asString()).isEqualTo("3.0");
                assertThat(cvss.path("baseScore").decimalValue()).isEqualByComparingTo(a.baseScore());
                assertThat(strings(score.path("products"))).isNotEmpty().noneMatch(fixed::contains);
                compared++;
            }
        }
        assertThat(compared).as("scores compared with ICSMA-20-170-04").isEqualTo(4);
        JsonNode ge = vulnerability(writer.write(VexScenarios.wardExport()), "CVE-2020-6977");
        assertThat(ge.path("scores").get(0).path("cvss_v3").path("version").asString()).isEqualTo("3.1");
        assertThat(ge.path("scores").get(0).path("cvss_v3").path("baseSeverity").asString()).isEqualTo("HIGH");
    }

    @Test
    void gives_no_score_for_a_statement_without_cvss_nor_for_fixed_products() {
        JsonNode doc = writer.write(VexScenarios.modelExport());
        assertThat(vulnerability(doc, "CVE-2020-12041").has("scores")).isFalse();
        assertThat(vulnerability(doc, "CVE-2020-12043").has("scores")).isFalse();
    }

    @Test
    void keeps_a_cvss_v4_vector_in_a_note_because_csaf_2_0_has_no_field_for_it() {
        JsonNode v = vulnerability(writer.write(VexScenarios.wardExport()), "CVE-2024-5176");
        assertThat(v.has("scores")).isFalse();
        JsonNode note = list(v.path("notes")).stream().filter(n -> n.path("category").asString().equals("other"))
                .findFirst().orElseThrow();
        assertThat(note.path("text").asString()).contains(VexScenarios.cve20245176Vector())
                .contains("base score 9.4 (CRITICAL)");
    }

    @Test
    void not_affected_products_carry_their_justification_flag_and_an_impact_statement() {
        VexRequest request = VexScenarios.modelExport();
        JsonNode doc = writer.write(request);
        String all800 = VexScenarios.spectrum800().key();
        String ed = VexScenarios.spectrum801().key();
        JsonNode physical = vulnerability(doc, "CVE-2020-12039");
        assertThat(list(physical.path("flags"))).extracting(f -> f.path("label").asString(),
                f -> strings(f.path("product_ids"))).containsExactly(org.assertj.core.groups.Tuple.tuple(
                "vulnerable_code_cannot_be_controlled_by_adversary", List.of(all800, ed)));
        assertThat(list(physical.path("threats"))).extracting(t -> t.path("category").asString(),
                t -> t.path("details").asString()).containsExactly(org.assertj.core.groups.Tuple.tuple("impact",
                request.statements().getFirst().detail()));
        JsonNode mitigated = vulnerability(doc, "CVE-2020-12047");
        JsonNode threat = mitigated.path("threats").get(0);
        assertThat(strings(threat.path("product_ids"))).containsExactly(ed);
        assertThat(threat.path("details").asString()).contains("inline_mitigations_already_exist");
        assertThat(threat.path("date").asString()).isEqualTo("2026-10-07T09:00:00.000Z");
    }

    @Test
    void affected_products_get_the_detail_as_mitigation_else_the_vendor_fix_of_the_advisory() {
        VexRequest request = VexScenarios.modelExport();
        JsonNode doc = writer.write(request);
        JsonNode isolated = vulnerability(doc, "CVE-2020-12040").path("remediations");
        assertThat(isolated.size()).isEqualTo(1);
        assertThat(isolated.get(0).path("category").asString()).isEqualTo("mitigation");
        assertThat(isolated.get(0).path("details").asString()).isEqualTo(request.statements().get(1).detail());
        JsonNode split = vulnerability(doc, "CVE-2020-12045");
        Map<String, JsonNode> byCategory = new HashMap<>();
        split.path("remediations").forEach(r -> byCategory.put(r.path("category").asString(), r));
        assertThat(byCategory.keySet()).containsExactlyInAnyOrder("vendor_fix");
        assertThat(list(split.path("remediations"))).hasSize(2);
        JsonNode advisoryFix = list(split.path("remediations")).stream()
                .filter(r -> strings(r.path("product_ids")).contains(VexScenarios.spectrum800().key()))
                .findFirst().orElseThrow();
        assertThat(advisoryFix.path("details").asString()).contains("ICSMA-20-170-04")
                .contains("Baxter Sigma Spectrum Infusion Pumps");
        JsonNode fixed = list(split.path("remediations")).stream()
                .filter(r -> strings(r.path("product_ids")).contains(VexScenarios.spectrum801().key()))
                .findFirst().orElseThrow();
        assertThat(fixed.path("details").asString()).isEqualTo(request.statements().get(3).detail());
    }

    @Test
    void products_under_investigation_get_a_remediation_saying_nothing_is_decided_yet() {
        JsonNode ward = vulnerability(writer.write(VexScenarios.wardExport()), "CVE-2024-1486");
        assertThat(ward.has("threats")).isFalse();
        JsonNode remediation = ward.path("remediations").get(0);
        assertThat(remediation.path("category").asString()).isEqualTo("none_available");
        assertThat(strings(remediation.path("product_ids"))).containsExactly("RAD-0012");
        assertThat(remediation.path("details").asString()).isEqualTo("Under investigation: Waiting for GE's answer"
                + " on product scope. Vendor advisory: ICSMA-20-049-02: GE Healthcare Ultrasound products (Update A).");
        JsonNode model = vulnerability(writer.write(VexScenarios.modelExport()), "CVE-2020-12041");
        assertThat(strings(model.path("remediations").get(0).path("product_ids"))).containsExactly(
                VexScenarios.spectrum800().key(), VexScenarios.spectrum801().key());
        assertThat(model.path("remediations").get(0).path("details").asString())
                .startsWith("Under investigation; no remediation is decided yet. Vendor advisory: ICSMA-20-170-04");
    }

    @Test
    void publishes_as_the_hospital_with_rfc_3339_utc_dates_and_one_revision() {
        VexRequest request = VexScenarios.singleDeviceExport();
        JsonNode document = writer.write(request).path("document");
        assertThat(document.path("publisher").path("name").asString()).isEqualTo(VexScenarios.HOSPITAL);
        assertThat(document.path("publisher").path("namespace").asString()).isEqualTo(VexScenarios.NAMESPACE);
        JsonNode tracking = document.path("tracking");
        assertThat(tracking.path("id").asString()).isEqualTo(request.documentId());
        String expected = request.now().truncatedTo(ChronoUnit.MILLIS).toString();
        for (String field : List.of("initial_release_date", "current_release_date")) {
            String date = tracking.path(field).asString();
            assertThat(date).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{3}Z");
            assertThat(Instant.parse(date)).isEqualTo(Instant.parse(expected));
        }
        assertThat(tracking.path("revision_history").get(0).path("date").asString())
                .isEqualTo(tracking.path("current_release_date").asString());
        assertThat(document.path("distribution").path("tlp").path("label").asString()).isEqualTo("AMBER");
        assertThat(document.path("lang").asString()).isEqualTo("en");
    }

    @Test
    void pretty_prints_the_same_document() {
        VexRequest request = VexScenarios.wardExport();
        String json = writer.toJson(request);
        assertThat(json).contains("\n");
        assertThat(JSON.readTree(json)).isEqualTo(JSON.readTree(JSON.writeValueAsString(writer.write(request))));
    }

    @Test
    void names_the_file_as_csaf_section_5_1_prescribes() {
        assertThat(CsafVexWriter.fileName("PATCHCARE-VEX-ICU-0042-2026-11-23"))
                .isEqualTo("patchcare-vex-icu-0042-2026-11-23.json");
        assertThat(CsafVexWriter.fileName("PATCHCARE VEX/ICU 0042")).isEqualTo("patchcare_vex_icu_0042.json");
    }

    @Test
    void writes_a_vulnerability_id_that_is_no_cve_as_ids_of_the_advisory() {
        VexRequest base = VexScenarios.singleDeviceExport();
        VexStatement s = base.statements().getFirst();
        VexStatement vendorId = new VexStatement("BD-2017-0001", "AFFECTED", null, null, s.advisoryTrackingId(),
                s.advisoryTitle(), null, null, s.updatedAt(), s.deviceKeys());
        JsonNode doc = writer.write(new VexRequest(base.documentId(), base.title(), base.publisherName(),
                base.publisherNamespace(), base.now(), base.products(), List.of(vendorId)));
        JsonNode v = doc.path("vulnerabilities").get(0);
        assertThat(v.has("cve")).isFalse();
        assertThat(v.path("ids").get(0).path("system_name").asString()).isEqualTo("ICSMA-17-017-01");
        assertThat(v.path("ids").get(0).path("text").asString()).isEqualTo("BD-2017-0001");
        assertThat(CsafSchemaCheck.errors(doc)).isEmpty();
    }

    // --- requests that cannot be exported --------------------------------------------------------------------------

    private static VexRequest with(List<VexProduct> products, List<VexStatement> statements) {
        VexRequest base = VexScenarios.modelExport();
        return new VexRequest(base.documentId(), base.title(), base.publisherName(), base.publisherNamespace(),
                base.now(), products, statements);
    }

    private static VexStatement firstStatementWith(String state, String justification, List<String> devices) {
        VexStatement s = VexScenarios.modelExport().statements().getFirst();
        return new VexStatement(s.cve(), state, justification, s.detail(), s.advisoryTrackingId(), s.advisoryTitle(),
                s.cvss(), s.cvssVector(), s.updatedAt(), devices);
    }

    @Test
    void refuses_a_statement_on_a_device_that_is_in_no_product() {
        VexRequest request = with(List.of(VexScenarios.spectrum800()),
                List.of(firstStatementWith("AFFECTED", null, List.of("ED-0007"))));
        assertThatThrownBy(() -> writer.write(request)).isInstanceOf(InvalidVexRequestException.class)
                .hasMessage("The statement on CVE-2020-12039 names device \"ED-0007\", which is neither a product key"
                        + " nor a device of a product in this request.");
    }

    @Test
    void refuses_a_justification_that_is_no_csaf_label_and_an_unknown_state() {
        assertThatThrownBy(() -> writer.write(with(List.of(VexScenarios.spectrum800()), List.of(
                firstStatementWith("NOT_AFFECTED", "requires_environment", List.of("ICU-0042"))))))
                .isInstanceOf(InvalidVexRequestException.class)
                .hasMessageContaining("\"requires_environment\", which is not a CSAF flag label")
                .hasMessageContaining("component_not_present");
        assertThatThrownBy(() -> writer.write(with(List.of(VexScenarios.spectrum800()), List.of(
                firstStatementWith("EXPLOITABLE", null, List.of("ICU-0042"))))))
                .isInstanceOf(InvalidVexRequestException.class)
                .hasMessage("Unknown VEX state \"EXPLOITABLE\": expected one of [AFFECTED, UNDER_INVESTIGATION,"
                        + " FIXED, NOT_AFFECTED].");
    }

    @Test
    void refuses_two_products_with_one_key_and_a_device_in_two_products() {
        VexProduct p = VexScenarios.spectrum800();
        assertThatThrownBy(() -> writer.write(with(List.of(p, p), List.of())))
                .isInstanceOf(InvalidVexRequestException.class).hasMessageContaining("is given to two products");
        VexProduct other = new VexProduct("model-x@9.0", "Baxter", "Baxter Spectrum", "9.0", null,
                List.of("ICU-0043"));
        assertThatThrownBy(() -> writer.write(with(List.of(p, other), List.of())))
                .isInstanceOf(InvalidVexRequestException.class)
                .hasMessage("Device \"ICU-0043\" belongs to two products, \"" + p.key()
                        + "\" and \"model-x@9.0\"; a device has one software version.");
    }

    @Test
    void refuses_an_export_without_statements_and_a_relative_namespace() {
        assertThatThrownBy(() -> writer.write(with(List.of(VexScenarios.spectrum800()), List.of())))
                .isInstanceOf(InvalidVexRequestException.class).hasMessageContaining("nothing to export");
        VexRequest base = VexScenarios.singleDeviceExport();
        assertThatThrownBy(() -> writer.write(new VexRequest(base.documentId(), base.title(), base.publisherName(),
                "st-elsewhere", base.now(), base.products(), base.statements())))
                .isInstanceOf(InvalidVexRequestException.class).hasMessageContaining("not an absolute URL");
    }

    @Test
    void a_recorded_score_that_differs_from_the_vector_is_noted() {
        VexRequest base = VexScenarios.singleDeviceExport();
        VexStatement s = base.statements().getFirst();
        VexStatement adjusted = new VexStatement(s.cve(), "AFFECTED", null, null, s.advisoryTrackingId(),
                s.advisoryTitle(), new BigDecimal("6.1"), s.cvssVector(), s.updatedAt(), s.deviceKeys());
        JsonNode v = writer.write(new VexRequest(base.documentId(), base.title(), base.publisherName(),
                base.publisherNamespace(), base.now(), base.products(), List.of(adjusted)))
                .path("vulnerabilities").get(0);
        assertThat(v.path("scores").get(0).path("cvss_v3").path("baseScore").decimalValue())
                .isEqualByComparingTo("4.9");
        assertThat(list(v.path("notes"))).extracting(n -> n.path("text").asString())
                .anyMatch(t -> t.contains("recorded score 6.1 differs from the base score 4.9"));
    }
}
