package org.patchcare.advisories.application.csaf.validation;

import java.util.Objects;

/**
 * One result of validating a CSAF document.
 *
 * @param level    whether the finding rejects the document
 * @param testId   "schema" for a JSON-schema failure, "csaf_version" for an unsupported version, otherwise the number
 *                 of the CSAF 2.0 test (section 6): "6.1.1" to "6.1.33" (with "6.1.27.1" to "6.1.27.11"), "6.2.x" or
 *                 "6.3.x"
 * @param jsonPath where in the document, e.g. {@code $.product_tree.branches[0].product.product_id}
 * @param message  what is wrong, in words an IT person can act on
 */
public record CsafFinding(FindingLevel level, String testId, String jsonPath, String message) {

    public CsafFinding {
        Objects.requireNonNull(level, "level");
        Objects.requireNonNull(testId, "testId");
        Objects.requireNonNull(jsonPath, "jsonPath");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return level + " " + testId + " at " + jsonPath + ": " + message;
    }
}
