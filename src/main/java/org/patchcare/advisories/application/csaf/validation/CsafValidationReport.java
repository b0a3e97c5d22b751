package org.patchcare.advisories.application.csaf.validation;

import java.util.List;

/**
 * The outcome of {@link CsafValidator#validate}: errors reject the document, warnings are shown with it.
 *
 * @param errors   schema failures, failed mandatory tests and an unsupported CSAF version, in document order per test
 * @param warnings failed optional and informative tests, and CISA's {@code vers:} strings in product versions
 */
public record CsafValidationReport(List<CsafFinding> errors, List<CsafFinding> warnings) {

    public CsafValidationReport {
        errors = List.copyOf(errors);
        warnings = List.copyOf(warnings);
    }

    /** True when the document may be imported: no errors (warnings do not count). */
    public boolean accepted() {
        return errors.isEmpty();
    }

    /** The errors of one test, e.g. {@code errorsOf("6.1.1")}. */
    public List<CsafFinding> errorsOf(String testId) {
        return errors.stream().filter(f -> f.testId().equals(testId)).toList();
    }

    /** The warnings of one test, e.g. {@code warningsOf("6.1.31")}. */
    public List<CsafFinding> warningsOf(String testId) {
        return warnings.stream().filter(f -> f.testId().equals(testId)).toList();
    }
}
