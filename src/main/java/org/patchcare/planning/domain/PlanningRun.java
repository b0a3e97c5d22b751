package org.patchcare.planning.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.patchcare.shared.domain.BaseEntity;

import java.time.Instant;
import java.util.UUID;

/**
 * One solve and its state, kept in the database so every node can show it: what was asked (horizon, departments,
 * requests, exposures, time limit), where it runs, its best score so far and a heartbeat while the node solves.
 */
@Entity
@Table(name = "planning_run")
public class PlanningRun extends BaseEntity {

    @Column(name = "public_id", nullable = false, updatable = false, length = 36)
    private String publicId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private RunStatus status;
    @Column(name = "horizon_from", nullable = false)
    private Instant horizonFrom;
    @Column(name = "horizon_to", nullable = false)
    private Instant horizonTo;
    @Column(name = "time_limit_s", nullable = false)
    private int timeLimitSeconds;
    @Column(length = 1000)
    private String departments;
    @Column(length = 4000)
    private String requests;
    @Column(length = 4000)
    private String exposures;
    @Column(length = 120)
    private String node;
    @Column(name = "task_count", nullable = false)
    private int taskCount;
    @Column(name = "pinned_count", nullable = false)
    private int pinnedCount;
    @Column(name = "started_at", nullable = false)
    private Instant startedAt;
    @Column(name = "finished_at")
    private Instant finishedAt;
    @Column(name = "heartbeat_at")
    private Instant heartbeatAt;
    @Column(name = "best_at")
    private Instant bestAt;
    @Column(name = "hard_score")
    private Long hardScore;
    @Column(name = "medium_score")
    private Long mediumScore;
    @Column(name = "soft_score")
    private Long softScore;
    @Column(name = "baseline_score", length = 80)
    private String baselineScore;
    @Column(name = "stop_requested", nullable = false)
    private boolean stopRequested;
    @Column(length = 2000)
    private String message;

    protected PlanningRun() {
    }

    public PlanningRun(Instant from, Instant to, int timeLimitSeconds, String departments, String requests,
                       String exposures, String node, Instant now) {
        this.publicId = UUID.randomUUID().toString();
        this.status = RunStatus.SOLVING;
        this.horizonFrom = from;
        this.horizonTo = to;
        this.timeLimitSeconds = timeLimitSeconds;
        this.departments = departments;
        this.requests = requests;
        this.exposures = exposures;
        this.node = node;
        this.startedAt = now;
        this.heartbeatAt = now;
    }

    public void prepared(int tasks, int pinned, String baseline) {
        this.taskCount = tasks;
        this.pinnedCount = pinned;
        this.baselineScore = baseline;
    }

    public void finish(RunStatus end, String message, Instant now) {
        this.status = end;
        this.message = message == null ? null : message.length() > 2000 ? message.substring(0, 2000) : message;
        this.finishedAt = now;
        this.heartbeatAt = now;
    }

    public String getPublicId() {
        return publicId;
    }

    public RunStatus getStatus() {
        return status;
    }

    public Instant getHorizonFrom() {
        return horizonFrom;
    }

    public Instant getHorizonTo() {
        return horizonTo;
    }

    public int getTimeLimitSeconds() {
        return timeLimitSeconds;
    }

    public String getDepartments() {
        return departments;
    }

    public String getRequests() {
        return requests;
    }

    public String getExposures() {
        return exposures;
    }

    public String getNode() {
        return node;
    }

    public int getTaskCount() {
        return taskCount;
    }

    public int getPinnedCount() {
        return pinnedCount;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public Instant getHeartbeatAt() {
        return heartbeatAt;
    }

    public Instant getBestAt() {
        return bestAt;
    }

    public Long getHardScore() {
        return hardScore;
    }

    public Long getMediumScore() {
        return mediumScore;
    }

    public Long getSoftScore() {
        return softScore;
    }

    public String getBaselineScore() {
        return baselineScore;
    }

    public boolean isStopRequested() {
        return stopRequested;
    }

    public String getMessage() {
        return message;
    }
}
