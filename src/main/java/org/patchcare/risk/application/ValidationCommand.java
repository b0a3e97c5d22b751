package org.patchcare.risk.application;

import org.patchcare.risk.domain.ValidationOutcome;
import org.patchcare.risk.domain.ValidationMethod;

import java.time.LocalDate;

/**
 * A validation result to record for one exposure: what the test found, how, with which tool, when, the evidence, and
 * for BLOCKED_BY_CONTROL the public id of the control that blocked it (optional otherwise).
 */
public record ValidationCommand(ValidationOutcome outcome, ValidationMethod method, String tool, LocalDate testedOn,
                                String evidence, String controlId) {
}
