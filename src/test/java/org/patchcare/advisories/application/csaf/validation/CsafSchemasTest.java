package org.patchcare.advisories.application.csaf.validation;

import com.networknt.schema.InputFormat;
import com.networknt.schema.SchemaException;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.resource.IriResourceLoader;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The schemas come from the classpath; the registry has no way to reach the network. */
class CsafSchemasTest {

    @Test
    void the_schema_registry_has_no_loader_that_reads_from_the_network() {
        SchemaRegistry registry = CsafSchemas.registry(Map.of("https://example.org/local.json", "{}"));

        assertThat(registry.getSchemaLoader().getResourceLoaders()).isNotEmpty()
                .noneMatch(IriResourceLoader.class::isInstance);
        assertThatThrownBy(() -> registry.getSchema("{\"$ref\": \"https://www.first.org/cvss/cvss-v4.0.json\"}")
                .validate("{}", InputFormat.JSON)).isInstanceOf(SchemaException.class);
    }

    @Test
    void resolves_the_cvss_references_of_the_csaf_schema_to_the_local_copies() {
        CsafSchemas schemas = new CsafSchemas();
        var document = CsafTestFiles.read("csaf/oasis-valid/examples/bsi-2022-0001.json");

        assertThat(schemas.validate(document)).isEmpty();
        for (String version : new String[] {"2.0", "3.0", "3.1"}) {
            assertThat(schemas.validateCvss(version, CsafTestFiles.JSON.readTree("{}")))
                    .as("CVSS %s requires its properties", version).isNotEmpty();
        }
    }
}
