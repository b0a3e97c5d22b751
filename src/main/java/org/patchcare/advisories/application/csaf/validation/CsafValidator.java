package org.patchcare.advisories.application.csaf.validation;

import com.networknt.schema.Error;
import tools.jackson.databind.JsonNode;

import java.util.HashSet;
import java.util.Set;

/**
 * Validates CSAF 2.0 documents for import: the version, the OASIS JSON schema, the mandatory tests 6.1.1 to 6.1.33
 * (errors) and the optional and informative tests that can run offline (warnings). One deliberate leniency: a
 * {@code product_version} written as a {@code vers:} range (as CISA does) is a warning of test 6.1.31, not an error.
 *
 * <p>Build once (the schemas, the CWE catalogue and the language registry are loaded in the constructor) and reuse:
 * an instance is immutable and thread-safe. Nothing is fetched from the network.
 */
public final class CsafValidator {

    static final String SUPPORTED_VERSION = "2.0";

    private final CsafSchemas schemas;
    private final ProductTreeTests productTree;
    private final VulnerabilityTests vulnerabilities;
    private final CvssTests cvss;
    private final DocumentTests document;
    private final ProfileTests profiles;
    private final OptionalTests optional;
    private final InformativeTests informative;

    public CsafValidator() {
        schemas = new CsafSchemas();
        LanguageTags languages = new LanguageTags();
        productTree = new ProductTreeTests();
        vulnerabilities = new VulnerabilityTests(new CweCatalog());
        cvss = new CvssTests(schemas);
        document = new DocumentTests(languages);
        profiles = new ProfileTests();
        optional = new OptionalTests(schemas, languages);
        informative = new InformativeTests();
    }

    /** Validates one parsed document; never throws for a malformed document, it reports it. */
    public CsafValidationReport validate(JsonNode document) {
        Findings findings = new Findings();
        JsonNode version = document != null && document.isObject()
                ? document.path("document").path("csaf_version") : null;
        if (version == null || !version.isString() || !SUPPORTED_VERSION.equals(version.stringValue())) {
            findings.error("csaf_version", "$.document.csaf_version", unsupportedVersion(version));
            return findings.report();
        }
        schema(document, findings);
        CsafDocument doc = new CsafDocument(document);
        productTree.run(doc, findings);
        vulnerabilities.run(doc, findings);
        cvss.run(doc, findings);
        this.document.run(doc, findings);
        profiles.run(doc, findings);
        optional.run(doc, findings);
        informative.run(doc, findings);
        return findings.report();
    }

    private static String unsupportedVersion(JsonNode version) {
        if (version == null || version.isMissingNode() || version.isNull()) {
            return "The document does not declare a CSAF version (document.csaf_version): PatchCare reads CSAF 2.0"
                    + " documents.";
        }
        if (!version.isString()) {
            return "The CSAF version must be the text \"2.0\" but document.csaf_version is " + version
                    + ": PatchCare reads CSAF 2.0 documents.";
        }
        return "Unsupported CSAF version " + Json.quote(version.stringValue()) + ": PatchCare reads CSAF 2.0"
                + " documents.";
    }

    private void schema(JsonNode document, Findings findings) {
        Set<String> reported = new HashSet<>();
        for (Error error : schemas.validate(document)) {
            String path = CsafSchemas.path(Json.ROOT, error.getInstanceLocation());
            String message = "The document does not match the CSAF 2.0 schema here: " + SchemaMessages.describe(error)
                    + ".";
            if (reported.add(path + "\u0000" + message)) {
                findings.error("schema", path, message);
            }
        }
    }
}
