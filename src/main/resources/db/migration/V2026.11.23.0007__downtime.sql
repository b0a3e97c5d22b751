-- Downtime: change requests with their approvals and state history, the downtime windows they propose, blackout
-- windows per department, redundancy groups with a minimum in service, and per-user iCalendar feed tokens.
-- Instants are stored in UTC; every window also keeps the zone it was planned in (the facility's), so a daylight-saving
-- change never moves it.

CREATE TABLE change_request (
    id                     BIGINT        NOT NULL PRIMARY KEY,
    version                INT           NOT NULL,
    public_id              CHAR(36)      NOT NULL,
    reference              VARCHAR(20)   NOT NULL,
    kind                   VARCHAR(30)   NOT NULL,
    status                 VARCHAR(20)   NOT NULL,
    title                  VARCHAR(200)  NOT NULL,
    planned_action         VARCHAR(4000) NOT NULL,
    vendor_reference       VARCHAR(200),
    manufacturer_validated BOOLEAN       DEFAULT FALSE NOT NULL,
    expected_minutes       INT           NOT NULL,
    clinical_impact        VARCHAR(2000),
    backup_equipment       VARCHAR(1000),
    rollback_plan          VARCHAR(2000),
    technician             VARCHAR(64),
    emergency              BOOLEAN       DEFAULT FALSE NOT NULL,
    needs_review           BOOLEAN       DEFAULT FALSE NOT NULL,
    requested_by           VARCHAR(64)   NOT NULL,
    submitted_at           ${ts},
    approved_at            ${ts},
    scheduled_at           ${ts},
    started_at             ${ts},
    finished_at            ${ts},
    escalated_at           ${ts},
    created_at             ${ts}         NOT NULL,
    created_by             VARCHAR(64)   NOT NULL,
    updated_at             ${ts}         NOT NULL,
    updated_by             VARCHAR(64)   NOT NULL,
    CONSTRAINT uk_change_request_public UNIQUE (public_id),
    CONSTRAINT uk_change_request_reference UNIQUE (reference)
);
CREATE INDEX ix_change_request_status ON change_request (status, submitted_at);

-- The devices a request takes down.
CREATE TABLE change_request_device (
    change_request_id BIGINT NOT NULL,
    device_id         BIGINT NOT NULL,
    PRIMARY KEY (change_request_id, device_id),
    CONSTRAINT fk_crd_request FOREIGN KEY (change_request_id) REFERENCES change_request (id),
    CONSTRAINT fk_crd_device FOREIGN KEY (device_id) REFERENCES device (id)
);
CREATE INDEX ix_crd_device ON change_request_device (device_id);

-- The exposures a request resolves (their advisories follow from them).
CREATE TABLE change_request_exposure (
    change_request_id BIGINT NOT NULL,
    exposure_id       BIGINT NOT NULL,
    PRIMARY KEY (change_request_id, exposure_id),
    CONSTRAINT fk_cre_request FOREIGN KEY (change_request_id) REFERENCES change_request (id),
    CONSTRAINT fk_cre_exposure FOREIGN KEY (exposure_id) REFERENCES exposure (id)
);
CREATE INDEX ix_cre_exposure ON change_request_exposure (exposure_id);

-- Every state transition of a request: who, when, from, to and a comment (append-only).
CREATE TABLE change_request_transition (
    id                ${identity}   NOT NULL PRIMARY KEY,
    change_request_id BIGINT        NOT NULL,
    from_status       VARCHAR(20),
    to_status         VARCHAR(20)   NOT NULL,
    actor             VARCHAR(64)   NOT NULL,
    occurred_at       ${ts}         NOT NULL,
    comment           VARCHAR(2000),
    CONSTRAINT fk_crt_request FOREIGN KEY (change_request_id) REFERENCES change_request (id)
);
CREATE INDEX ix_crt_request ON change_request_transition (change_request_id, occurred_at);

-- One approval a request needs: IT security once, and a clinical manager per affected department.
-- slot is 'SECURITY' or 'DEPARTMENT:<department id>' (unique per request).
CREATE TABLE approval (
    id                     BIGINT        NOT NULL PRIMARY KEY,
    version                INT           NOT NULL,
    change_request_id      BIGINT        NOT NULL,
    slot                   VARCHAR(40)   NOT NULL,
    approver_role          VARCHAR(20)   NOT NULL,
    department_id          BIGINT,
    status                 VARCHAR(20)   NOT NULL,
    decided_by             VARCHAR(64),
    decided_at             ${ts},
    comment                VARCHAR(2000),
    proposed_start         ${ts},
    proposed_end           ${ts},
    conflict_override      VARCHAR(1000),
    after_start            BOOLEAN       DEFAULT FALSE NOT NULL,
    escalated_at           ${ts},
    created_at             ${ts}         NOT NULL,
    created_by             VARCHAR(64)   NOT NULL,
    updated_at             ${ts}         NOT NULL,
    updated_by             VARCHAR(64)   NOT NULL,
    CONSTRAINT uk_approval_slot UNIQUE (change_request_id, slot),
    CONSTRAINT fk_approval_request FOREIGN KEY (change_request_id) REFERENCES change_request (id),
    CONSTRAINT fk_approval_department FOREIGN KEY (department_id) REFERENCES department (id)
);
CREATE INDEX ix_approval_pending ON approval (status, department_id);

-- A device's downtime: a start and an end (UTC) in the zone of its facility, proposed by a request.
-- sequence counts changes for iCalendar's SEQUENCE.
CREATE TABLE downtime_window (
    id                BIGINT        NOT NULL PRIMARY KEY,
    version           INT           NOT NULL,
    public_id         CHAR(36)      NOT NULL,
    change_request_id BIGINT        NOT NULL,
    device_id         BIGINT        NOT NULL,
    starts_at         ${ts}         NOT NULL,
    ends_at           ${ts}         NOT NULL,
    zone_id           VARCHAR(64)   NOT NULL,
    status            VARCHAR(20)   NOT NULL,
    technician        VARCHAR(64),
    sequence_no       INT           DEFAULT 0 NOT NULL,
    reminded_at       ${ts},
    created_at        ${ts}         NOT NULL,
    created_by        VARCHAR(64)   NOT NULL,
    updated_at        ${ts}         NOT NULL,
    updated_by        VARCHAR(64)   NOT NULL,
    CONSTRAINT uk_downtime_window_public UNIQUE (public_id),
    CONSTRAINT fk_dw_request FOREIGN KEY (change_request_id) REFERENCES change_request (id),
    CONSTRAINT fk_dw_device FOREIGN KEY (device_id) REFERENCES device (id)
);
CREATE INDEX ix_dw_device_time ON downtime_window (device_id, starts_at, ends_at);
CREATE INDEX ix_dw_time ON downtime_window (starts_at, ends_at);
CREATE INDEX ix_dw_technician ON downtime_window (technician, starts_at);
CREATE INDEX ix_dw_request ON downtime_window (change_request_id);

-- When a department cannot take devices down: a weekly rule (days of week and local times, in the facility's zone)
-- or single dates such as holidays (whole days, first_day..last_day).
CREATE TABLE blackout_window (
    id            BIGINT        NOT NULL PRIMARY KEY,
    version       INT           NOT NULL,
    public_id     CHAR(36)      NOT NULL,
    department_id BIGINT        NOT NULL,
    title         VARCHAR(200)  NOT NULL,
    recurring     BOOLEAN       NOT NULL,
    days_of_week  VARCHAR(30),
    local_start   VARCHAR(5),
    local_end     VARCHAR(5),
    first_day     DATE,
    last_day      DATE,
    active        BOOLEAN       DEFAULT TRUE NOT NULL,
    created_at    ${ts}         NOT NULL,
    created_by    VARCHAR(64)   NOT NULL,
    updated_at    ${ts}         NOT NULL,
    updated_by    VARCHAR(64)   NOT NULL,
    CONSTRAINT uk_blackout_public UNIQUE (public_id),
    CONSTRAINT fk_blackout_department FOREIGN KEY (department_id) REFERENCES department (id)
);
CREATE INDEX ix_blackout_department ON blackout_window (department_id, active);

-- Devices that stand in for each other, with how many must stay in service ("ED CT scanners: at least 1 of 2").
CREATE TABLE redundancy_group (
    id                BIGINT        NOT NULL PRIMARY KEY,
    version           INT           NOT NULL,
    public_id         CHAR(36)      NOT NULL,
    name              VARCHAR(200)  NOT NULL,
    department_id     BIGINT,
    minimum_available INT           NOT NULL,
    created_at        ${ts}         NOT NULL,
    created_by        VARCHAR(64)   NOT NULL,
    updated_at        ${ts}         NOT NULL,
    updated_by        VARCHAR(64)   NOT NULL,
    CONSTRAINT uk_redundancy_group_public UNIQUE (public_id),
    CONSTRAINT uk_redundancy_group_name UNIQUE (name),
    CONSTRAINT fk_rg_department FOREIGN KEY (department_id) REFERENCES department (id)
);

CREATE TABLE redundancy_group_member (
    group_id  BIGINT NOT NULL,
    device_id BIGINT NOT NULL,
    PRIMARY KEY (group_id, device_id),
    CONSTRAINT fk_rgm_group FOREIGN KEY (group_id) REFERENCES redundancy_group (id),
    CONSTRAINT fk_rgm_device FOREIGN KEY (device_id) REFERENCES device (id)
);
CREATE INDEX ix_rgm_device ON redundancy_group_member (device_id);

-- A subscribable iCalendar feed of one department for one user; only the SHA-256 of the token is kept.
CREATE TABLE calendar_feed (
    id            BIGINT        NOT NULL PRIMARY KEY,
    version       INT           NOT NULL,
    public_id     CHAR(36)      NOT NULL,
    username      VARCHAR(64)   NOT NULL,
    department_id BIGINT        NOT NULL,
    token_hash    CHAR(64)      NOT NULL,
    last_used_at  ${ts},
    revoked_at    ${ts},
    created_at    ${ts}         NOT NULL,
    created_by    VARCHAR(64)   NOT NULL,
    updated_at    ${ts}         NOT NULL,
    updated_by    VARCHAR(64)   NOT NULL,
    CONSTRAINT uk_calendar_feed_public UNIQUE (public_id),
    CONSTRAINT uk_calendar_feed_token UNIQUE (token_hash),
    CONSTRAINT fk_calendar_feed_department FOREIGN KEY (department_id) REFERENCES department (id)
);
CREATE INDEX ix_calendar_feed_user ON calendar_feed (username, department_id);
