package org.patchcare.advisories.application.csaf.validation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Variants generated from real advisories (the files themselves stay as published): each changes one thing and the
 * validator must name the test and point its JSON path at the changed node.
 */
class CsafValidatorVariantsTest {

    private final CsafValidator validator = CsafTestFiles.validator();

    /** A real medical advisory that CISA wrote without vers: ranges (so it carries no 6.1.31 finding). */
    private static JsonNode plainMedicalAdvisory() {
        String file = CsafTestFiles.index("csaf/icsma-index.csv").stream()
                .filter(r -> r.get("fails_6_1_31_version_range_in_product_version").equals("False"))
                .filter(r -> !productVersionBranches(CsafTestFiles.read("csaf/icsma/" + r.get("file"))).isEmpty())
                .map(r -> r.get("file")).findFirst().orElseThrow();
        return CsafTestFiles.read("csaf/icsma/" + file);
    }

    /** The paths of the product_version branches, in document order. */
    private static List<String> productVersionBranches(JsonNode document) {
        List<String> paths = new ArrayList<>();
        collect(document.path("product_tree").path("branches"), "$.product_tree.branches", paths);
        return paths;
    }

    private static void collect(JsonNode branches, String path, List<String> paths) {
        for (int i = 0; i < branches.size(); i++) {
            String branchPath = path + "[" + i + "]";
            if ("product_version".equals(branches.get(i).path("category").asString())) {
                paths.add(branchPath);
            }
            collect(branches.get(i).path("branches"), branchPath + ".branches", paths);
        }
    }

    @ParameterizedTest(name = "product_version \"{0}\"")
    @ValueSource(strings = {"<= 4.1", "all", "prior to 4.2"})
    void rejects_a_product_version_that_is_a_range_written_in_words_or_with_an_operator(String range) {
        JsonNode document = plainMedicalAdvisory();
        String branch = productVersionBranches(document).getFirst();
        ((ObjectNode) CsafTestFiles.at(document, branch)).put("name", range);

        CsafValidationReport report = validator.validate(document);

        assertThat(report.accepted()).isFalse();
        assertThat(report.errorsOf("6.1.31")).singleElement().satisfies(error -> {
            assertThat(error.jsonPath()).isEqualTo(branch + ".name");
            assertThat(CsafTestFiles.at(document, error.jsonPath()).asString()).isEqualTo(range);
            assertThat(error.message()).contains(range).contains("single version");
        });
        assertThat(report.warningsOf("6.1.31")).isEmpty();
    }

    @Test
    void accepts_a_vers_range_in_a_product_version_with_a_6_1_31_warning() {
        JsonNode document = plainMedicalAdvisory();
        String branch = productVersionBranches(document).getFirst();
        ((ObjectNode) CsafTestFiles.at(document, branch)).put("name", "vers:generic/<4.2");

        CsafValidationReport report = validator.validate(document);

        assertThat(report.accepted()).isTrue();
        assertThat(report.warningsOf("6.1.31")).singleElement().satisfies(w -> {
            assertThat(w.jsonPath()).isEqualTo(branch + ".name");
            assertThat(w.message()).contains("vers:generic/<4.2").contains("accepted it as a version range");
        });
    }

    @Test
    void accepts_the_unchanged_advisory_the_variants_start_from() {
        CsafValidationReport report = validator.validate(plainMedicalAdvisory());

        assertThat(report.accepted()).isTrue();
        assertThat(report.warningsOf("6.1.31")).isEmpty();
    }

