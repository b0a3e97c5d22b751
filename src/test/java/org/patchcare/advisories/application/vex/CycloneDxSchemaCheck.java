package org.patchcare.advisories.application.vex;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import org.cyclonedx.Version;
import org.cyclonedx.parsers.JsonParser;
import tools.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The CycloneDX JSON schemas bundled in cyclonedx-core-java (bom-1.5/1.6, spdx, jsf), validated with the project's
 * json-schema-validator 3 instead of {@link JsonParser#validate}: the library's own validation calls the
 * json-schema-validator 2 API, which the pom replaces with version 3 (same package), so on this class path it fails
 * with NoSuchMethodError. Draft-07 as the schemas declare; nothing is fetched from the network.
 */
final class CycloneDxSchemaCheck {

    private static final String BASE = "http://cyclonedx.org/schema/";
    private static final Map<Version, Schema> SCHEMAS = new EnumMap<>(Version.class);

    static synchronized List<String> errors(String json, Version version) {
        Schema schema = SCHEMAS.computeIfAbsent(version, v -> {
            String bom = "bom-" + v.getVersionString() + ".schema.json";
            Map<String, String> schemas = Map.of(BASE + bom, resource(bom),
                    BASE + "spdx.schema.json", resource("spdx.schema.json"),
                    BASE + "jsf-0.82.schema.json", resource("jsf-0.82.schema.json"));
            SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_7,
                    builder -> builder.schemas(schemas)
                            .schemaLoader(loader -> loader.fetchRemoteResources(false))
                            .schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(true)
                                    .build()));
            Schema loaded = registry.getSchema(SchemaLocation.of(BASE + bom));
            loaded.initializeValidators();
            return loaded;
        });
        return schema.validate(new ObjectMapper().readTree(json)).stream().map(Error::toString).toList();
    }

    /** A schema file as bundled in the cyclonedx-core-java jar. */
    private static String resource(String name) {
        try (InputStream in = JsonParser.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("cyclonedx-core-java bundles no " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private CycloneDxSchemaCheck() {
    }
}
