package org.patchcare.advisories.application.csaf.validation;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** CISA's real advisories: 107 ICS medical advisories (csaf/icsma) and 21 industrial ones (csaf/icsa). */
class CsafValidatorRealAdvisoriesTest {

    static Stream<Arguments> medical_advisories() {
        return CsafTestFiles.index("csaf/icsma-index.csv").stream().map(r -> Arguments.of(r.get("file"),
                Boolean.parseBoolean(r.get("fails_6_1_31_version_range_in_product_version"))));
    }

    @ParameterizedTest(name = "{0} (vers: in product_version: {1})")
    @MethodSource("medical_advisories")
    void accepts_every_medical_advisory_and_warns_under_6_1_31_exactly_when_a_product_version_is_a_vers_range(
            String file, boolean writesVersRange) {
        JsonNode document = CsafTestFiles.read("csaf/icsma/" + file);
        CsafValidationReport report = CsafTestFiles.validator().validate(document);

        assertThat(report.errors()).as("errors of %s", file).isEmpty();
        assertThat(report.accepted()).isTrue();
        if (writesVersRange) {
            assertThat(report.warningsOf("6.1.31")).isNotEmpty().allSatisfy(w -> {
                assertThat(w.message()).contains("accepted it as a version range");
                JsonNode name = CsafTestFiles.at(document, w.jsonPath());
                assertThat(name.asString()).startsWith("vers:");
                assertThat(w.message()).contains(name.asString());
            });
        } else {
            assertThat(report.warningsOf("6.1.31")).isEmpty();
        }
    }

    static Stream<String> industrial_advisories() {
        return CsafTestFiles.jsonFiles("csaf/icsa").stream().map(CsafTestFiles::relative);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("industrial_advisories")
    void accepts_every_industrial_advisory(String path) {
        CsafValidationReport report = CsafTestFiles.validate(path);

        assertThat(report.errors()).as("errors of %s", path).isEmpty();
    }

    @Test
    void the_medical_index_lists_every_medical_advisory_on_disk() {
        List<String> onDisk = CsafTestFiles.jsonFiles("csaf/icsma").stream()
                .map(p -> p.getFileName().toString()).toList();

        assertThat(medical_advisories().map(a -> (String) a.get()[0]).toList())
                .containsExactlyInAnyOrderElementsOf(onDisk);
        assertThat(industrial_advisories()).isNotEmpty();
    }

    @Test
    void one_shared_validator_gives_the_same_reports_when_used_from_many_threads() {
        List<Path> files = Stream.concat(CsafTestFiles.jsonFiles("csaf/icsma").stream(),
                CsafTestFiles.jsonFiles("csaf/oasis-invalid").stream()).toList();
        Map<Path, JsonNode> documents = files.stream().collect(Collectors.toMap(Function.identity(),
                CsafTestFiles::read));
        CsafValidator validator = CsafTestFiles.validator();
        Map<Path, CsafValidationReport> sequential = files.stream().collect(Collectors.toMap(Function.identity(),
                f -> validator.validate(documents.get(f))));

        Map<Path, CsafValidationReport> parallel = files.parallelStream().collect(Collectors.toConcurrentMap(
                Function.identity(), f -> validator.validate(documents.get(f))));

        assertThat(parallel).isEqualTo(sequential);
        assertThat(sequential.values()).anyMatch(r -> !r.accepted()).anyMatch(CsafValidationReport::accepted);
    }
}