    static Stream<Path> csaf_2_1_samples() {
        return CsafTestFiles.jsonFiles("misc/csaf-2.1-samples").stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("csaf_2_1_samples")
    void refuses_a_csaf_2_1_document_with_one_version_error_and_nothing_else(Path sample) {
        JsonNode document = CsafTestFiles.read(sample);
        String version = document.path("document").path("csaf_version").asString();

        CsafValidationReport report = validator.validate(document);

        assertThat(version).isEqualTo("2.1");
        assertThat(report.errors()).singleElement().satisfies(error -> {
            assertThat(error.testId()).isEqualTo("csaf_version");
            assertThat(error.jsonPath()).isEqualTo("$.document.csaf_version");
            assertThat(error.message()).isEqualTo(
                    "Unsupported CSAF version \"2.1\": PatchCare reads CSAF 2.0 documents.");
        });
        assertThat(report.warnings()).isEmpty();
    }

    @Test
    void refuses_json_that_is_not_a_csaf_document_with_the_version_error() {
        CsafValidationReport report = validator.validate(CsafTestFiles.JSON.readTree("[1, 2, 3]"));

        assertThat(report.errors()).singleElement().extracting(CsafFinding::testId).isEqualTo("csaf_version");
    }

    @Test
    void names_an_undefined_product_at_the_status_entry_that_uses_it() {
        JsonNode document = plainMedicalAdvisory();
        ArrayNode affected = (ArrayNode) document.path("vulnerabilities").get(0).path("product_status")
                .path("known_affected");
        affected.add("CSAFPID-9080700");

        CsafValidationReport report = validator.validate(document);

        assertThat(report.errorsOf("6.1.1")).singleElement().satisfies(error -> {
            assertThat(error.jsonPath()).isEqualTo(
                    "$.vulnerabilities[0].product_status.known_affected[" + (affected.size() - 1) + "]");
            assertThat(error.message()).isEqualTo(
                    "Product ID CSAFPID-9080700 is referenced but never defined in the product tree.");
        });
    }

    @Test
    void names_a_schema_failure_at_the_offending_node_and_keeps_the_mandatory_test_that_fires_too() {
        JsonNode document = plainMedicalAdvisory();
        ObjectNode cvss = (ObjectNode) document.path("vulnerabilities").get(0).path("scores").get(0).path("cvss_v3");
        cvss.put("baseScore", "high");

        CsafValidationReport report = validator.validate(document);

        String path = "$.vulnerabilities[0].scores[0].cvss_v3.baseScore";
        assertThat(report.errorsOf("schema")).extracting(CsafFinding::jsonPath).contains(path);
        assertThat(report.errorsOf("6.1.8")).extracting(CsafFinding::jsonPath).contains(path);
        assertThat(CsafTestFiles.at(document, path).asString()).isEqualTo("high");
    }

    @Test
    void names_a_missing_required_property_in_words() {
        JsonNode document = plainMedicalAdvisory();
        ((ObjectNode) document.path("document")).remove("title");

        CsafValidationReport report = validator.validate(document);

        assertThat(report.errorsOf("schema")).singleElement().satisfies(error -> {
            assertThat(error.jsonPath()).isEqualTo("$.document");
            assertThat(error.message()).contains("required property \"title\" is missing");
        });
    }

    @Test
    void reports_a_base_score_that_does_not_follow_from_the_vector() {
        JsonNode document = plainMedicalAdvisory();
        ObjectNode cvss = (ObjectNode) document.path("vulnerabilities").get(0).path("scores").get(0).path("cvss_v3");
        double published = cvss.path("baseScore").asDouble();
        cvss.put("baseScore", published == 1.0 ? 2.0 : 1.0);

        CsafValidationReport report = validator.validate(document);

        assertThat(report.errorsOf("6.1.9")).extracting(CsafFinding::jsonPath)
                .containsExactly("$.vulnerabilities[0].scores[0].cvss_v3.baseScore");
        assertThat(report.errorsOf("6.1.9").getFirst().message()).contains("gives " + published);
    }

    @Test
    void reports_a_metric_property_that_contradicts_the_vector() {
        JsonNode document = plainMedicalAdvisory();
        ObjectNode cvss = (ObjectNode) document.path("vulnerabilities").get(0).path("scores").get(0).path("cvss_v3");
        String vector = cvss.path("vectorString").asString();
        cvss.put("attackVector", vector.contains("AV:P") ? "NETWORK" : "PHYSICAL");

        CsafValidationReport report = validator.validate(document);

        assertThat(report.errorsOf("6.1.10")).extracting(CsafFinding::jsonPath)
                .containsExactly("$.vulnerabilities[0].scores[0].cvss_v3.attackVector");
    }

    @Test
    void reports_a_cwe_whose_name_is_not_the_name_of_that_weakness() {
        JsonNode document = plainMedicalAdvisory();
        ObjectNode cwe = (ObjectNode) document.path("vulnerabilities").get(0).path("cwe");
        String id = cwe.path("id").asString();
        cwe.put("name", "Improper Input Validation".equals(cwe.path("name").asString())
                ? "Out-of-bounds Read" : "Improper Input Validation");

        CsafValidationReport report = validator.validate(document);

        assertThat(report.errorsOf("6.1.11")).singleElement().satisfies(error -> {
            assertThat(error.jsonPath()).isEqualTo("$.vulnerabilities[0].cwe.name");
            assertThat(error.message()).contains(id);
        });
    }

    @Test
    void reports_a_cve_described_twice() {
        JsonNode document = plainMedicalAdvisory();
        ArrayNode vulnerabilities = (ArrayNode) document.path("vulnerabilities");
        vulnerabilities.add(vulnerabilities.get(0).deepCopy());

        CsafValidationReport report = validator.validate(document);

        assertThat(report.errorsOf("6.1.23")).extracting(CsafFinding::jsonPath)
                .containsExactly("$.vulnerabilities[" + (vulnerabilities.size() - 1) + "].cve");
    }

    @Test
    void reports_a_product_defined_through_a_relationship_that_refers_back_to_itself() {
        JsonNode document = plainMedicalAdvisory();
        ObjectNode tree = (ObjectNode) document.path("product_tree");
        String existing = document.path("vulnerabilities").get(0).path("product_status").path("known_affected")
                .get(0).asString();
        ObjectNode relationship = CsafTestFiles.JSON.createObjectNode().put("category", "installed_on")
                .put("product_reference", existing).put("relates_to_product_reference", "CSAFPID-LOOP");
        relationship.putObject("full_product_name").put("name", "Loop").put("product_id", "CSAFPID-LOOP");
        ArrayNode relationships = tree.has("relationships") ? (ArrayNode) tree.get("relationships")
                : tree.putArray("relationships");
        relationships.add(relationship);

        CsafValidationReport report = validator.validate(document);

        assertThat(report.errorsOf("6.1.3")).singleElement().satisfies(error -> {
            assertThat(error.jsonPath()).isEqualTo("$.product_tree.relationships[" + (relationships.size() - 1)
                    + "].full_product_name.product_id");
            assertThat(error.message()).contains("CSAFPID-LOOP").contains("circular");
        });
    }

    @Test
    void reports_vulnerabilities_in_an_informational_advisory() {
        JsonNode document = plainMedicalAdvisory();
        ((ObjectNode) document.path("document")).put("category", "csaf_informational_advisory");

        CsafValidationReport report = validator.validate(document);

        assertThat(report.errorsOf("6.1.27.3")).singleElement().extracting(CsafFinding::jsonPath)
                .isEqualTo("$.vulnerabilities");
    }

    @Test
    void reports_a_known_affected_product_without_an_action_statement_in_a_vex_document() {
        JsonNode document = CsafTestFiles.read("csaf/oasis-valid/vex/2022-evd-uc-01-a-001.json");
        ((ObjectNode) document.path("vulnerabilities").get(0)).remove("remediations");

        CsafValidationReport report = validator.validate(document);

        JsonNode affected = document.path("vulnerabilities").get(0).path("product_status").path("known_affected");
        assertThat(report.errorsOf("6.1.27.10")).hasSize(affected.size()).allSatisfy(error ->
                assertThat(CsafTestFiles.at(document, error.jsonPath()).asString()).isIn(
                        affected.valueStream().map(JsonNode::asString).toList()));
    }

    @Test
    void reports_a_vex_product_status_that_lists_none_of_the_vex_statuses() {
        JsonNode document = CsafTestFiles.read("csaf/oasis-valid/vex/2022-evd-uc-01-a-001.json");
        ObjectNode vulnerability = (ObjectNode) document.path("vulnerabilities").get(0);
        JsonNode affected = vulnerability.path("product_status").path("known_affected");
        vulnerability.putObject("product_status").set("recommended", affected);

        CsafValidationReport report = validator.validate(document);

        assertThat(report.errorsOf("6.1.27.7")).singleElement().extracting(CsafFinding::jsonPath)
                .isEqualTo("$.vulnerabilities[0].product_status");
    }

    @Test
    void reports_a_revision_history_that_mixes_integer_and_semantic_versions() {
        JsonNode document = plainMedicalAdvisory();
        ObjectNode first = (ObjectNode) document.path("document").path("tracking").path("revision_history").get(0);
        assertThat(first.path("number").asString()).matches("\\d+");
        first.put("number", first.path("number").asString() + ".0.0");

        CsafValidationReport report = validator.validate(document);

        assertThat(report.errorsOf("6.1.30")).singleElement().satisfies(error -> {
            assertThat(error.jsonPath()).isEqualTo("$.document.tracking");
            assertThat(error.message()).contains(first.path("number").asString());
        });
    }
}
