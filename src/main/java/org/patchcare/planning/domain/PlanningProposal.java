package org.patchcare.planning.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;

import java.time.Instant;

/** One device's proposed window in a run's best plan so far (replaced whole when a better plan is found). */
@Entity
@Table(name = "planning_proposal")
public class PlanningProposal {

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "ids")
    @TableGenerator(name = "ids", table = "id_generator", pkColumnName = "sequence_name",
            valueColumnName = "next_val", pkColumnValue = "patchcare", allocationSize = 100)
    private Long id;
    @Column(name = "run_id", nullable = false)
    private long runId;
    @Column(name = "device_id", nullable = false)
    private long deviceId;
    @Column(name = "asset_tag", nullable = false, length = 40)
    private String assetTag;
    @Column(name = "department_id", nullable = false)
    private long departmentId;
    @Column(length = 200)
    private String label;
    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;
    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;
    @Column(name = "zone_id", nullable = false, length = 64)
    private String zoneId;
    @Column(length = 64)
    private String technician;
    @Column(name = "due_at")
    private Instant dueAt;
    @Column(nullable = false, length = 20)
    private String priority;
    @Column(name = "late_hours", nullable = false)
    private int lateHours;
    @Column(nullable = false)
    private boolean pinned;
    @Column(name = "request_id", length = 36)
    private String requestId;
    @Column(name = "exposure_ids", length = 2000)
    private String exposureIds;
    @Column(nullable = false)
    private boolean accepted;
    @Column(length = 4000)
    private String explanation;

    protected PlanningProposal() {
    }

    public PlanningProposal(long runId, long deviceId, String assetTag, long departmentId, String label,
                            Instant startsAt, Instant endsAt, String zoneId, String technician, Instant dueAt,
                            String priority, int lateHours, boolean pinned, String requestId, String exposureIds,
                            String explanation) {
        this.runId = runId;
        this.deviceId = deviceId;
        this.assetTag = assetTag;
        this.departmentId = departmentId;
        this.label = label;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.zoneId = zoneId;
        this.technician = technician;
        this.dueAt = dueAt;
        this.priority = priority;
        this.lateHours = lateHours;
        this.pinned = pinned;
        this.requestId = requestId;
        this.exposureIds = exposureIds;
        this.explanation = explanation == null || explanation.length() <= 4000 ? explanation
                : explanation.substring(0, 3997) + "...";
    }

    public void accepted(String requestId) {
        this.accepted = true;
        this.requestId = requestId;
    }

    public Long getId() {
        return id;
    }

    public long getRunId() {
        return runId;
    }

    public long getDeviceId() {
        return deviceId;
    }

    public String getAssetTag() {
        return assetTag;
    }

    public long getDepartmentId() {
        return departmentId;
    }

    public String getLabel() {
        return label;
    }

    public Instant getStartsAt() {
        return startsAt;
    }

    public Instant getEndsAt() {
        return endsAt;
    }

    public String getZoneId() {
        return zoneId;
    }

    public String getTechnician() {
        return technician;
    }

    public Instant getDueAt() {
        return dueAt;
    }

    public String getPriority() {
        return priority;
    }

    public int getLateHours() {
        return lateHours;
    }

    public boolean isPinned() {
        return pinned;
    }

    public String getRequestId() {
        return requestId;
    }

    public String getExposureIds() {
        return exposureIds;
    }

    public boolean isAccepted() {
        return accepted;
    }

    public String getExplanation() {
        return explanation;
    }
}
