-- Vendor advisories (CSAF 2.0 or entered by hand), their revisions, and the exposures matching finds in the inventory.
-- An advisory row always describes its newest revision; every revision keeps its original document.

CREATE TABLE advisory (
    id                  BIGINT        NOT NULL PRIMARY KEY,
    version             INT           NOT NULL,
    tracking_id         VARCHAR(200)  NOT NULL,
    title               VARCHAR(500)  NOT NULL,
    publisher_name      VARCHAR(200)  NOT NULL,
    publisher_category  VARCHAR(40)   NOT NULL,
    publisher_namespace VARCHAR(500),
    tlp                 VARCHAR(20),
    tracking_version    VARCHAR(40)   NOT NULL,
    tracking_status     VARCHAR(20)   NOT NULL,
    initial_release     ${ts}         NOT NULL,
    current_release     ${ts}         NOT NULL,
    csaf_version        VARCHAR(10),
    origin              VARCHAR(20)   NOT NULL,
    revision_count      INT           NOT NULL,
    current_revision    INT           NOT NULL,
    content_hash        CHAR(64),
    vendors             VARCHAR(1000) NOT NULL,
    max_cvss            DECIMAL(3,1),
    cves                VARCHAR(2000) NOT NULL,
    created_at          ${ts}         NOT NULL,
    created_by          VARCHAR(64)   NOT NULL,
    updated_at          ${ts}         NOT NULL,
    updated_by          VARCHAR(64)   NOT NULL,
    CONSTRAINT uk_advisory_tracking UNIQUE (tracking_id)
);
CREATE INDEX ix_advisory_current ON advisory (current_release);
CREATE INDEX ix_advisory_created ON advisory (created_at);

CREATE TABLE advisory_revision (
    id               BIGINT        NOT NULL PRIMARY KEY,
    advisory_id      BIGINT        NOT NULL,
    revision_no      INT           NOT NULL,
    content_hash     CHAR(64)      NOT NULL,
    tracking_version VARCHAR(40)   NOT NULL,
    current_release  ${ts}         NOT NULL,
    imported_at      ${ts}         NOT NULL,
    imported_by      VARCHAR(64)   NOT NULL,
    origin           VARCHAR(20)   NOT NULL,
    source_name      VARCHAR(1000),
    document         ${document},
    CONSTRAINT fk_advisory_revision FOREIGN KEY (advisory_id) REFERENCES advisory (id),
    CONSTRAINT uk_advisory_revision UNIQUE (advisory_id, revision_no)
);
CREATE INDEX ix_advisory_revision_hash ON advisory_revision (content_hash);

-- document.tracking.revision_history
CREATE TABLE advisory_history (
    advisory_id BIGINT        NOT NULL,
    position    INT           NOT NULL,
    number      VARCHAR(40)   NOT NULL,
    changed_at  ${ts}         NOT NULL,
    summary     VARCHAR(2000) NOT NULL,
    PRIMARY KEY (advisory_id, position),
    CONSTRAINT fk_advisory_history FOREIGN KEY (advisory_id) REFERENCES advisory (id)
);

CREATE TABLE advisory_note (
    advisory_id BIGINT       NOT NULL,
    position    INT          NOT NULL,
    category    VARCHAR(30)  NOT NULL,
    title       VARCHAR(500),
    text        ${text}      NOT NULL,
    PRIMARY KEY (advisory_id, position),
    CONSTRAINT fk_advisory_note FOREIGN KEY (advisory_id) REFERENCES advisory (id)
);

CREATE TABLE advisory_reference (
    advisory_id BIGINT        NOT NULL,
    position    INT           NOT NULL,
    category    VARCHAR(20)   NOT NULL,
    summary     VARCHAR(1000) NOT NULL,
    url         VARCHAR(2000) NOT NULL,
    PRIMARY KEY (advisory_id, position),
    CONSTRAINT fk_advisory_reference FOREIGN KEY (advisory_id) REFERENCES advisory (id)
);

