-- Patch execution: one record per device worked on, inside a change request or unplanned (work on paper, a vendor
-- visit). Every step keeps its own timestamp and actor: the metrics read them, nobody types a duration.

CREATE TABLE patch_record (
    id                  BIGINT        NOT NULL PRIMARY KEY,
    version             INT           NOT NULL,
    public_id           CHAR(36)      NOT NULL,
    -- null for unplanned work
    change_request_id   BIGINT,
    device_id           BIGINT        NOT NULL,
    -- the device's asset tag (never changes), for messages and exports without a join
    asset_tag           VARCHAR(40)   NOT NULL,
    unplanned           BOOLEAN       DEFAULT FALSE NOT NULL,
    -- IN_PROGRESS, RECORDED, VERIFIED, FAILED, ROLLED_BACK
    status              VARCHAR(20)   NOT NULL,
    -- SOFTWARE_UPDATE, CONTROL_APPLIED
    action              VARCHAR(30),
    from_version        VARCHAR(100),
    to_version          VARCHAR(100),
    control_applied     VARCHAR(1000),
    vendor_engineer     VARCHAR(200),
    notes               VARCHAR(4000),
    -- SUCCESS, PARTIAL, FAILED (null until the work is recorded)
    result              VARCHAR(20),
    started_at          ${ts},
    started_by          VARCHAR(64),
    performed_at        ${ts},
    performed_by        VARCHAR(64),
    functional_check    VARCHAR(2000),
    returned_to_service BOOLEAN,
    verified_at         ${ts},
    verified_by         VARCHAR(64),
    rollback_at         ${ts},
    rollback_by         VARCHAR(64),
    -- what a rollback restored, e.g. "firmware 4.1 reinstalled from the USB key"
    rollback_restored   VARCHAR(1000),
    rollback_notes      VARCHAR(4000),
    created_at          ${ts}         NOT NULL,
    created_by          VARCHAR(64)   NOT NULL,
    updated_at          ${ts}         NOT NULL,
    updated_by          VARCHAR(64)   NOT NULL,
    CONSTRAINT uk_patch_record_public UNIQUE (public_id),
    CONSTRAINT fk_patch_record_request FOREIGN KEY (change_request_id) REFERENCES change_request (id),
    CONSTRAINT fk_patch_record_device FOREIGN KEY (device_id) REFERENCES device (id)
);
CREATE INDEX ix_patch_record_request ON patch_record (change_request_id, device_id);
CREATE INDEX ix_patch_record_device ON patch_record (device_id, performed_at);
CREATE INDEX ix_patch_record_updated ON patch_record (updated_at);

-- Files kept with a patch record (vendor service report, screenshot of the version screen, ...).
CREATE TABLE patch_attachment (
    id              BIGINT        NOT NULL PRIMARY KEY,
    public_id       CHAR(36)      NOT NULL,
    patch_record_id BIGINT        NOT NULL,
    file_name       VARCHAR(255)  NOT NULL,
    content_type    VARCHAR(100)  NOT NULL,
    size_bytes      BIGINT        NOT NULL,
    sha256          CHAR(64)      NOT NULL,
    content         ${blob}       NOT NULL,
    uploaded_at     ${ts}         NOT NULL,
    uploaded_by     VARCHAR(64)   NOT NULL,
    CONSTRAINT uk_patch_attachment_public UNIQUE (public_id),
    CONSTRAINT fk_patch_attachment_record FOREIGN KEY (patch_record_id) REFERENCES patch_record (id)
);
CREATE INDEX ix_patch_attachment_record ON patch_attachment (patch_record_id);
