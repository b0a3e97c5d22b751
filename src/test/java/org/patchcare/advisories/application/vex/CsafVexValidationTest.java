package org.patchcare.advisories.application.vex;

import org.junit.jupiter.api.Test;
import org.patchcare.advisories.application.csaf.validation.CsafFinding;
import org.patchcare.advisories.application.csaf.validation.CsafValidationReport;
import org.patchcare.advisories.application.csaf.validation.CsafValidator;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** Every exported CSAF VEX document passes PatchCare's own CSAF importer validation. */
class CsafVexValidationTest {

    /**
     * The warnings an export may still carry, because PatchCare does not know what they ask for: the canonical URL
     * where the hospital publishes the file (6.2.11), a product identification helper for a device without model
     * number (6.2.16), the CWE of the vulnerability (6.3.4), CVSS v3.1 instead of an advisory's v3.0 (6.3.2), a
     * product_version branch for a device whose software version is unknown (6.3.9), and a score for an affected
     * product whose only vector is CVSS v4.0, which CSAF 2.0 cannot carry (6.2.3).
     */
    private static final Set<String> EXPECTED_WARNINGS = Set.of("6.2.3", "6.2.11", "6.2.16", "6.3.2", "6.3.4",
            "6.3.9");

    private static final CsafValidator VALIDATOR = new CsafValidator();
    private final CsafVexWriter writer = new CsafVexWriter();

    @Test
    void the_importer_accepts_every_export_without_errors() {
        for (VexRequest request : VexScenarios.all()) {
            CsafValidationReport report = VALIDATOR.validate(writer.write(request));
            assertThat(report.errors()).as(request.documentId()).isEmpty();
            assertThat(report.accepted()).isTrue();
            assertThat(report.warnings()).as(request.documentId()).extracting(CsafFinding::testId)
                    .allMatch(EXPECTED_WARNINGS::contains);
        }
    }

    @Test
    void the_importer_accepts_the_pretty_printed_file_as_read_back() {
        VexRequest request = VexScenarios.modelExport();
        JsonNode read = VexScenarios.JSON.readTree(writer.toJson(request));
        assertThat(VALIDATOR.validate(read).errors()).isEmpty();
    }

    @Test
    void the_importer_would_reject_the_export_without_its_impact_and_action_statements() {
        ObjectNode doc = (ObjectNode) writer.write(VexScenarios.modelExport());
        for (JsonNode v : doc.path("vulnerabilities")) {
            ((ObjectNode) v).remove(List.of("threats", "flags", "remediations"));
        }
        CsafValidationReport report = VALIDATOR.validate(doc);
        assertThat(report.errorsOf("6.1.27.9")).isNotEmpty();
        assertThat(report.errorsOf("6.1.27.10")).isNotEmpty();
        ((ArrayNode) doc.path("document").path("notes")).removeAll();
        assertThat(VALIDATOR.validate(doc).accepted()).isFalse();
    }

    @Test
    void the_importer_accepts_an_export_whose_cve_comes_from_two_advisories_on_two_devices() {
        VexScenarios.AdvisoryVulnerability alaris = VexScenarios.advisory("icsma-17-017-01.json").getFirst();
        // CVE-2016-8375 is also in ICSMA-17-017-02 (Alaris 8015); the statements come from both advisories.
        VexScenarios.AdvisoryVulnerability alaris8015 = VexScenarios.advisory("icsma-17-017-02.json").stream()
                .filter(a -> a.cve().equals(alaris.cve())).findFirst().orElseThrow();
        VexRequest request = new VexRequest("PATCHCARE-VEX-ICU-2026-11-23", "VEX for ICU infusion", "St. Elsewhere",
                VexScenarios.NAMESPACE, VexScenarios.NOW, List.of(
                new VexProduct("ICU-0101", alaris.vendor(), "Alaris 8000 PC unit", "9.19.2", "8000"),
                new VexProduct("ICU-0102", alaris8015.vendor(), "Alaris 8015 PC unit", "9.33.1", "8015")),
                List.of(VexScenarios.statement(alaris, "AFFECTED", null, null, "2026-09-01T00:00:00Z", "ICU-0101"),
                        VexScenarios.statement(alaris8015, "NOT_AFFECTED", "vulnerable_code_not_present",
                                null, "2026-09-02T00:00:00Z", "ICU-0102")));
        JsonNode doc = writer.write(request);
        assertThat(doc.path("vulnerabilities").size()).isEqualTo(1);
        assertThat(doc.path("vulnerabilities").get(0).path("notes").toString()).contains("ICSMA-17-017-01")
                .contains("ICSMA-17-017-02");
        assertThat(VALIDATOR.validate(doc).errors()).isEmpty();
    }
}