-- optional (6.2.x) and informative (6.3.x) findings, and the accepted vers: leniency (6.1.31)
CREATE TABLE advisory_warning (
    advisory_id BIGINT        NOT NULL,
    position    INT           NOT NULL,
    test_id     VARCHAR(20)   NOT NULL,
    json_path   VARCHAR(500)  NOT NULL,
    message     VARCHAR(1000) NOT NULL,
    PRIMARY KEY (advisory_id, position),
    CONSTRAINT fk_advisory_warning FOREIGN KEY (advisory_id) REFERENCES advisory (id)
);

-- the product tree flattened: one row per product id
CREATE TABLE advisory_product (
    advisory_id      BIGINT        NOT NULL,
    position         INT           NOT NULL,
    product_id       VARCHAR(200)  NOT NULL,
    vendor           VARCHAR(300),
    product_name     VARCHAR(500),
    version_text     VARCHAR(500),
    version_is_range BOOLEAN       NOT NULL,
    full_name        VARCHAR(1000) NOT NULL,
    identifiers      VARCHAR(2000),
    relates_to       VARCHAR(200),
    PRIMARY KEY (advisory_id, position),
    CONSTRAINT fk_advisory_product FOREIGN KEY (advisory_id) REFERENCES advisory (id)
);

CREATE TABLE advisory_vulnerability (
    id             BIGINT        NOT NULL PRIMARY KEY,
    advisory_id    BIGINT        NOT NULL,
    position       INT           NOT NULL,
    cve            VARCHAR(20),
    cwe_id         VARCHAR(20),
    cwe_name       VARCHAR(300),
    title          VARCHAR(1000),
    summary        ${text},
    cvss3_vector   VARCHAR(200),
    cvss3_score    DECIMAL(3,1),
    cvss3_severity VARCHAR(10),
    cvss2_vector   VARCHAR(200),
    cvss2_score    DECIMAL(3,1),
    discovery_date ${ts},
    release_date   ${ts},
    CONSTRAINT fk_advisory_vulnerability FOREIGN KEY (advisory_id) REFERENCES advisory (id)
);
CREATE INDEX ix_advisory_vulnerability_cve ON advisory_vulnerability (cve);

CREATE TABLE vulnerability_product_status (
    vulnerability_id BIGINT       NOT NULL,
    status           VARCHAR(30)  NOT NULL,
    product_id       VARCHAR(200) NOT NULL,
    PRIMARY KEY (vulnerability_id, status, product_id),
    CONSTRAINT fk_vps_vulnerability FOREIGN KEY (vulnerability_id) REFERENCES advisory_vulnerability (id)
);

CREATE TABLE vulnerability_remediation (
    vulnerability_id BIGINT        NOT NULL,
    position         INT           NOT NULL,
    category         VARCHAR(30)   NOT NULL,
    details          ${text}       NOT NULL,
    url              VARCHAR(2000),
    remediation_date ${ts},
    restart_required VARCHAR(40),
    restart_details  VARCHAR(1000),
    product_ids      VARCHAR(4000),
    PRIMARY KEY (vulnerability_id, position),
    CONSTRAINT fk_remediation_vulnerability FOREIGN KEY (vulnerability_id) REFERENCES advisory_vulnerability (id)
);

-- threats and flags of a vulnerability (kind THREAT: category = impact/exploit_status/target_set; kind FLAG: label)
CREATE TABLE vulnerability_remark (
    vulnerability_id BIGINT        NOT NULL,
    position         INT           NOT NULL,
    kind             VARCHAR(10)   NOT NULL,
    category         VARCHAR(60)   NOT NULL,
    details          ${text},
    product_ids      VARCHAR(4000),
    PRIMARY KEY (vulnerability_id, position),
    CONSTRAINT fk_remark_vulnerability FOREIGN KEY (vulnerability_id) REFERENCES advisory_vulnerability (id)
);

