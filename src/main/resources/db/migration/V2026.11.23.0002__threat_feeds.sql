-- Threat feeds: CISA's Known Exploited Vulnerabilities catalogue and FIRST's EPSS scores, keyed by CVE id.
-- Loaded in bulk by ThreatFeedService (JDBC batches, ADR 0007); read per CVE by the advisory and risk screens.

CREATE TABLE kev_entry (
    cve_id             VARCHAR(20)  NOT NULL PRIMARY KEY,
    vendor_project     VARCHAR(200) NOT NULL,
    product            VARCHAR(200) NOT NULL,
    vulnerability_name VARCHAR(500) NOT NULL,
    date_added         DATE         NOT NULL,
    due_date           DATE,
    ransomware_known   BOOLEAN      NOT NULL,
    short_description  ${text},
    required_action    ${text},
    notes              ${text},
    cwes               VARCHAR(200),
    -- false once a newer catalogue no longer lists the CVE (CISA has withdrawn entries); the row is kept for history
    in_catalog         BOOLEAN      NOT NULL,
    first_catalog      VARCHAR(20)  NOT NULL,
    last_catalog       VARCHAR(20)  NOT NULL,
    updated_at         ${ts}        NOT NULL
);

CREATE TABLE epss_score (
    cve_id        VARCHAR(20)  NOT NULL PRIMARY KEY,
    epss          DECIMAL(6,5) NOT NULL,
    percentile    DECIMAL(6,5) NOT NULL,
    model_version VARCHAR(20)  NOT NULL,
    score_date    DATE         NOT NULL
);

-- The newest file loaded per feed (KEV, EPSS); each load is also in the audit trail.
CREATE TABLE feed_state (
    feed        VARCHAR(10)  NOT NULL PRIMARY KEY,
    version     VARCHAR(40)  NOT NULL,
    released_at ${ts}        NOT NULL,
    entries     INT          NOT NULL,
    imported_at ${ts}        NOT NULL,
    imported_by VARCHAR(64)  NOT NULL,
    summary     VARCHAR(500) NOT NULL
);
