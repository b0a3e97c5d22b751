-- Metrics: one row per exposure with the timestamps of its chain, copied from where they are recorded (advisory,
-- remediation, exposure, exposure_event, decision_override, change_request, downtime_window, patch_record,
-- exposure_decision) by the metrics job. Dashboards aggregate this table instead of joining eight tables per chart.
-- It is derived data: it can be dropped and rebuilt at any time (docs/metrics.md).

CREATE TABLE exposure_timeline (
    exposure_id      BIGINT        NOT NULL PRIMARY KEY,
    device_id        BIGINT        NOT NULL,
    department_id    BIGINT        NOT NULL,
    facility_id      BIGINT        NOT NULL,
    manufacturer_id  BIGINT        NOT NULL,
    model_id         BIGINT        NOT NULL,
    device_type      VARCHAR(100),
    advisory_id      BIGINT        NOT NULL,
    -- the current SSVC outcome and score (null until decided)
    outcome          VARCHAR(20),
    score            INT,
    open_exposure    BOOLEAN       NOT NULL,
    published_at     ${ts}         NOT NULL,
    vendor_fix_at    ${ts},
    matched_at       ${ts}         NOT NULL,
    triaged_at       ${ts},
    submitted_at     ${ts},
    approved_at      ${ts},
    window_start_at  ${ts},
    patched_at       ${ts},
    verified_at      ${ts},
    closed_at        ${ts},
    due_at           ${ts},
    -- e.g. 2026-Q3, the quarter of patched_at
    patched_quarter  CHAR(7),
    -- the quarters of matched_at and due_at (lags and overdue by quarter)
    matched_quarter  CHAR(7)       NOT NULL,
    due_quarter      CHAR(7),
    -- the durations, in days, worked out once at refresh so charts read numbers instead of doing date arithmetic
    -- that differs per database: published -> patched, and each step of the chain (docs/metrics.md)
    ttp_days         DOUBLE PRECISION,
    within_sla       BOOLEAN,
    vendor_days      DOUBLE PRECISION,
    triage_days      DOUBLE PRECISION,
    approval_days    DOUBLE PRECISION,
    scheduling_days  DOUBLE PRECISION,
    patch_days       DOUBLE PRECISION,
    verification_days DOUBLE PRECISION,
    -- when it became overdue: the later of matched_at and due_at (burn-down's overdue line)
    overdue_at       ${ts},
    -- waiting on an approval: a linked change request submitted, not yet approved (operations view)
    awaiting_approval BOOLEAN      DEFAULT FALSE NOT NULL,
    refreshed_at     ${ts}         NOT NULL,
    CONSTRAINT fk_exposure_timeline FOREIGN KEY (exposure_id) REFERENCES exposure (id)
);
-- The charts read these indexes only, never the wide rows (docs/metrics.md, "Benchmark"): time-to-patch by the
-- day patched, lags and the exposure list by the day matched, burn-down by the days opened, closed and overdue,
-- the open exposures by due date; each carries the group keys and filter columns the charts use.
CREATE INDEX ix_timeline_ttp ON exposure_timeline (patched_at, ttp_days, within_sla, department_id, facility_id,
    manufacturer_id, outcome, patched_quarter, device_type);
CREATE INDEX ix_timeline_lags ON exposure_timeline (matched_at, department_id, facility_id, manufacturer_id, outcome,
    matched_quarter, device_type, vendor_days, triage_days, approval_days, scheduling_days, patch_days,
    verification_days);
CREATE INDEX ix_timeline_department ON exposure_timeline (department_id, patched_at);
-- a department's burn-down (the department view): its days opened, closed and overdue
CREATE INDEX ix_timeline_department_opened ON exposure_timeline (department_id, matched_at, closed_at, overdue_at, score);
CREATE INDEX ix_timeline_department_closed ON exposure_timeline (department_id, closed_at, overdue_at, score);
CREATE INDEX ix_timeline_department_overdue ON exposure_timeline (department_id, overdue_at, closed_at);
CREATE INDEX ix_timeline_opened ON exposure_timeline (matched_at, closed_at, overdue_at, score, department_id, facility_id);
CREATE INDEX ix_timeline_closed ON exposure_timeline (closed_at, overdue_at, score, department_id, facility_id);
CREATE INDEX ix_timeline_open ON exposure_timeline (open_exposure, due_at, score, department_id, facility_id,
    awaiting_approval, outcome, manufacturer_id, due_quarter, device_type);
-- the exposure list, newest match first
CREATE INDEX ix_timeline_matched ON exposure_timeline (matched_at);
CREATE INDEX ix_timeline_open_department ON exposure_timeline (open_exposure, department_id, due_at, awaiting_approval);

-- Where the incremental refresh of the timeline stands: the start of the last run that finished, so the next run
-- looks at sources changed since then (minus a safety margin for transactions that committed late).
CREATE TABLE metrics_cursor (
    name                VARCHAR(40)   NOT NULL PRIMARY KEY,
    last_started_at     ${ts}         NOT NULL,
    last_finished_at    ${ts}         NOT NULL,
    -- the end of the last run that wrote rows (stored whole-hospital charts older than this are stale)
    last_changed_at     ${ts}         NOT NULL,
    exposures_refreshed BIGINT        NOT NULL
);

-- What the incremental refresh asks of the source tables: the rows changed since the cursor.
CREATE INDEX ix_exposure_updated ON exposure (updated_at);
CREATE INDEX ix_exposure_event_occurred ON exposure_event (occurred_at);
CREATE INDEX ix_exposure_decision_evaluated ON exposure_decision (evaluated_at);
CREATE INDEX ix_change_request_updated ON change_request (updated_at);
CREATE INDEX ix_downtime_window_updated ON downtime_window (updated_at);
CREATE INDEX ix_advisory_updated ON advisory (updated_at);
-- The riskiest devices hospital-wide (top devices chart).
CREATE INDEX ix_device_risk_score ON device_risk (score);
CREATE INDEX ix_crt_occurred ON change_request_transition (occurred_at);
CREATE INDEX ix_device_updated ON device (updated_at);
CREATE INDEX ix_timeline_overdue ON exposure_timeline (overdue_at, closed_at, department_id, facility_id);

-- Whole-hospital charts (no filter) worked out by the metrics job after each refresh that wrote rows, so the executive
-- dashboard reads one row instead of every exposure (docs/metrics.md, "Benchmark"): the chart's JSON.
CREATE TABLE metrics_snapshot (
    chart        VARCHAR(60)   NOT NULL PRIMARY KEY,
    computed_at  ${ts}         NOT NULL,
    body         ${text}       NOT NULL
);
