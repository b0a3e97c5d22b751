package org.patchcare.risk.application;

import static org.patchcare.shared.domain.Texts.cut;
import static org.patchcare.shared.persistence.Rows.date;
import static org.patchcare.shared.persistence.Rows.instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.patchcare.advisories.application.ExposureService;
import org.patchcare.advisories.application.ExposureViews.ExposureView;
import org.patchcare.audit.application.AuditService;
import org.patchcare.audit.application.Snapshot;
import org.patchcare.risk.application.MitigationViews.ValidationView;
import org.patchcare.risk.application.RiskLookup.ExposureRef;
import org.patchcare.risk.domain.CompensatingControl;
import org.patchcare.risk.domain.ControlType;
import org.patchcare.risk.domain.ValidationMethod;
import org.patchcare.risk.domain.ValidationOutcome;
import org.patchcare.risk.domain.ValidationResult;
import org.patchcare.shared.domain.DomainException;
import org.patchcare.shared.domain.InvalidInputException;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.security.CurrentUser;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Validation evidence: breach-and-attack simulations, penetration tests and manual checks of one exposure, recorded by
 * IT security and read by everyone logged in. A new result is decided on at once; only fresh evidence counts
 * ({@code PATCHCARE_RISK_EVIDENCE_FRESH_DAYS}). Fresh evidence that the exposure cannot be exploited here lets IT
 * security mark it not affected, with a reason that names the control and the test, so VEX exports carry both.
 */
@Stateless
@RolesAllowed({Roles.BIOMED_TECH, Roles.CLINICAL_MANAGER, Roles.IT_SECURITY, Roles.ADMIN})
public class ValidationService {

    static final String AUDIT_TYPE = "ValidationResult";
    static final String JUSTIFICATION = "INLINE_MITIGATIONS_ALREADY_EXIST";

    @PersistenceContext
    EntityManager em;
    @Inject
    DecisionEngine engine;
    @Inject
    RiskLookup lookup;
    @Inject
    RiskSettings settings;
    @Inject
    ExposureService exposures;
    @Inject
    AuditService audit;
    @Inject
    CurrentUser currentUser;
    @Inject
    Clock clock;

    /** The results of one exposure, newest test first, each flagged stale or current (the one the decision uses). */
    public List<ValidationView> forExposure(String exposureId) {
        ExposureRef e = lookup.exposure(exposureId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT r.public_id, r.result, r.method, r.tool, r.tested_on, "
                        + "r.evidence, c.public_id, c.control_type, c.title, c.reference, r.created_at, r.created_by "
                        + "FROM validation_result r LEFT JOIN compensating_control c ON c.id = r.control_id "
                        + "WHERE r.exposure_id = ?1 ORDER BY r.tested_on DESC, r.created_at DESC, r.id DESC")
                .setParameter(1, e.id()).getResultList();
        LocalDate today = today();
        int fresh = settings.policy().evidenceFreshDays();
        List<ValidationView> out = new ArrayList<>();
        boolean currentFound = false;
        for (Object[] r : rows) {
            ValidationOutcome outcome = ValidationOutcome.valueOf((String) r[1]);
            ValidationMethod method = ValidationMethod.valueOf((String) r[2]);
            LocalDate tested = date(r[4]);
            boolean stale = !ValidationResult.isFresh(tested, fresh, today);
            boolean current = !stale && !currentFound;
            currentFound |= current;
            out.add(new ValidationView((String) r[0], e.publicId(), outcome.name(), outcome.label(), method.name(),
                    method.label(), (String) r[3], tested, (String) r[5], (String) r[6],
                    r[6] == null ? null : CompensatingControl.describe(ControlType.valueOf((String) r[7]),
                            (String) r[8], (String) r[9]), stale, current, instant(r[10]), (String) r[11]));
        }
        return out;
    }