-- One device, one vulnerability (CVE) of one advisory. State in VEX vocabulary.
CREATE TABLE exposure (
    id              BIGINT        NOT NULL PRIMARY KEY,
    version         INT           NOT NULL,
    public_id       CHAR(36)      NOT NULL,
    device_id       BIGINT        NOT NULL,
    advisory_id     BIGINT        NOT NULL,
    cve             VARCHAR(20)   NOT NULL,
    state           VARCHAR(30)   NOT NULL,
    justification   VARCHAR(60),
    state_reason    VARCHAR(1000),
    matched_product VARCHAR(1000) NOT NULL,
    certainty       VARCHAR(20)   NOT NULL,
    match_reason    VARCHAR(1000) NOT NULL,
    created_at      ${ts}         NOT NULL,
    created_by      VARCHAR(64)   NOT NULL,
    updated_at      ${ts}         NOT NULL,
    updated_by      VARCHAR(64)   NOT NULL,
    CONSTRAINT uk_exposure_public UNIQUE (public_id),
    CONSTRAINT uk_exposure UNIQUE (device_id, advisory_id, cve),
    CONSTRAINT fk_exposure_device FOREIGN KEY (device_id) REFERENCES device (id),
    CONSTRAINT fk_exposure_advisory FOREIGN KEY (advisory_id) REFERENCES advisory (id)
);
CREATE INDEX ix_exposure_advisory ON exposure (advisory_id, state);
CREATE INDEX ix_exposure_state ON exposure (state, updated_at);

-- who changed an exposure's state, when and why
CREATE TABLE exposure_event (
    id            BIGINT        NOT NULL PRIMARY KEY,
    exposure_id   BIGINT        NOT NULL,
    occurred_at   ${ts}         NOT NULL,
    actor         VARCHAR(64)   NOT NULL,
    from_state    VARCHAR(30),
    to_state      VARCHAR(30)   NOT NULL,
    justification VARCHAR(60),
    reason        VARCHAR(1000) NOT NULL,
    CONSTRAINT fk_exposure_event FOREIGN KEY (exposure_id) REFERENCES exposure (id)
);
CREATE INDEX ix_exposure_event ON exposure_event (exposure_id, occurred_at);

-- Likely matches waiting for IT: one per advisory product and device model.
CREATE TABLE match_review (
    id            BIGINT        NOT NULL PRIMARY KEY,
    version       INT           NOT NULL,
    public_id     CHAR(36)      NOT NULL,
    advisory_id   BIGINT        NOT NULL,
    model_id      BIGINT        NOT NULL,
    product_key   CHAR(64)      NOT NULL,
    product_label VARCHAR(1000) NOT NULL,
    score         DECIMAL(4,3)  NOT NULL,
    reason        VARCHAR(1000) NOT NULL,
    devices       INT           NOT NULL,
    status        VARCHAR(20)   NOT NULL,
    decided_by    VARCHAR(64),
    decided_at    ${ts},
    comment       VARCHAR(1000),
    created_at    ${ts}         NOT NULL,
    created_by    VARCHAR(64)   NOT NULL,
    updated_at    ${ts}         NOT NULL,
    updated_by    VARCHAR(64)   NOT NULL,
    CONSTRAINT uk_match_review_public UNIQUE (public_id),
    CONSTRAINT uk_match_review UNIQUE (advisory_id, model_id, product_key),
    CONSTRAINT fk_match_review_advisory FOREIGN KEY (advisory_id) REFERENCES advisory (id),
    CONSTRAINT fk_match_review_model FOREIGN KEY (model_id) REFERENCES device_model (id)
);
CREATE INDEX ix_match_review_status ON match_review (status, created_at);

-- IT's decision on "is this advisory product this model?", remembered so it is not asked again
CREATE TABLE match_decision (
    model_id    BIGINT       NOT NULL,
    product_key CHAR(64)     NOT NULL,
    decision    VARCHAR(20)  NOT NULL,
    decided_by  VARCHAR(64)  NOT NULL,
    decided_at  ${ts}        NOT NULL,
    PRIMARY KEY (model_id, product_key),
    CONSTRAINT fk_match_decision_model FOREIGN KEY (model_id) REFERENCES device_model (id)
);
