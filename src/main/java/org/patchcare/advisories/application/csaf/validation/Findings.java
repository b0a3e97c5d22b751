package org.patchcare.advisories.application.csaf.validation;

import java.util.ArrayList;
import java.util.List;

/** Collects the findings of one validation run; not shared between runs. */
final class Findings {

    private final List<CsafFinding> errors = new ArrayList<>();
    private final List<CsafFinding> warnings = new ArrayList<>();

    void error(String testId, String jsonPath, String message) {
        errors.add(new CsafFinding(FindingLevel.ERROR, testId, jsonPath, message));
    }

    void warning(String testId, String jsonPath, String message) {
        warnings.add(new CsafFinding(FindingLevel.WARNING, testId, jsonPath, message));
    }

    CsafValidationReport report() {
        return new CsafValidationReport(errors, warnings);
    }
}
