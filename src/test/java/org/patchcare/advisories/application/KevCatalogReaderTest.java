package org.patchcare.advisories.application;

import org.junit.jupiter.api.Test;
import org.patchcare.testsupport.TestData;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KevCatalogReaderTest {

    private static KevCatalog read(String relative) throws Exception {
        try (InputStream in = Files.newInputStream(TestData.file(relative))) {
            return new KevCatalogReader().read(in);
        }
    }

    private static KevCatalog readText(String json) throws Exception {
        return new KevCatalogReader().read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void reads_every_entry_of_cisas_real_catalogue() throws Exception {
        KevCatalog c = read("kev/known_exploited_vulnerabilities.json");
        assertThat(c.version()).isEqualTo("2025.08.25");
        assertThat(c.released()).isEqualTo("2025-08-25T17:04:19.979600Z");
        assertThat(c.entries()).hasSize(1404);
        KevCatalog.Entry blueKeep = c.entries().stream().filter(e -> e.cveId().equals("CVE-2019-0708")).findFirst().orElseThrow();
        assertThat(blueKeep.vendorProject()).isEqualTo("Microsoft");
        assertThat(blueKeep.dateAdded()).isEqualTo(LocalDate.of(2021, 11, 3));
        assertThat(c.entries()).filteredOn(KevCatalog.Entry::ransomwareKnown).isNotEmpty();
        assertThat(c.entries()).filteredOn(e -> !e.ransomwareKnown()).isNotEmpty();
    }

    @Test
    void reads_the_older_catalogue_too() throws Exception {
        KevCatalog c = read("kev/history/known_exploited_vulnerabilities-2025-06-10.json");
        assertThat(c.version()).isEqualTo("2025.06.10");
        assertThat(c.entries()).hasSize(1364);
        assertThat(c.released()).isBefore(read("kev/known_exploited_vulnerabilities.json").released());
    }

    @Test
    void the_csv_form_is_refused_with_a_hint_to_upload_the_json() throws Exception {
        try (InputStream in = Files.newInputStream(TestData.file("kev/known_exploited_vulnerabilities.csv"))) {
            assertThatThrownBy(() -> new KevCatalogReader().read(in))
                    .isInstanceOfSatisfying(KevCatalogReader.InvalidCatalogException.class, e ->
                            assertThat(e.problems()).singleElement().satisfies(p ->
                                    assertThat(p.message()).contains("not valid JSON").contains("CSV form is not accepted")));
        }
    }

    @Test
    void every_bad_entry_is_named_by_its_json_path() {
        String json = """
                {"catalogVersion": "2099.01.01", "dateReleased": "2099-01-01T00:00:00Z", "vulnerabilities": [
                  {"cveID": "CVE-2021-44228", "vendorProject": "Apache", "product": "Log4j2", "vulnerabilityName": "Log4Shell",
                   "dateAdded": "2021-12-10", "dueDate": "2021-12-24", "knownRansomwareCampaignUse": "Known"},
                  {"cveID": "LOG4SHELL", "vendorProject": "Apache", "product": "Log4j2", "vulnerabilityName": "x",
                   "dateAdded": "10.12.2021", "knownRansomwareCampaignUse": "Maybe"},
                  {"cveID": "CVE-2021-44228", "vendorProject": "Apache", "product": "Log4j2", "vulnerabilityName": "x",
                   "dateAdded": "2021-12-10"},
                  {"cveID": "CVE-2020-0001", "product": "x", "vulnerabilityName": "x", "dateAdded": "2020-01-01"}
                ]}""";
        assertThatThrownBy(() -> readText(json)).isInstanceOfSatisfying(KevCatalogReader.InvalidCatalogException.class,
                e -> assertThat(e.problems()).extracting(FeedProblem::where).containsExactly(
                        "$.vulnerabilities[1].cveID",
                        "$.vulnerabilities[1].dateAdded",
                        "$.vulnerabilities[1].knownRansomwareCampaignUse",
                        "$.vulnerabilities[2].cveID",
                        "$.vulnerabilities[3].vendorProject"));
    }

    @Test
    void a_document_that_is_not_a_catalogue_is_refused() {
        assertThatThrownBy(() -> readText("{\"document\": {\"category\": \"csaf_security_advisory\"}}"))
                .isInstanceOfSatisfying(KevCatalogReader.InvalidCatalogException.class, e ->
                        assertThat(e.problems()).extracting(FeedProblem::where)
                                .containsExactly("$.catalogVersion", "$.dateReleased", "$.vulnerabilities"));
        assertThatThrownBy(() -> readText("[1, 2]")).isInstanceOf(KevCatalogReader.InvalidCatalogException.class)
                .hasMessageContaining("not the catalogue object");
    }

    @Test
    void bytes_that_are_not_utf8_are_refused() {
        byte[] latin1 = "{\"catalogVersion\": \"Caf\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> new KevCatalogReader().read(new ByteArrayInputStream(latin1)))
                .isInstanceOf(KevCatalogReader.InvalidCatalogException.class).hasMessageContaining("UTF-8");
    }

    @Test
    void a_file_above_the_size_limit_is_refused_as_too_large_not_as_bad_json() {
        long size = KevCatalogReader.MAX_BYTES + 1024;
        InputStream whitespace = new InputStream() { // a JSON parser skips blanks: only the limit can stop it early
            private long left = size;

            @Override
            public int read() {
                return left-- > 0 ? ' ' : -1;
            }
        };
        assertThatThrownBy(() -> new KevCatalogReader().read(whitespace))
                .isInstanceOf(org.patchcare.shared.domain.PayloadTooLargeException.class)
                .hasMessageContaining("larger than 20 MB");
    }
}
