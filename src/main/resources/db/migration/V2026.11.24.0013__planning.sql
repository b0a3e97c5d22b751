-- Planning (issue 8): proposed downtime schedules from a constraint solver. Technicians with their daily minutes and
-- skills, vendor engineers' visits, which models need their vendor present (and how long their work takes), each
-- department's low-census hours (preferred for downtime), and the planning runs with their proposals (kept so a
-- proposal survives a reload, can be shown on the calendar and accepted from any node).

-- A PatchCare user who does the work on devices; skills are lower-case tags matched to the device type
-- ("ct scanner", "ventilator") or the manufacturer ("siemens healthineers"), separated by commas.
CREATE TABLE technician (
    id            BIGINT        NOT NULL PRIMARY KEY,
    version       INT           NOT NULL,
    public_id     CHAR(36)      NOT NULL,
    username      VARCHAR(64)   NOT NULL,
    daily_minutes INT           NOT NULL,
    skills        VARCHAR(1000) NOT NULL,
    active        BOOLEAN       DEFAULT TRUE NOT NULL,
    created_at    ${ts}         NOT NULL,
    created_by    VARCHAR(64)   NOT NULL,
    updated_at    ${ts}         NOT NULL,
    updated_by    VARCHAR(64)   NOT NULL,
    CONSTRAINT uk_technician_public UNIQUE (public_id),
    CONSTRAINT uk_technician_username UNIQUE (username)
);

-- A vendor's engineer on site from starts_at to ends_at (work needing the vendor fits inside).
CREATE TABLE vendor_visit (
    id              BIGINT        NOT NULL PRIMARY KEY,
    version         INT           NOT NULL,
    public_id       CHAR(36)      NOT NULL,
    manufacturer_id BIGINT        NOT NULL,
    engineer        VARCHAR(120),
    starts_at       ${ts}         NOT NULL,
    ends_at         ${ts}         NOT NULL,
    created_at      ${ts}         NOT NULL,
    created_by      VARCHAR(64)   NOT NULL,
    updated_at      ${ts}         NOT NULL,
    updated_by      VARCHAR(64)   NOT NULL,
    CONSTRAINT uk_vendor_visit_public UNIQUE (public_id),
    CONSTRAINT fk_vendor_visit_manufacturer FOREIGN KEY (manufacturer_id) REFERENCES manufacturer (id)
);
CREATE INDEX ix_vendor_visit_time ON vendor_visit (manufacturer_id, starts_at);

-- Per device model: whether its vendor's engineer must be present, and how long the work on one device takes.
CREATE TABLE model_planning_rule (
    id               BIGINT        NOT NULL PRIMARY KEY,
    version          INT           NOT NULL,
    public_id        CHAR(36)      NOT NULL,
    model_id         BIGINT        NOT NULL,
    vendor_required  BOOLEAN       NOT NULL,
    expected_minutes INT,
    created_at       ${ts}         NOT NULL,
    created_by       VARCHAR(64)   NOT NULL,
    updated_at       ${ts}         NOT NULL,
    updated_by       VARCHAR(64)   NOT NULL,
    CONSTRAINT uk_model_planning_public UNIQUE (public_id),
    CONSTRAINT uk_model_planning_model UNIQUE (model_id),
    CONSTRAINT fk_model_planning_model FOREIGN KEY (model_id) REFERENCES device_model (id)
);

-- When a department prefers downtime (nights, weekends for outpatient units): weekly wall-clock rules in the
-- facility's zone, like weekly blackouts.
CREATE TABLE low_census_window (
    id            BIGINT        NOT NULL PRIMARY KEY,
    version       INT           NOT NULL,
    public_id     CHAR(36)      NOT NULL,
    department_id BIGINT        NOT NULL,
    title         VARCHAR(200)  NOT NULL,
    days_of_week  VARCHAR(30)   NOT NULL,
    local_start   VARCHAR(5)    NOT NULL,
    local_end     VARCHAR(5)    NOT NULL,
    created_at    ${ts}         NOT NULL,
    created_by    VARCHAR(64)   NOT NULL,
    updated_at    ${ts}         NOT NULL,
    updated_by    VARCHAR(64)   NOT NULL,
    CONSTRAINT uk_low_census_public UNIQUE (public_id),
    CONSTRAINT fk_low_census_department FOREIGN KEY (department_id) REFERENCES department (id)
);
CREATE INDEX ix_low_census_department ON low_census_window (department_id);

-- One solve: what was asked, where it runs, how far it got. heartbeat_at moves while the node solves; a run whose
-- heartbeat stopped is shown as failed (the node died).
CREATE TABLE planning_run (
    id               BIGINT        NOT NULL PRIMARY KEY,
    version          INT           NOT NULL,
    public_id        CHAR(36)      NOT NULL,
    -- SOLVING, FINISHED, STOPPED, FAILED
    status           VARCHAR(20)   NOT NULL,
    horizon_from     ${ts}         NOT NULL,
    horizon_to       ${ts}         NOT NULL,
    time_limit_s     INT           NOT NULL,
    departments      VARCHAR(1000),
    requests         VARCHAR(4000),
    exposures        VARCHAR(4000),
    node             VARCHAR(120),
    task_count       INT           NOT NULL,
    pinned_count     INT           NOT NULL,
    started_at       ${ts}         NOT NULL,
    finished_at      ${ts},
    heartbeat_at     ${ts},
    best_at          ${ts},
    hard_score       BIGINT,
    medium_score     BIGINT,
    soft_score       BIGINT,
    baseline_score   VARCHAR(80),
    stop_requested   BOOLEAN       DEFAULT FALSE NOT NULL,
    message          VARCHAR(2000),
    created_at       ${ts}         NOT NULL,
    created_by       VARCHAR(64)   NOT NULL,
    updated_at       ${ts}         NOT NULL,
    updated_by       VARCHAR(64)   NOT NULL,
    CONSTRAINT uk_planning_run_public UNIQUE (public_id)
);
CREATE INDEX ix_planning_run_started ON planning_run (started_at);

-- The run's best plan so far: one window per device, with its explanations (one sentence a line).
CREATE TABLE planning_proposal (
    id                BIGINT        NOT NULL PRIMARY KEY,
    run_id            BIGINT        NOT NULL,
    device_id         BIGINT        NOT NULL,
    asset_tag         VARCHAR(40)   NOT NULL,
    department_id     BIGINT        NOT NULL,
    label             VARCHAR(200),
    starts_at         ${ts}         NOT NULL,
    ends_at           ${ts}         NOT NULL,
    zone_id           VARCHAR(64)   NOT NULL,
    technician        VARCHAR(64),
    due_at            ${ts},
    priority          VARCHAR(20)   NOT NULL,
    late_hours        INT           NOT NULL,
    pinned            BOOLEAN       NOT NULL,
    -- the request the device came from (pending or approved), then the one accepting created
    request_id        CHAR(36),
    exposure_ids      VARCHAR(2000),
    accepted          BOOLEAN       DEFAULT FALSE NOT NULL,
    explanation       VARCHAR(4000),
    CONSTRAINT fk_planning_proposal_run FOREIGN KEY (run_id) REFERENCES planning_run (id)
);
CREATE INDEX ix_planning_proposal_run ON planning_proposal (run_id, starts_at);