    /**
     * Records a result. The test date is not in the future and the evidence is required; a control, required for
     * BLOCKED_BY_CONTROL, must cover the exposure's device. The exposure is decided again at once.
     */
    @RolesAllowed(Roles.IT_SECURITY)
    public ValidationView record(String exposureId, ValidationCommand cmd) {
        if (cmd == null) {
            throw new InvalidInputException("validation", "Send the validation result's fields.");
        }
        ExposureRef e = lookup.exposure(exposureId);
        CompensatingControl control = null;
        if (cmd.controlId() != null && !cmd.controlId().isBlank()) {
            control = em.createQuery("select c from CompensatingControl c where c.publicId = :id", CompensatingControl.class)
                    .setParameter("id", cmd.controlId().strip()).getResultStream().findFirst()
                    .orElseThrow(() -> new InvalidInputException("controlId", "No control has the id '" + cmd.controlId() + "'."));
            if (!control.covers(e.device())) {
                throw new InvalidInputException("controlId", control.label() + " does not cover device "
                        + e.device().assetTag() + ".");
            }
        }
        ValidationResult v = new ValidationResult(e.id(), cmd.outcome(), cmd.method(), cmd.tool(), cmd.testedOn(),
                cmd.evidence(), control == null ? null : control.getId(), today());
        v.touch(currentUser.username(), clock.instant());
        em.persist(v);
        audit.created(AUDIT_TYPE, v.getPublicId(), Snapshot.empty().with("exposure", e.publicId())
                .with("outcome", v.getOutcome()).with("method", v.getMethod()).with("tool", v.getTool())
                .with("testedOn", v.getTestedOn()).with("control", control == null ? null : control.getPublicId()));
        engine.evaluate(Map.of(e.id(), "validation recorded: " + v.getOutcome().label().toLowerCase(Locale.ROOT)
                + " (" + v.getMethod().label() + ", " + v.getTestedOn() + ")"));
        return forExposure(e.publicId()).stream().filter(x -> x.id().equals(v.getPublicId())).findFirst().orElseThrow();
    }

    /**
     * Marks the exposure not affected (justification: inline mitigations already exist) on the strength of its newest
     * fresh validation, which must have found it not reachable or blocked by a control. The reason names the test and
     * every compensating control involved; {@code comment} is added to it.
     */
    @RolesAllowed(Roles.IT_SECURITY)
    public ExposureView markNotAffected(String exposureId, String comment) {
        ExposureRef e = lookup.exposure(exposureId);
        ValidationView v = forExposure(exposureId).stream().filter(ValidationView::current).findFirst().orElse(null);
        if (v == null || !ValidationResult.showsNotExploitable(ValidationOutcome.valueOf(v.outcome()))) {
            throw new DomainException("Exposure " + e.cve() + " on " + e.device().assetTag() + " has no fresh "
                    + "validation (within " + settings.policy().evidenceFreshDays() + " days) that found it not "
                    + "reachable or blocked by a control" + (v == null ? "" : "; the newest found it "
                    + v.outcomeLabel().toLowerCase(Locale.ROOT)) + ". Record such a validation first.");
        }
        Set<String> controls = new LinkedHashSet<>();
        if (v.controlLabel() != null) {
            controls.add(v.controlLabel());
        }
        controls.addAll(activeControls(e.id()));
        String reason = "Validated not exploitable: " + v.methodLabel() + " with " + v.tool() + " on " + v.testedOn()
                + " found it " + ("NOT_REACHABLE".equals(v.outcome()) ? "not reachable"
                : "blocked by " + (v.controlLabel() == null ? "a control" : v.controlLabel())) + ". "
                + "Compensating controls: " + (controls.isEmpty() ? "none recorded" : String.join("; ", controls))
                + ". Evidence: " + cut(v.evidence(), 300)
                + (comment == null || comment.isBlank() ? "" : " " + comment.strip());
        return exposures.changeState(e.publicId(), "NOT_AFFECTED", JUSTIFICATION, cut(reason, 1000), null);
    }

    private List<String> activeControls(long exposureId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT c.control_type, c.title, c.reference FROM control_attachment a "
                        + "JOIN compensating_control c ON c.id = a.control_id WHERE a.exposure_id = ?1 "
                        + "AND c.status = 'ACTIVE' AND c.expires_on >= ?2 ORDER BY c.applied_on, c.id")
                .setParameter(1, exposureId).setParameter(2, java.sql.Date.valueOf(today())).getResultList();
        return rows.stream().map(r -> CompensatingControl.describe(ControlType.valueOf((String) r[0]), (String) r[1],
                (String) r[2])).toList();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
    }
}
