package org.patchcare.advisories.application.csaf.validation;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import com.networknt.schema.path.PathType;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The OASIS CSAF 2.0 JSON schema and the FIRST CVSS v2.0, v3.0 and v3.1 schemas it references, read from
 * {@code classpath:csaf/schema/} and registered under their public IRIs, so that no {@code $ref} is ever fetched from
 * the network. Two registries: the schema as published, and a strict copy (every object closed with
 * {@code additionalProperties: false}, the strict CVSS schemas) for optional test 6.2.20. Thread-safe once built.
 */
final class CsafSchemas {

    static final String CSAF_IRI = "https://docs.oasis-open.org/csaf/csaf/v2.0/csaf_json_schema.json";
    static final String CVSS_V2_IRI = "https://www.first.org/cvss/cvss-v2.0.json";
    static final String CVSS_V30_IRI = "https://www.first.org/cvss/cvss-v3.0.json";
    static final String CVSS_V31_IRI = "https://www.first.org/cvss/cvss-v3.1.json";
    private static final String RESOURCES = "/csaf/schema/";

    private final Schema csaf;
    private final Schema strictCsaf;
    private final Map<String, Schema> cvss = new HashMap<>();

    CsafSchemas() {
        ObjectMapper mapper = new ObjectMapper();
        String csafText = resource("csaf_json_schema.json");
        Map<String, String> published = Map.of(
                CSAF_IRI, csafText,
                CVSS_V2_IRI, resource("cvss-v2.0.json"),
                CVSS_V30_IRI, resource("cvss-v3.0.json"),
                CVSS_V31_IRI, resource("cvss-v3.1.json"));
        Map<String, String> strict = Map.of(
                CSAF_IRI, mapper.writeValueAsString(closeObjects(mapper.readTree(csafText))),
                CVSS_V2_IRI, resource("cvss-v2.0_strict.json"),
                CVSS_V30_IRI, resource("cvss-v3.0_strict.json"),
                CVSS_V31_IRI, resource("cvss-v3.1_strict.json"));
        SchemaRegistry registry = registry(published);
        csaf = load(registry, CSAF_IRI);
        cvss.put("2.0", load(registry, CVSS_V2_IRI));
        cvss.put("3.0", load(registry, CVSS_V30_IRI));
        cvss.put("3.1", load(registry, CVSS_V31_IRI));
        strictCsaf = load(registry(strict), CSAF_IRI);
    }

    /** Failures against the published CSAF 2.0 schema. */
    List<Error> validate(JsonNode document) {
        return csaf.validate(document);
    }

    /** Failures against the strict copy; test 6.2.20 keeps only the {@code additionalProperties} ones. */
    List<Error> validateStrict(JsonNode document) {
        return strictCsaf.validate(document);
    }

    /** Failures of one CVSS object against the FIRST schema of its version ("2.0", "3.0" or "3.1"). */
    List<Error> validateCvss(String version, JsonNode cvssObject) {
        Schema schema = cvss.get(version);
        if (schema == null) {
            throw new IllegalArgumentException("No CVSS schema for version " + version);
        }
        return schema.validate(cvssObject);
    }

    /** The path of a schema error in PatchCare's notation, below {@code basePath}. */
    static String path(String basePath, NodePath location) {
        String path = basePath;
        for (int i = 0; i < location.getNameCount(); i++) {
            Object element = location.getElement(i);
            path = element instanceof Integer index ? Json.index(path, index) : Json.field(path, element.toString());
        }
        return path;
    }

    static SchemaRegistry registry(Map<String, String> schemas) {
        SchemaRegistryConfig config = SchemaRegistryConfig.builder()
                .pathType(PathType.JSON_PATH)
                .formatAssertionsEnabled(true)
                .build();
        return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12, builder -> builder
                .schemas(schemas)
                .schemaLoader(loader -> loader.fetchRemoteResources(false))
                .schemaRegistryConfig(config));
    }

    private static Schema load(SchemaRegistry registry, String iri) {
        Schema schema = registry.getSchema(SchemaLocation.of(iri));
        schema.initializeValidators();
        return schema;
    }

    /** Sets {@code additionalProperties: false} on every schema object that declares {@code properties}. */
    private static JsonNode closeObjects(JsonNode node) {
        if (node.isObject()) {
            ObjectNode object = (ObjectNode) node;
            if (object.has("properties") && !object.has("additionalProperties")) {
                object.put("additionalProperties", false);
            }
            for (Iterator<JsonNode> it = object.values().iterator(); it.hasNext(); ) {
                closeObjects(it.next());
            }
        } else if (node.isArray()) {
            for (JsonNode child : node.values()) {
                closeObjects(child);
            }
        }
        return node;
    }

    private static String resource(String name) {
        try (InputStream in = CsafSchemas.class.getResourceAsStream(RESOURCES + name)) {
            if (in == null) {
                throw new IllegalStateException("Missing schema resource " + RESOURCES + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read schema resource " + RESOURCES + name, e);
        }
    }
}
