-- Risk: the SSVC deployer decision per exposure, compensating controls, validation evidence, risk acceptances,
-- overrides, the per-device roll-up behind the dashboards, and in-app notifications.

-- Mission impact of a department when one of its devices is down (SSVC mission impact); lowered one step for a device
-- with a redundant unit.
ALTER TABLE department ADD mission_impact VARCHAR(30) DEFAULT 'MEF_SUPPORT_CRIPPLED' NOT NULL;
ALTER TABLE device ADD redundant BOOLEAN DEFAULT FALSE NOT NULL;

-- The current decision of one exposure. Written by the evaluator (JDBC batches); pending_cause set = must be evaluated
-- again (a KEV/EPSS load, a control, a device change, an advisory revision, an override).
CREATE TABLE exposure_decision (
    exposure_id          BIGINT        NOT NULL PRIMARY KEY,
    device_id            BIGINT        NOT NULL,
    exploitation         VARCHAR(20)   NOT NULL,
    exploitation_why     VARCHAR(1000) NOT NULL,
    system_exposure      VARCHAR(20)   NOT NULL,
    system_exposure_why  VARCHAR(1000) NOT NULL,
    automatable          VARCHAR(10)   NOT NULL,
    automatable_why      VARCHAR(1000) NOT NULL,
    safety_impact        VARCHAR(20)   NOT NULL,
    mission_impact       VARCHAR(30)   NOT NULL,
    human_impact         VARCHAR(20)   NOT NULL,
    human_impact_why     VARCHAR(1000) NOT NULL,
    outcome              VARCHAR(20)   NOT NULL,
    -- 0 immediate, 1 out-of-cycle, 2 scheduled, 3 defer: the work queue's first sort key
    outcome_rank         INT           NOT NULL,
    score                INT           NOT NULL,
    score_factors        VARCHAR(1000) NOT NULL,
    open_exposure        BOOLEAN       NOT NULL,
    -- the SLA clock: starts when the exposure is first decided, restarts when a risk acceptance expires
    clock_started_at     ${ts}         NOT NULL,
    due_at               ${ts}         NOT NULL,
    accepted_until       DATE,
    evaluated_at         ${ts}         NOT NULL,
    pending_cause        VARCHAR(200),
    CONSTRAINT fk_exposure_decision FOREIGN KEY (exposure_id) REFERENCES exposure (id)
);
CREATE INDEX ix_exposure_decision_pending ON exposure_decision (pending_cause);
CREATE INDEX ix_exposure_decision_queue ON exposure_decision (open_exposure, outcome_rank, due_at, exposure_id);
CREATE INDEX ix_exposure_decision_device ON exposure_decision (device_id);
CREATE INDEX ix_exposure_decision_due ON exposure_decision (open_exposure, due_at);

-- Every change of an exposure's decision, with its cause (append-only, written in JDBC batches: identity ids).
CREATE TABLE decision_change (
    id           ${identity}   NOT NULL PRIMARY KEY,
    exposure_id  BIGINT        NOT NULL,
    occurred_at  ${ts}         NOT NULL,
    cause        VARCHAR(200)  NOT NULL,
    from_outcome VARCHAR(20),
    to_outcome   VARCHAR(20)   NOT NULL,
    from_score   INT,
    to_score     INT           NOT NULL,
    detail       VARCHAR(1000) NOT NULL,
    CONSTRAINT fk_decision_change FOREIGN KEY (exposure_id) REFERENCES exposure (id)
);
CREATE INDEX ix_decision_change ON decision_change (exposure_id, occurred_at);

-- IT security's override of one decision point of one exposure.
CREATE TABLE decision_override (
    id             BIGINT        NOT NULL PRIMARY KEY,
    version        INT           NOT NULL,
    exposure_id    BIGINT        NOT NULL,
    decision_point VARCHAR(20)   NOT NULL,
    point_value    VARCHAR(20)   NOT NULL,
    reason         VARCHAR(1000) NOT NULL,
    created_at     ${ts}         NOT NULL,
    created_by     VARCHAR(64)   NOT NULL,
    updated_at     ${ts}         NOT NULL,
    updated_by     VARCHAR(64)   NOT NULL,
    CONSTRAINT uk_decision_override UNIQUE (exposure_id, decision_point),
    CONSTRAINT fk_decision_override FOREIGN KEY (exposure_id) REFERENCES exposure (id)
);

-- Compensating controls: an IPS rule, an EDR signature, segmentation ... scoped to a device, a network segment or a model.
CREATE TABLE compensating_control (
    id            BIGINT        NOT NULL PRIMARY KEY,
    version       INT           NOT NULL,
    public_id     CHAR(36)      NOT NULL,
    control_type  VARCHAR(30)   NOT NULL,
    title         VARCHAR(200)  NOT NULL,
    reference     VARCHAR(200),
    scope_type    VARCHAR(20)   NOT NULL,
    scope_device_id BIGINT,
    scope_segment VARCHAR(100),
    scope_model_id BIGINT,
    owner         VARCHAR(64)   NOT NULL,
    evidence      VARCHAR(4000),
    applied_on    DATE          NOT NULL,
    review_on     DATE,
    expires_on    DATE          NOT NULL,
    status        VARCHAR(20)   NOT NULL,
    status_reason VARCHAR(1000),
    warned_at     ${ts},
    created_at    ${ts}         NOT NULL,
    created_by    VARCHAR(64)   NOT NULL,
    updated_at    ${ts}         NOT NULL,
    updated_by    VARCHAR(64)   NOT NULL,
    CONSTRAINT uk_control_public UNIQUE (public_id),
    CONSTRAINT fk_control_device FOREIGN KEY (scope_device_id) REFERENCES device (id),
    CONSTRAINT fk_control_model FOREIGN KEY (scope_model_id) REFERENCES device_model (id)
);
CREATE INDEX ix_control_status ON compensating_control (status, expires_on);

