package org.patchcare.planning.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.patchcare.shared.domain.BaseEntity;

import java.util.UUID;

/** Per device model: whether the vendor's engineer must be present, and the expected minutes of work per device. */
@Entity
@Table(name = "model_planning_rule")
public class ModelPlanningRule extends BaseEntity {

    @Column(name = "public_id", nullable = false, updatable = false, length = 36)
    private String publicId;
    @Column(name = "model_id", nullable = false)
    private long modelId;
    @Column(name = "vendor_required", nullable = false)
    private boolean vendorRequired;
    @Column(name = "expected_minutes")
    private Integer expectedMinutes;

    protected ModelPlanningRule() {
    }

    public ModelPlanningRule(long modelId, boolean vendorRequired, Integer expectedMinutes) {
        this.publicId = UUID.randomUUID().toString();
        this.modelId = modelId;
        this.vendorRequired = vendorRequired;
        this.expectedMinutes = expectedMinutes;
    }

    public long getModelId() {
        return modelId;
    }

    public boolean isVendorRequired() {
        return vendorRequired;
    }

    public Integer getExpectedMinutes() {
        return expectedMinutes;
    }
}
