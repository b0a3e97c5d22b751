package org.patchcare.advisories.application.csaf;

import org.junit.jupiter.api.Test;
import org.patchcare.advisories.domain.matching.AdvisoryProduct;
import org.patchcare.testsupport.TestData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

class ProductTreeFlattenerTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final ProductTreeFlattener flattener = new ProductTreeFlattener();

    static JsonNode read(String relative) {
        return JSON.readTree(TestData.file(relative));
    }

    static List<Path> advisories(String folder) throws IOException {
        try (Stream<Path> files = Files.list(TestData.dir().resolve(folder))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
        }
    }

    private Map<String, AdvisoryProduct> byId(String relative) {
        return flattener.flatten(read(relative)).stream()
                .collect(Collectors.toMap(AdvisoryProduct::productId, Function.identity()));
    }

    /** Every product_id defined anywhere in the product tree, found by a plain walk of the JSON (not the flattener). */
    private static void definedIds(JsonNode node, Set<String> out) {
        if (node.isObject()) {
            if (node.path("product_id").isString()) {
                out.add(node.path("product_id").asString());
            }
            node.properties().forEach(e -> {
                if (!e.getKey().equals("product_groups")) {
                    definedIds(e.getValue(), out);
                }
            });
        } else if (node.isArray()) {
            node.forEach(n -> definedIds(n, out));
        }
    }

    @Test
    void yields_one_product_per_product_id_defined_in_every_real_advisory_and_oasis_example() throws IOException {
        int files = 0;
        int products = 0;
        for (String folder : List.of("csaf/icsma", "csaf/icsa", "csaf/oasis-valid/examples")) {
            for (Path file : advisories(folder)) {
                JsonNode doc = JSON.readTree(file);
                Set<String> expected = new HashSet<>();
                definedIds(doc.path("product_tree"), expected);
                List<AdvisoryProduct> flat = flattener.flatten(doc);
                assertThat(flat).as(file.getFileName().toString()).extracting(AdvisoryProduct::productId)
                        .doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(expected);
                files++;
                products += flat.size();
            }
        }
        assertThat(files).isEqualTo(107 + 21 + 6);
        assertThat(products).isGreaterThan(2000);
    }

    @Test
    void every_icsma_product_has_vendor_name_and_version_text() throws IOException {
        for (Path file : advisories("csaf/icsma")) {
            for (AdvisoryProduct p : flattener.flatten(JSON.readTree(file))) {
                assertThat(p.vendor()).as(file + " " + p.productId()).isNotBlank();
                assertThat(p.productName()).as(file + " " + p.productId()).isNotBlank();
                assertThat(p.versionText()).as(file + " " + p.productId()).isNotBlank();
                assertThat(p.hasIdentifiers()).as("README: no ICSMA product carries an identifier").isFalse();
            }
        }
    }

    @Test
    void keeps_vendor_name_and_version_strings_as_written() {
        Map<String, AdvisoryProduct> minimed = byId("csaf/icsma/icsma-22-263-01.json");
        assertThat(minimed.values()).anySatisfy(p -> {
            assertThat(p.vendor()).isEqualTo("Medtronic");
            assertThat(p.productName()).isEqualTo("MiniMed 630G");
            assertThat(p.versionText()).isEqualTo("MMT-1715 | MMT-1754 | MMT-1755");
            assertThat(p.versionIsRange()).isFalse();
        });
        Map<String, AdvisoryProduct> bd = byId("csaf/icsma/icsma-17-017-01.json");
        assertThat(bd.values()).singleElement().satisfies(p -> {
            assertThat(p.vendor()).isEqualTo("Becton, Dickinson and Company (BD)");
            assertThat(p.productName()).isEqualTo("Alaris 8000 PC unit");
            assertThat(p.versionText()).isEqualTo("vers:all/*");
            assertThat(p.versionIsRange()).as("CISA put vers:all/* in product_version").isFalse();
        });
        assertThat(byId("csaf/icsma/icsma-20-163-01.json").values())
                .anySatisfy(p -> {
                    assertThat(p.versionText()).isEqualTo("<= B.12");
                    assertThat(p.versionIsRange()).isTrue();
                });
    }

    @Test
    void a_relationship_takes_vendor_name_and_version_from_its_product_reference() {
        Map<String, AdvisoryProduct> mobotix = byId("csaf/icsa/icsa-24-235-03.json");
        AdvisoryProduct installed = mobotix.get("CSAFPID-0109");
        assertThat(installed.vendor()).isEqualTo("Mobotix");
        assertThat(installed.productName()).isEqualTo("P3 Firmware");
        assertThat(installed.versionText()).isEqualTo("MX-V4.0.1.15");
        assertThat(installed.relatesTo()).isEqualTo("CSAFPID-0001");
        assertThat(mobotix.get("CSAFPID-0001").productName()).as("family P3 + product name D24M").isEqualTo("P3 D24M");
        assertThat(mobotix.values().stream().filter(p -> p.relatesTo() != null)).hasSize(1283);
    }

    @Test
    void reads_model_numbers_cpes_and_serial_numbers_from_the_identification_helper() {
        assertThat(byId("csaf/icsa/icsa-23-320-08.json").get("1").modelNumbers()).containsExactly("6GK5205-3BB00-2AB2");
        assertThat(byId("csaf/oasis-valid/examples/bsi-2022-0001.json").get("CSAFPID-0001").cpes())
                .containsExactly("cpe:/a:csaf-tools:cvrf-csaf-converter:1.0.0-alpha");
        AdvisoryProduct a = byId("csaf/oasis-valid/with-warnings/optional/oasis_csaf_tc-csaf_2_0-2021-6-2-16-11.json")
                .get("CSAFPID-9080700");
        assertThat(a.vendor()).isNull();
        assertThat(a.productName()).isEqualTo("Product A");
        assertThat(a.serialNumbers()).containsExactly("98765?43210-BCD*");
    }

    @Test
    void a_document_without_product_tree_yields_nothing() {
        assertThat(flattener.flatten(JSON.readTree("{\"document\":{}}"))).isEmpty();
    }
}
