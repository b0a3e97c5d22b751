package org.patchcare.advisories.application.csaf.validation;

import com.networknt.schema.Error;
import tools.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.patchcare.advisories.application.csaf.validation.Json.field;
import static org.patchcare.advisories.application.csaf.validation.Json.index;
import static org.patchcare.advisories.application.csaf.validation.Json.items;
import static org.patchcare.advisories.application.csaf.validation.Json.quote;
import static org.patchcare.advisories.application.csaf.validation.Json.text;

/** Mandatory tests on CVSS scores: 6.1.8 Invalid CVSS, 6.1.9 Invalid CVSS computation, 6.1.10 Inconsistent CVSS. */
final class CvssTests {

    private final CsafSchemas schemas;

    CvssTests(CsafSchemas schemas) {
        this.schemas = schemas;
    }

    void run(CsafDocument doc, Findings findings) {
        List<JsonNode> vulnerabilities = doc.vulnerabilities();
        for (int v = 0; v < vulnerabilities.size(); v++) {
            List<JsonNode> scores = items(vulnerabilities.get(v), "scores");
            for (int s = 0; s < scores.size(); s++) {
                String scorePath = index(field(CsafDocument.vulnerabilityPath(v), "scores"), s);
                JsonNode score = scores.get(s);
                check(score.get("cvss_v2"), "2.0", field(scorePath, "cvss_v2"), findings);
                JsonNode v3 = score.get("cvss_v3");
                if (v3 != null) {
                    check(v3, v3Version(v3), field(scorePath, "cvss_v3"), findings);
                }
            }
        }
    }

    /** The CVSS v3 version of an object: its "version", else the one its vector names, else "3.1". */
    private static String v3Version(JsonNode cvss) {
        String version = text(cvss, "version");
        if ("3.0".equals(version) || "3.1".equals(version)) {
            return version;
        }
        String vector = text(cvss, "vectorString");
        return vector != null && vector.startsWith("CVSS:3.0/") ? "3.0" : "3.1";
    }

    private void check(JsonNode cvss, String version, String path, Findings findings) {
        if (cvss == null) {
            return;
        }
        invalid(cvss, version, path, findings);
        Optional<CvssVector> vector = CvssVector.parse(version, text(cvss, "vectorString"));
        vector.ifPresent(parsed -> {
            computation(cvss, parsed, path, findings);
            consistency(cvss, parsed, path, findings);
        });
    }

    /** 6.1.8: the object must be valid against the FIRST schema of its version. */
    private void invalid(JsonNode cvss, String version, String path, Findings findings) {
        List<Error> errors = schemas.validateCvss(version, cvss);
        Set<String> reported = new LinkedHashSet<>();
        for (Error error : errors) {
            String errorPath = CsafSchemas.path(path, error.getInstanceLocation());
            String message = "The CVSS v" + version + " object does not match the FIRST CVSS v" + version
                    + " schema: " + SchemaMessages.describe(error) + ".";
            if (reported.add(errorPath + message)) {
                findings.error("6.1.8", errorPath, message);
            }
        }
    }

    /** 6.1.9: scores and severities must be the ones the vector gives. */
    private static void computation(JsonNode cvss, CvssVector vector, String path, Findings findings) {
        CvssVector.Scores scores = vector.scores();
        compareScore(cvss, "baseScore", scores.base(), path, findings);
        compareScore(cvss, "temporalScore", scores.temporal(), path, findings);
        compareScore(cvss, "environmentalScore", scores.environmental(), path, findings);
        if (!vector.version().equals("2.0")) {
            compareSeverity(cvss, "baseSeverity", scores.base(), path, findings);
            compareSeverity(cvss, "temporalSeverity", scores.temporal(), path, findings);
            compareSeverity(cvss, "environmentalSeverity", scores.environmental(), path, findings);
        }
    }

    private static void compareScore(JsonNode cvss, String property, double expected, String path,
            Findings findings) {
        JsonNode given = cvss.get(property);
        if (given == null || !given.isNumber()) {
            return;
        }
        if (given.decimalValue().compareTo(BigDecimal.valueOf(expected)) != 0) {
            findings.error("6.1.9", field(path, property), "The " + property + " is " + given.decimalValue()
                    .toPlainString() + " but the vector " + text(cvss, "vectorString") + " gives " + expected + ".");
        }
    }

    private static void compareSeverity(JsonNode cvss, String property, double score, String path,
            Findings findings) {
        String given = text(cvss, property);
        String expected = CvssVector.severity(score);
        if (given != null && !given.equals(expected)) {
            findings.error("6.1.9", field(path, property), "The " + property + " is " + given + " but the vector "
                    + text(cvss, "vectorString") + " gives a score of " + score + ", which is " + expected + ".");
        }
    }

    /**
     * 6.1.10: the metric properties must say what the vector says. A property for a metric the vector leaves out
     * does not contradict it (the OASIS test files use such properties to supply environmental metrics).
     */
    private static void consistency(JsonNode cvss, CvssVector vector, String path, Findings findings) {
        for (CvssVector.Metric metric : vector.metrics()) {
            String given = text(cvss, metric.property());
            if (given == null || !vector.defines(metric)) {
                continue;
            }
            String expected = vector.propertyValue(metric);
            if (!given.equals(expected)) {
                findings.error("6.1.10", field(path, metric.property()), "The " + metric.property() + " is "
                        + quote(given) + " but the vector " + text(cvss, "vectorString") + " says "
                        + quote(expected) + " (" + metric.abbreviation() + ").");
            }
        }
    }
}
