package org.patchcare.advisories.application.csaf;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.patchcare.advisories.domain.Advisory;
import org.patchcare.advisories.domain.Vulnerability;
import org.patchcare.testsupport.TestData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What PatchCare keeps of each real CISA medical advisory, checked against csaf/icsma-index.csv (derived from the files
 * by the test-data maintainers, not by this code): product and vulnerability counts, CVEs, remediation categories and
 * the highest CVSS v3 score, which PatchCare re-computes from the vector.
 */
class CsafContentReaderTest {

    static List<CSVRecord> index() throws IOException {
        try (Reader r = Files.newBufferedReader(TestData.file("csaf/icsma-index.csv"))) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get().parse(r).getRecords();
        }
    }

    private static JsonNode load(String relative) throws IOException {
        return CsafJson.parse(Files.readAllBytes(TestData.file(relative)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("index")
    void every_icsma_advisory_is_read_as_the_index_describes_it(CSVRecord row) throws IOException {
        Advisory.Content c = new CsafContentReader().read(load("csaf/icsma/" + row.get("file")), List.of());

        assertThat(c.trackingVersion()).isEqualTo(row.get("tracking_version"));
        assertThat(c.products()).hasSize(Integer.parseInt(row.get("n_products")));
        assertThat(c.vulnerabilities()).hasSize(Integer.parseInt(row.get("n_vulns")));
        Set<String> cves = c.vulnerabilities().stream().map(Vulnerability.Content::cve).filter(Objects::nonNull)
                .collect(Collectors.toCollection(TreeSet::new));
        assertThat(cves).isEqualTo(split(row.get("cves")));
        Set<String> categories = c.vulnerabilities().stream().flatMap(v -> v.remediations().stream())
                .map(r -> r.category()).collect(Collectors.toCollection(TreeSet::new));
        assertThat(categories).isEqualTo(split(row.get("remediation_categories")));
        BigDecimal max = c.vulnerabilities().stream().map(Vulnerability.Content::cvss3Score).filter(Objects::nonNull)
                .max(BigDecimal::compareTo).orElse(null);
        if (!row.get("max_cvss_v3").isBlank()) {
            assertThat(max).as("max CVSS v3 computed from the vectors").isEqualByComparingTo(row.get("max_cvss_v3"));
        }
        assertThat(c.vulnerabilities()).allSatisfy(v -> {
            assertThat(v.cweId()).startsWith("CWE-");
            assertThat(v.productStatus()).isNotEmpty();
        });
    }

    private static Set<String> split(String s) {
        return Arrays.stream(s.split("[;| ]")).map(String::strip).filter(x -> !x.isEmpty())
                .collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void the_score_comes_from_the_vector_not_from_the_number_the_document_states() throws IOException {
        ObjectNode doc = (ObjectNode) load("csaf/icsma/icsma-17-017-01.json");
        ObjectNode cvss = (ObjectNode) doc.get("vulnerabilities").get(0).get("scores").get(0).get("cvss_v3");
        String vector = cvss.get("vectorString").asString();
        cvss.put("baseScore", 10.0);
        Vulnerability.Content v = new CsafContentReader().read(doc, List.of()).vulnerabilities().getFirst();
        assertThat(v.cvss3Vector()).isEqualTo(vector);
        assertThat(v.cvss3Score()).isEqualByComparingTo("4.9");
        assertThat(v.cvss3Severity()).isEqualTo("MEDIUM");
    }

    @Test
    void reformatting_a_document_keeps_its_content_hash_and_changing_a_value_changes_it() throws IOException {
        byte[] raw = Files.readAllBytes(TestData.file("csaf/icsma/icsma-17-017-01.json"));
        JsonNode original = CsafJson.parse(raw);
        String compact = CsafJson.mapper().writeValueAsString(original);
        assertThat(compact.length()).isLessThan(raw.length);
        assertThat(CsafJson.contentHash(CsafJson.parse(compact.getBytes()))).isEqualTo(CsafJson.contentHash(original));

        ObjectNode changed = (ObjectNode) original.deepCopy();
        ((ObjectNode) changed.get("document")).put("title", "something else");
        assertThat(CsafJson.contentHash(changed)).isNotEqualTo(CsafJson.contentHash(original));
    }

    @Test
    void the_five_republications_of_icsma_20_049_02_under_version_1_have_five_different_hashes() throws IOException {
        try (var files = Files.list(TestData.dir().resolve("misc/csaf-icsma-revisions"))) {
            List<String> hashes = files.filter(f -> f.getFileName().toString().startsWith("icsma-20-049-02@"))
                    .sorted().map(f -> {
                        try {
                            return CsafJson.contentHash(CsafJson.parse(Files.readAllBytes(f)));
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    }).toList();
            assertThat(hashes).hasSize(6).doesNotHaveDuplicates();
        }
    }
}
