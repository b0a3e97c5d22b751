package org.patchcare.advisories.application.csaf.validation;

import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OASIS CSAF 2.0 test suite (csaf/oasis-invalid, csaf/oasis-valid), driven by csaf/oasis-testcase-index.csv and
 * the suite's own testcases.json.
 */
class CsafValidatorOasisTest {

    private static final String INDEX = "csaf/oasis-testcase-index.csv";

    /**
     * Two optional-test cases that the OASIS suite marks valid although each lists the same hash algorithm twice for
     * one file, which mandatory test 6.1.25 forbids (BSI's reference validator rejects them too). The validator
     * follows the mandatory test; see docs/csaf-validation.md.
     */
    static final Set<String> REPEAT_A_HASH_ALGORITHM = Set.of("oasis_csaf_tc-csaf_2_0-2021-6-2-08-02.json",
            "oasis_csaf_tc-csaf_2_0-2021-6-2-09-02.json");

    /** Informative tests that need the network (6.3.6, 6.3.7) or a spell checker (6.3.8); not implemented. */
    static final Set<String> NOT_IMPLEMENTED = Set.of("6.3.6", "6.3.7", "6.3.8");

    static Stream<Arguments> failing_mandatory_cases() {
        return CsafTestFiles.index(INDEX).stream().filter(r -> r.get("importer_should").equals("REJECT"))
                .map(r -> Arguments.of(r.get("path"), r.get("test_id")));
    }

    @ParameterizedTest(name = "{0} fails {1}")
    @MethodSource("failing_mandatory_cases")
    void rejects_every_failing_case_of_a_mandatory_test_with_that_test_among_its_errors(String path, String testId) {
        CsafValidationReport report = CsafTestFiles.validate(path);

        assertThat(report.accepted()).isFalse();
        assertThat(report.errors()).extracting(CsafFinding::testId).contains(testId);
        JsonNode document = CsafTestFiles.read(path);
        assertThat(report.errorsOf(testId)).allSatisfy(f -> {
            assertThat(f.level()).isEqualTo(FindingLevel.ERROR);
            assertThat(f.message()).isNotBlank();
            assertThat(CsafTestFiles.pointsInto(document, f.jsonPath()))
                    .as("%s points at a node of the document, or names a missing one under an existing parent",
                            f.jsonPath()).isTrue();
        });
    }

    static Stream<Arguments> valid_documents() {
        List<Arguments> cases = new ArrayList<>();
        CsafTestFiles.index(INDEX).stream().filter(r -> r.get("importer_should").equals("ACCEPT"))
                .map(r -> r.get("path"))
                .filter(p -> !REPEAT_A_HASH_ALGORITHM.contains(Path.of(p).getFileName().toString()))
                .forEach(p -> cases.add(Arguments.of(p)));
        for (String folder : List.of("examples", "filenames", "vex")) {
            CsafTestFiles.jsonFiles("csaf/oasis-valid/" + folder)
                    .forEach(f -> cases.add(Arguments.of(CsafTestFiles.relative(f))));
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valid_documents")
    void accepts_every_valid_oasis_document(String path) {
        CsafValidationReport report = CsafTestFiles.validate(path);

        assertThat(report.errors()).as("errors of %s", path).isEmpty();
        assertThat(report.accepted()).isTrue();
    }

    @Test
    void the_valid_folders_hold_every_file_the_index_accepts_plus_examples_filenames_and_vex() {
        long indexed = CsafTestFiles.index(INDEX).stream().filter(r -> r.get("importer_should").equals("ACCEPT"))
                .count();
        long onDisk = CsafTestFiles.jsonFiles("csaf/oasis-valid").size();

        assertThat(valid_documents().count() + REPEAT_A_HASH_ALGORITHM.size()).isEqualTo(onDisk);
        assertThat(indexed).isLessThan(onDisk);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("repeated_hash_algorithm_cases")
    void rejects_the_two_oasis_cases_that_repeat_a_hash_algorithm_only_for_mandatory_test_6_1_25(String path) {
        CsafValidationReport report = CsafTestFiles.validate(path);

        assertThat(report.errors()).isNotEmpty().extracting(CsafFinding::testId).containsOnly("6.1.25");
        assertThat(report.errors()).allSatisfy(f -> assertThat(f.message()).contains("more than once"));
    }

    static Stream<String> repeated_hash_algorithm_cases() {
        return CsafTestFiles.index(INDEX).stream().map(r -> r.get("path"))
                .filter(p -> REPEAT_A_HASH_ALGORITHM.contains(Path.of(p).getFileName().toString()));
    }

    /** Per optional or informative test of testcases.json: its failing files and its passing files. */
    static Stream<Arguments> optional_and_informative_cases() {
        Map<String, String> pathByName = new HashMap<>();
        for (CSVRecord row : CsafTestFiles.index(INDEX)) {
            pathByName.put(row.get("file"), row.get("path"));
        }
        JsonNode suite = CsafTestFiles.read("csaf/oasis-valid/testcases.json");
        List<Arguments> cases = new ArrayList<>();
        for (JsonNode test : suite.get("tests")) {
            String id = test.get("id").asString();
            String group = test.get("group").asString();
            if (group.equals("mandatory") || NOT_IMPLEMENTED.contains(id)) {
                continue;
            }
            for (String kind : List.of("failures", "valid")) {
                for (JsonNode file : test.path(kind)) {
                    String name = Path.of(file.get("name").asString()).getFileName().toString();
                    cases.add(Arguments.of(pathByName.get(name), id, kind.equals("failures")));
                }
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}: warning {1} expected {2}")
    @MethodSource("optional_and_informative_cases")
    void warns_with_the_test_id_exactly_on_the_files_that_fail_that_optional_or_informative_test(String path,
            String testId, boolean fails) {
        assertThat(path).as("listed in the index").isNotNull();
        CsafValidationReport report = CsafTestFiles.validate(path);

        if (fails) {
            assertThat(report.warningsOf(testId)).isNotEmpty();
            assertThat(report.warningsOf(testId)).allSatisfy(w -> assertThat(w.level()).isEqualTo(FindingLevel.WARNING));
        } else {
            assertThat(report.warningsOf(testId)).isEmpty();
        }
        if (!REPEAT_A_HASH_ALGORITHM.contains(Path.of(path).getFileName().toString())) {
            assertThat(report.accepted()).as("%s is a valid document; errors %s", path, report.errors()).isTrue();
        }
    }
}
