package org.patchcare.advisories.application.vex;

import org.cyclonedx.Version;
import org.cyclonedx.exception.ParseException;
import org.cyclonedx.model.Bom;
import org.cyclonedx.model.Component;
import org.cyclonedx.model.Property;
import org.cyclonedx.model.vulnerability.Vulnerability;
import org.cyclonedx.model.vulnerability.Vulnerability.Analysis;
import org.cyclonedx.model.vulnerability.Vulnerability.Rating;
import org.cyclonedx.parsers.JsonParser;
import org.junit.jupiter.api.Test;
import org.patchcare.testsupport.TestData;
import tools.jackson.databind.JsonNode;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CycloneDxVexWriterTest {

    private static final Map<String, Analysis.State> STATES = Map.of(
            "UNDER_INVESTIGATION", Analysis.State.IN_TRIAGE,
            "AFFECTED", Analysis.State.EXPLOITABLE,
            "NOT_AFFECTED", Analysis.State.NOT_AFFECTED,
            "FIXED", Analysis.State.RESOLVED);

    private final CycloneDxVexWriter writer = new CycloneDxVexWriter();
    private final JsonParser parser = new JsonParser();

    private Bom parse(String json) throws ParseException {
        return parser.parse(json.getBytes(StandardCharsets.UTF_8));
    }

    private static List<Vulnerability> entries(Bom bom, String cve, String productKey) {
        return bom.getVulnerabilities().stream().filter(v -> v.getId().equals(cve))
                .filter(v -> v.getAffects().stream().anyMatch(a -> a.getRef().equals(productKey))).toList();
    }

    private static List<String> properties(List<Property> properties, String name) {
        return properties == null ? List.of() : properties.stream().filter(p -> p.getName().equals(name))
                .map(Property::getValue).toList();
    }

    @Test
    void every_scenario_validates_against_the_cyclonedx_1_6_and_1_5_schemas_bundled_with_the_library() {
        for (VexRequest request : VexScenarios.all()) {
            for (Version version : List.of(Version.VERSION_16, Version.VERSION_15)) {
                String json = writer.write(request, version);
                assertThat(CycloneDxSchemaCheck.errors(json, version)).as(request.documentId() + " " + version)
                        .isEmpty();
                assertThat(json).contains("\"specVersion\" : \"" + version.getVersionString() + "\"");
            }
        }
    }

    @Test
    void the_schema_check_catches_a_broken_vex() {
        String json = writer.write(VexScenarios.modelExport()).replace("\"exploitable\"", "\"exploited\"");
        assertThat(CycloneDxSchemaCheck.errors(json, Version.VERSION_16)).isNotEmpty()
                .anyMatch(e -> e.contains("exploited") || e.contains("enum"));
    }

    /**
     * Documents why the tests above do not call {@link JsonParser#validate}: on PatchCare's class path (the pom pins
     * json-schema-validator 3, cyclonedx-core-java 12.2.0 was built against 2.0.1) it cannot run. When this test
     * fails, the library's own validation works again and can replace {@link CycloneDxSchemaCheck}.
     */
    @Test
    void the_library_validation_cannot_run_beside_json_schema_validator_3() {
        String json = writer.write(VexScenarios.singleDeviceExport());
        assertThatThrownBy(() -> parser.validate(json, Version.VERSION_16)).isInstanceOf(NoSuchMethodError.class);
    }

    @Test
    void parses_back_with_the_state_of_every_statement() throws ParseException {
        for (VexRequest request : VexScenarios.all()) {
            Bom bom = parse(writer.write(request));
            Map<String, Map<String, String>> expected = VexScenarios.expectedStates(request);
            int pairs = 0;
            for (var cve : expected.entrySet()) {
                for (var product : cve.getValue().entrySet()) {
                    List<Vulnerability> found = entries(bom, cve.getKey(), product.getKey());
                    assertThat(found).as("%s on %s", cve.getKey(), product.getKey()).hasSize(1);
                    assertThat(found.getFirst().getAnalysis().getState()).as("%s on %s", cve.getKey(),
                            product.getKey()).isEqualTo(STATES.get(product.getValue()));
                    pairs++;
                }
            }
            long affects = bom.getVulnerabilities().stream().mapToLong(v -> v.getAffects().size()).sum();
            assertThat(affects).as("no statement beyond those expected").isEqualTo(pairs);
        }
    }

    @Test
    void keeps_the_justification_the_detail_and_the_csaf_label_of_not_affected_statements() throws ParseException {
        VexRequest request = VexScenarios.modelExport();
        Bom bom = parse(writer.write(request));
        for (VexStatement s : request.statements()) {
            if (!s.state().equals("NOT_AFFECTED") || s.deviceKeys().contains("ICU-0042") && s.cve().equals(
                    "CVE-2020-12047")) {
                continue; // ICU-0042's product is affected through ICU-0043 for CVE-2020-12047
            }
            String product = request.products().stream().filter(p -> p.deviceKeys().contains(s.deviceKeys()
                    .getFirst())).findFirst().orElseThrow().key();
            Vulnerability v = entries(bom, s.cve(), product).getFirst();
            assertThat(properties(v.getProperties(), "patchcare:csaf-justification"))
                    .containsExactly(s.justification());
            assertThat(v.getAnalysis().getJustification())
                    .isEqualTo(CycloneDxVexWriter.justification(s.justification()));
            if (s.detail() != null) {
                assertThat(v.getAnalysis().getDetail()).isEqualTo(s.detail());
            }
        }
    }

    @Test
    void maps_each_csaf_justification_label_to_the_closest_cyclonedx_justification() {
        Map<String, Analysis.Justification> documented = Map.of(
                "component_not_present", Analysis.Justification.CODE_NOT_PRESENT,
                "vulnerable_code_not_present", Analysis.Justification.CODE_NOT_PRESENT,
                "vulnerable_code_not_in_execute_path", Analysis.Justification.CODE_NOT_REACHABLE,
                "vulnerable_code_cannot_be_controlled_by_adversary", Analysis.Justification.REQUIRES_ENVIRONMENT,
                "inline_mitigations_already_exist", Analysis.Justification.PROTECTED_BY_MITIGATING_CONTROL);
        assertThat(documented.keySet()).containsExactlyInAnyOrderElementsOf(VexState.JUSTIFICATIONS);
        documented.forEach((label, justification) ->
                assertThat(CycloneDxVexWriter.justification(label)).as(label).isEqualTo(justification));
    }

    @Test
    void rates_with_the_advisory_vector_and_the_base_score_it_gives() throws ParseException {
        Bom bom = parse(writer.write(VexScenarios.modelExport()));
        int compared = 0;
        for (VexScenarios.AdvisoryVulnerability a : VexScenarios.baxter()) {
            for (Vulnerability v : bom.getVulnerabilities()) {
                if (!v.getId().equals(a.cve()) || v.getRatings() == null) {
                    continue;
                }
                Rating rating = v.getRatings().getFirst();
                assertThat(rating.getVector()).isEqualTo(a.vector());
                assertThat(rating.getMethod()).isEqualTo(Rating.Method.CVSSV3);
                assertThat(rating.getScore()).isEqualTo(a.baseScore().doubleValue());
                assertThat(v.getSource().getUrl()).isEqualTo("https://nvd.nist.gov/vuln/detail/" + a.cve());
                assertThat(properties(v.getProperties(), "patchcare:advisory")).containsExactly(a.trackingId());
                compared++;
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(5);
        assertThat(bom.getVulnerabilities().stream().filter(v -> v.getId().equals("CVE-2020-12041")))
                .allMatch(v -> v.getRatings() == null || v.getRatings().isEmpty());
    }

    @Test
    void rates_a_cvss_v4_vector_with_the_score_of_its_cve_record() throws ParseException {
        Bom bom = parse(writer.write(VexScenarios.wardExport()));
        JsonNode record = VexScenarios.JSON.readTree(TestData.file("cve/from-vulnrichment/CVE-2024-5176.json"));
        JsonNode published = record.path("containers").path("cna").path("metrics").get(0).path("cvssV4_0");
        Rating rating = bom.getVulnerabilities().stream().filter(v -> v.getId().equals("CVE-2024-5176"))
                .findFirst().orElseThrow().getRatings().getFirst();
        assertThat(rating.getMethod()).isEqualTo(Rating.Method.CVSSV4);
        assertThat(rating.getVector()).isEqualTo(published.path("vectorString").asString());
        assertThat(rating.getScore()).isEqualTo(published.path("baseScore").asDouble());
        assertThat(rating.getSeverity().getSeverityName())
                .isEqualToIgnoringCase(published.path("baseSeverity").asString());
        Rating v31 = bom.getVulnerabilities().stream().filter(v -> v.getId().equals("CVE-2020-6977"))
                .findFirst().orElseThrow().getRatings().getFirst();
        assertThat(v31.getMethod()).isEqualTo(Rating.Method.CVSSV31);
    }

    @Test
    void describes_each_product_as_a_device_with_its_vendor_version_and_devices() throws ParseException {
        VexRequest request = VexScenarios.modelExport();
        Bom bom = parse(writer.write(request));
        Map<String, Component> byRef = new HashMap<>();
        bom.getComponents().forEach(c -> byRef.put(c.getBomRef(), c));
        assertThat(byRef.keySet()).containsExactlyInAnyOrder(VexScenarios.spectrum800().key(),
                VexScenarios.spectrum801().key());
        for (VexProduct product : request.products()) {
            Component c = byRef.get(product.key());
            assertThat(c.getType()).isEqualTo(Component.Type.DEVICE);
            assertThat(c.getName()).isEqualTo(product.name());
            assertThat(c.getVersion()).isEqualTo(product.version());
            assertThat(c.getSupplier().getName()).isEqualTo(product.vendor());
            assertThat(properties(c.getProperties(), "patchcare:model-number")).containsExactly("35700BAX2");
            assertThat(properties(c.getProperties(), "patchcare:device"))
                    .containsExactlyElementsOf(product.deviceKeys());
        }
        assertThat(bom.getSerialNumber()).startsWith("urn:uuid:");
        assertThat(bom.getMetadata().getTimestamp().toInstant()).isEqualTo(request.now()
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
    }

    @Test
    void explains_in_the_detail_when_the_devices_of_a_product_disagree() throws ParseException {
        Bom bom = parse(writer.write(VexScenarios.modelExport()));
        Vulnerability v = entries(bom, "CVE-2020-12047", VexScenarios.spectrum800().key()).getFirst();
        assertThat(v.getAnalysis().getState()).isEqualTo(Analysis.State.EXPLOITABLE);
        assertThat(v.getAnalysis().getDetail()).contains("ICU-0042 not affected (component_not_present)")
                .contains("ICU-0043 affected");
        assertThat(v.getRecommendation()).contains("ICSMA-20-170-04");
    }

    @Test
    void writes_spec_1_5_or_1_6_only() {
        assertThatThrownBy(() -> writer.write(VexScenarios.singleDeviceExport(), Version.VERSION_14))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.5 or 1.6, not 1.4");
    }
}
