package org.patchcare.advisories.application.vex;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import org.patchcare.testsupport.TestData;
import tools.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;

/**
 * The OASIS CSAF 2.0 JSON schema from the shared test data, its FIRST CVSS $refs mapped to the local copies so that
 * nothing is fetched from the network; format assertions on (date-time, uri).
 */
final class CsafSchemaCheck {

    private static final String CSAF = "https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json";
    private static Schema schema;

    static synchronized List<String> errors(JsonNode document) {
        if (schema == null) {
            Map<String, String> schemas = Map.of(
                    CSAF, read("csaf_json_schema.json"),
                    "https://www.first.org/cvss/cvss-v2.0.json", read("cvss-v2.0.json"),
                    "https://www.first.org/cvss/cvss-v3.0.json", read("cvss-v3.0.json"),
                    "https://www.first.org/cvss/cvss-v3.1.json", read("cvss-v3.1.json"));
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                    builder -> builder.schemas(schemas)
                            .schemaLoader(loader -> loader.fetchRemoteResources(false))
                            .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true)
                                    .build()));
            schema = registry.getSchema(SchemaLocation.of(CSAF));
            schema.initializeValidators();
        }
        return schema.validate(document).stream().map(Error::toString).toList();
    }

    private static String read(String name) {
        try {
            return Files.readString(TestData.file("misc/csaf-schema/" + name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CsafSchemaCheck() {
    }
}
