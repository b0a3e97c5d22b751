package org.patchcare.risk.domain;

import static org.patchcare.shared.domain.Texts.within;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.patchcare.shared.domain.BaseEntity;
import org.patchcare.shared.domain.InvalidInputException;

import java.util.Arrays;
import java.util.Locale;

/** IT security's value for one decision point of one exposure, replacing the derived one until removed. */
@Entity
@Table(name = "decision_override")
public class DecisionOverride extends BaseEntity {

    public static final int REASON_MAX = 1000;

    @Column(name = "exposure_id", nullable = false, updatable = false)
    private long exposureId;
    @Enumerated(EnumType.STRING)
    @Column(name = "decision_point", nullable = false, updatable = false, length = 20)
    private DecisionPoint point;
    @Column(name = "point_value", nullable = false, length = 20)
    private String value;
    @Column(nullable = false, length = REASON_MAX)
    private String reason;

    protected DecisionOverride() {
    }

    public DecisionOverride(long exposureId, DecisionPoint point) {
        this.exposureId = exposureId;
        this.point = point;
    }

    /** Sets the value, checked against the point's own values; a reason is required. */
    public void set(String value, String reason) {
        this.value = valueOf(point, value);
        if (reason == null || reason.isBlank()) {
            throw new InvalidInputException("reason", "Say why you override " + point.label().toLowerCase(Locale.ROOT)
                    + " (it is shown beside the decision and kept in the audit trail).");
        }
        this.reason = within("reason", reason.strip(), REASON_MAX);
    }

    /** The enum name of {@code value} for {@code point}, accepting SSVC's labels ("public PoC", "very high"). */
    public static String valueOf(DecisionPoint point, String value) {
        Enum<?>[] allowed = switch (point) {
            case EXPLOITATION -> Exploitation.values();
            case SYSTEM_EXPOSURE -> SystemExposure.values();
            case AUTOMATABLE -> Automatable.values();
            case HUMAN_IMPACT -> HumanImpact.values();
        };
        String v = value == null ? "" : value.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (Enum<?> e : allowed) {
            if (e.name().equals(v)) {
                return e.name();
            }
        }
        throw new InvalidInputException("value", point.label() + " must be one of "
                + String.join(", ", Arrays.stream(allowed).map(Enum::name).toList()) + ".");
    }

    public static DecisionPoint point(String value) {
        String v = value == null ? "" : value.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (DecisionPoint p : DecisionPoint.values()) {
            if (p.name().equals(v)) {
                return p;
            }
        }
        throw new InvalidInputException("point", "The decision point must be one of EXPLOITATION, SYSTEM_EXPOSURE, "
                + "AUTOMATABLE, HUMAN_IMPACT.");
    }

    public long getExposureId() { return exposureId; }
    public DecisionPoint getPoint() { return point; }
    public String getValue() { return value; }
    public String getReason() { return reason; }
}