-- A control attached to an exposure, with the decision point it changes.
CREATE TABLE control_attachment (
    control_id     BIGINT       NOT NULL,
    exposure_id    BIGINT       NOT NULL,
    decision_point VARCHAR(20)  NOT NULL,
    attached_at    ${ts}        NOT NULL,
    attached_by    VARCHAR(64)  NOT NULL,
    PRIMARY KEY (control_id, exposure_id),
    CONSTRAINT fk_attachment_control FOREIGN KEY (control_id) REFERENCES compensating_control (id),
    CONSTRAINT fk_attachment_exposure FOREIGN KEY (exposure_id) REFERENCES exposure (id)
);
CREATE INDEX ix_attachment_exposure ON control_attachment (exposure_id);

-- Breach-and-attack simulation, penetration test or manual check of one exposure.
CREATE TABLE validation_result (
    id            BIGINT        NOT NULL PRIMARY KEY,
    version       INT           NOT NULL,
    public_id     CHAR(36)      NOT NULL,
    exposure_id   BIGINT        NOT NULL,
    result        VARCHAR(30)   NOT NULL,
    control_id    BIGINT,
    method        VARCHAR(30)   NOT NULL,
    tool          VARCHAR(200)  NOT NULL,
    tested_on     DATE          NOT NULL,
    evidence      VARCHAR(4000) NOT NULL,
    created_at    ${ts}         NOT NULL,
    created_by    VARCHAR(64)   NOT NULL,
    updated_at    ${ts}         NOT NULL,
    updated_by    VARCHAR(64)   NOT NULL,
    CONSTRAINT uk_validation_public UNIQUE (public_id),
    CONSTRAINT fk_validation_exposure FOREIGN KEY (exposure_id) REFERENCES exposure (id),
    CONSTRAINT fk_validation_control FOREIGN KEY (control_id) REFERENCES compensating_control (id)
);
CREATE INDEX ix_validation_exposure ON validation_result (exposure_id, tested_on);

-- Risk acceptance: requested by IT security or biomed, approved by a clinical manager of the device's department AND by
-- IT security, never by the requester; always with an expiry.
CREATE TABLE risk_acceptance (
    id                   BIGINT        NOT NULL PRIMARY KEY,
    version              INT           NOT NULL,
    public_id            CHAR(36)      NOT NULL,
    exposure_id          BIGINT        NOT NULL,
    status               VARCHAR(20)   NOT NULL,
    reason               VARCHAR(2000) NOT NULL,
    expires_on           DATE          NOT NULL,
    requested_by         VARCHAR(64)   NOT NULL,
    clinical_approver    VARCHAR(64),
    clinical_decided_at  ${ts},
    security_approver    VARCHAR(64),
    security_decided_at  ${ts},
    decision_comment     VARCHAR(1000),
    warned_at            ${ts},
    created_at           ${ts}         NOT NULL,
    created_by           VARCHAR(64)   NOT NULL,
    updated_at           ${ts}         NOT NULL,
    updated_by           VARCHAR(64)   NOT NULL,
    CONSTRAINT uk_acceptance_public UNIQUE (public_id),
    CONSTRAINT fk_acceptance_exposure FOREIGN KEY (exposure_id) REFERENCES exposure (id)
);
CREATE INDEX ix_acceptance_exposure ON risk_acceptance (exposure_id, status);
CREATE INDEX ix_acceptance_status ON risk_acceptance (status, expires_on);

-- Roll-up per device for the dashboards: kept by the evaluator, summed per department and facility.
CREATE TABLE device_risk (
    device_id      BIGINT       NOT NULL PRIMARY KEY,
    department_id  BIGINT       NOT NULL,
    score          INT          NOT NULL,
    open_exposures INT          NOT NULL,
    immediate      INT          NOT NULL,
    out_of_cycle   INT          NOT NULL,
    scheduled      INT          NOT NULL,
    deferred       INT          NOT NULL,
    overdue        INT          NOT NULL,
    updated_at     ${ts}        NOT NULL,
    CONSTRAINT fk_device_risk FOREIGN KEY (device_id) REFERENCES device (id)
);
CREATE INDEX ix_device_risk_department ON device_risk (department_id, score);

-- Roll-up per department, summed from device_risk at the end of each evaluation run: the dashboard reads 1 row per
-- department instead of aggregating 100,000 device rows on every request.
CREATE TABLE department_risk (
    department_id   BIGINT       NOT NULL PRIMARY KEY,
    exposed_devices INT          NOT NULL,
    open_exposures  INT          NOT NULL,
    immediate       INT          NOT NULL,
    out_of_cycle    INT          NOT NULL,
    scheduled       INT          NOT NULL,
    deferred        INT          NOT NULL,
    score_sum       BIGINT       NOT NULL,
    max_score       INT          NOT NULL,
    updated_at      ${ts}        NOT NULL,
    CONSTRAINT fk_department_risk FOREIGN KEY (department_id) REFERENCES department (id)
);
-- devices in service per department, counted from the index alone
CREATE INDEX ix_device_status_department ON device (status, department_id);

-- In-app notifications (expiring controls and acceptances today; approvals later).
CREATE TABLE notification (
    id          BIGINT        NOT NULL PRIMARY KEY,
    recipient   VARCHAR(64)   NOT NULL,
    subject     VARCHAR(300)  NOT NULL,
    body        VARCHAR(2000) NOT NULL,
    link        VARCHAR(300),
    created_at  ${ts}         NOT NULL,
    read_at     ${ts}
);
CREATE INDEX ix_notification_recipient ON notification (recipient, read_at, created_at);
