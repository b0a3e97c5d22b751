package org.patchcare.risk.domain;

import static org.patchcare.shared.domain.Texts.within;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.patchcare.shared.domain.BaseEntity;
import org.patchcare.shared.domain.InvalidInputException;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * What a breach-and-attack simulation, a penetration test or a manual check found for one exposure. Recorded once and
 * never changed; a newer result replaces it in the decision. Only fresh evidence counts (see {@link #isFresh}).
 */
@Entity
@Table(name = "validation_result")
public class ValidationResult extends BaseEntity {

    public static final int TOOL_MAX = 200;
    public static final int EVIDENCE_MAX = 4000;

    @Column(name = "public_id", nullable = false, updatable = false, length = 36)
    private String publicId = UUID.randomUUID().toString();
    @Column(name = "exposure_id", nullable = false, updatable = false)
    private long exposureId;
    @Enumerated(EnumType.STRING)
    @Column(name = "result", nullable = false, updatable = false, length = 30)
    private ValidationOutcome outcome;
    @Column(name = "control_id", updatable = false)
    private Long controlId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false, length = 30)
    private ValidationMethod method;
    @Column(nullable = false, updatable = false, length = TOOL_MAX)
    private String tool;
    @Column(name = "tested_on", nullable = false, updatable = false)
    private LocalDate testedOn;
    @Column(nullable = false, updatable = false, length = EVIDENCE_MAX)
    private String evidence;

    protected ValidationResult() {
    }

    /**
     * A result as tested: the test date is not in the future, the evidence (what was run, what it showed) is required,
     * and "blocked by control" names the control that blocked it.
     */
    public ValidationResult(long exposureId, ValidationOutcome outcome, ValidationMethod method, String tool,
                            LocalDate testedOn, String evidence, Long controlId, LocalDate today) {
        List<InvalidInputException.Violation> v = new ArrayList<>();
        if (outcome == null) {
            v.add(new InvalidInputException.Violation("outcome", "Say what the test found: exploitable, blocked by a "
                    + "control, or not reachable."));
        }
        if (method == null) {
            v.add(new InvalidInputException.Violation("method", "Say how it was tested."));
        }
        if (tool == null || tool.isBlank()) {
            v.add(new InvalidInputException.Violation("tool", "Name the tool or the tester, e.g. \"SafeBreach\" or \"manual nmap scan\"."));
        }
        if (testedOn == null) {
            v.add(new InvalidInputException.Violation("testedOn", "Say when it was tested."));
        } else if (testedOn.isAfter(today)) {
            v.add(new InvalidInputException.Violation("testedOn", "The test date cannot lie in the future."));
        }
        if (evidence == null || evidence.isBlank()) {
            v.add(new InvalidInputException.Violation("evidence", "Describe the evidence: what was run against the "
                    + "device and what it showed (or where the report is)."));
        }
        if (outcome == ValidationOutcome.BLOCKED_BY_CONTROL && controlId == null) {
            v.add(new InvalidInputException.Violation("controlId", "Name the compensating control that blocked the attack."));
        }
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
        this.exposureId = exposureId;
        this.outcome = outcome;
        this.method = method;
        this.tool = within("tool", tool.strip(), TOOL_MAX);
        this.testedOn = testedOn;
        this.evidence = within("evidence", evidence.strip(), EVIDENCE_MAX);
        this.controlId = controlId;
    }

    /** Evidence counts for {@code freshDays} days after the test (the same rule the evaluator applies). */
    public static boolean isFresh(LocalDate testedOn, int freshDays, LocalDate today) {
        return !testedOn.plusDays(freshDays).isBefore(today);
    }

    /** Whether this result shows the exposure cannot be exploited here (not reachable, or blocked by a control). */
    public static boolean showsNotExploitable(ValidationOutcome outcome) {
        return outcome == ValidationOutcome.NOT_REACHABLE || outcome == ValidationOutcome.BLOCKED_BY_CONTROL;
    }

    public String getPublicId() { return publicId; }
    public long getExposureId() { return exposureId; }
    public ValidationOutcome getOutcome() { return outcome; }
    public Long getControlId() { return controlId; }
    public ValidationMethod getMethod() { return method; }
    public String getTool() { return tool; }
    public LocalDate getTestedOn() { return testedOn; }
    public String getEvidence() { return evidence; }
}
