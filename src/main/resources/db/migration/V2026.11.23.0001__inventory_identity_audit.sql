-- PatchCare initial schema: identity, inventory, lifecycle, audit.
-- Runs unchanged on H2 and MySQL/MariaDB; ${ts} and ${text} are Flyway placeholders set per database.

CREATE TABLE id_generator (
    sequence_name VARCHAR(64) NOT NULL PRIMARY KEY,
    next_val      BIGINT      NOT NULL
);

CREATE TABLE facility (
    id         BIGINT       NOT NULL PRIMARY KEY,
    code       VARCHAR(20)  NOT NULL,
    name       VARCHAR(120) NOT NULL,
    time_zone  VARCHAR(64)  NOT NULL,
    version    INT          NOT NULL,
    created_at ${ts}        NOT NULL,
    created_by VARCHAR(64)  NOT NULL,
    updated_at ${ts}        NOT NULL,
    updated_by VARCHAR(64)  NOT NULL,
    CONSTRAINT uk_facility_code UNIQUE (code)
);

CREATE TABLE department (
    id          BIGINT       NOT NULL PRIMARY KEY,
    facility_id BIGINT       NOT NULL,
    code        VARCHAR(20)  NOT NULL,
    name        VARCHAR(120) NOT NULL,
    version     INT          NOT NULL,
    created_at  ${ts}        NOT NULL,
    created_by  VARCHAR(64)  NOT NULL,
    updated_at  ${ts}        NOT NULL,
    updated_by  VARCHAR(64)  NOT NULL,
    CONSTRAINT uk_department_code UNIQUE (code),
    CONSTRAINT fk_department_facility FOREIGN KEY (facility_id) REFERENCES facility (id)
);

CREATE TABLE location (
    id            BIGINT       NOT NULL PRIMARY KEY,
    public_id     CHAR(36)     NOT NULL,
    department_id BIGINT       NOT NULL,
    building      VARCHAR(80)  NOT NULL,
    floor         VARCHAR(20),
    room          VARCHAR(40),
    version       INT          NOT NULL,
    created_at    ${ts}        NOT NULL,
    created_by    VARCHAR(64)  NOT NULL,
    updated_at    ${ts}        NOT NULL,
    updated_by    VARCHAR(64)  NOT NULL,
    CONSTRAINT uk_location_public_id UNIQUE (public_id),
    CONSTRAINT uk_location_place UNIQUE (department_id, building, floor, room),
    CONSTRAINT fk_location_department FOREIGN KEY (department_id) REFERENCES department (id)
);

CREATE TABLE manufacturer (
    id              BIGINT       NOT NULL PRIMARY KEY,
    public_id       CHAR(36)     NOT NULL,
    name            VARCHAR(120) NOT NULL,
    normalized_name VARCHAR(120) NOT NULL,
    version         INT          NOT NULL,
    created_at      ${ts}        NOT NULL,
    created_by      VARCHAR(64)  NOT NULL,
    updated_at      ${ts}        NOT NULL,
    updated_by      VARCHAR(64)  NOT NULL,
    CONSTRAINT uk_manufacturer_public_id UNIQUE (public_id),
    CONSTRAINT uk_manufacturer_normalized UNIQUE (normalized_name)
);

CREATE TABLE manufacturer_alias (
    manufacturer_id  BIGINT       NOT NULL,
    alias            VARCHAR(120) NOT NULL,
    normalized_alias VARCHAR(120) NOT NULL,
    CONSTRAINT pk_manufacturer_alias PRIMARY KEY (manufacturer_id, normalized_alias),
    CONSTRAINT uk_manufacturer_alias UNIQUE (normalized_alias),
    CONSTRAINT fk_alias_manufacturer FOREIGN KEY (manufacturer_id) REFERENCES manufacturer (id)
);

CREATE TABLE device_model (
    id              BIGINT       NOT NULL PRIMARY KEY,
    public_id       CHAR(36)     NOT NULL,
    manufacturer_id BIGINT       NOT NULL,
    name            VARCHAR(120) NOT NULL,
    model_number    VARCHAR(80),
    device_type     VARCHAR(40)  NOT NULL,
    end_of_support  DATE,
    version         INT          NOT NULL,
    created_at      ${ts}        NOT NULL,
    created_by      VARCHAR(64)  NOT NULL,
    updated_at      ${ts}        NOT NULL,
    updated_by      VARCHAR(64)  NOT NULL,
    CONSTRAINT uk_model_public_id UNIQUE (public_id),
    CONSTRAINT uk_model_name UNIQUE (manufacturer_id, name),
    CONSTRAINT fk_model_manufacturer FOREIGN KEY (manufacturer_id) REFERENCES manufacturer (id)
);

CREATE TABLE device (
    id                      BIGINT        NOT NULL PRIMARY KEY,
    asset_tag               VARCHAR(40)   NOT NULL,
    serial_number           VARCHAR(80),
    model_id                BIGINT        NOT NULL,
    udi_di                  VARCHAR(40),
    software_version        VARCHAR(80),
    os_name                 VARCHAR(80),
    os_version              VARCHAR(40),
    department_id           BIGINT        NOT NULL,
    location_id             BIGINT,
    status                  VARCHAR(20)   NOT NULL,
    criticality             VARCHAR(30)   NOT NULL,
    stores_phi              BOOLEAN       NOT NULL,
    hostname                VARCHAR(120),
    ip_address              VARCHAR(45),
    mac_address             VARCHAR(17),
    network_segment         VARCHAR(60),
    connectivity            VARCHAR(30)   NOT NULL,
    install_date            DATE,
    warranty_end            DATE,
    end_of_support_override DATE,
    end_of_support          DATE,
    planned_replacement     DATE,
    custodian               VARCHAR(120),
    notes                   VARCHAR(2000),
    version                 INT           NOT NULL,
    created_at              ${ts}         NOT NULL,
    created_by              VARCHAR(64)   NOT NULL,
    updated_at              ${ts}         NOT NULL,
    updated_by              VARCHAR(64)   NOT NULL,
    CONSTRAINT uk_device_asset_tag UNIQUE (asset_tag),
    CONSTRAINT fk_device_model FOREIGN KEY (model_id) REFERENCES device_model (id),
    CONSTRAINT fk_device_department FOREIGN KEY (department_id) REFERENCES department (id),
    CONSTRAINT fk_device_location FOREIGN KEY (location_id) REFERENCES location (id)
);
CREATE INDEX ix_device_department ON device (department_id, asset_tag);
CREATE INDEX ix_device_model ON device (model_id, asset_tag);
CREATE INDEX ix_device_status ON device (status, asset_tag);
CREATE INDEX ix_device_eos ON device (end_of_support, asset_tag);
CREATE INDEX ix_device_criticality ON device (criticality, asset_tag);
CREATE INDEX ix_device_install ON device (install_date);

-- Search keys: lower-cased asset tag, serial, hostname, IP, MAC and their parts, matched by prefix
CREATE TABLE device_search_token (
    device_id BIGINT      NOT NULL,
    token     VARCHAR(120) NOT NULL,
    CONSTRAINT pk_device_search_token PRIMARY KEY (device_id, token),
    CONSTRAINT fk_token_device FOREIGN KEY (device_id) REFERENCES device (id) ON DELETE CASCADE
);
CREATE INDEX ix_device_search_token ON device_search_token (token, device_id);

CREATE TABLE device_event (
    id          BIGINT        NOT NULL PRIMARY KEY,
    device_id   BIGINT        NOT NULL,
    event_type  VARCHAR(30)   NOT NULL,
    occurred_at ${ts}         NOT NULL,
    recorded_by VARCHAR(64)   NOT NULL,
    from_value  VARCHAR(200),
    to_value    VARCHAR(200),
    comment     VARCHAR(1000),
    CONSTRAINT fk_event_device FOREIGN KEY (device_id) REFERENCES device (id) ON DELETE CASCADE
);
CREATE INDEX ix_device_event_device ON device_event (device_id, occurred_at);

CREATE TABLE app_user (
    id            BIGINT       NOT NULL PRIMARY KEY,
    username      VARCHAR(64)  NOT NULL,
    display_name  VARCHAR(120) NOT NULL,
    email         VARCHAR(254),
    password_hash VARCHAR(255) NOT NULL,
    enabled       BOOLEAN      NOT NULL,
    last_login_at ${ts},
    version       INT          NOT NULL,
    created_at    ${ts}        NOT NULL,
    created_by    VARCHAR(64)  NOT NULL,
    updated_at    ${ts}        NOT NULL,
    updated_by    VARCHAR(64)  NOT NULL,
    CONSTRAINT uk_app_user_username UNIQUE (username)
);

CREATE TABLE app_user_role (
    user_id BIGINT      NOT NULL,
    role    VARCHAR(30) NOT NULL,
    CONSTRAINT pk_app_user_role PRIMARY KEY (user_id, role),
    CONSTRAINT fk_role_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE
);

CREATE TABLE app_user_department (
    user_id       BIGINT NOT NULL,
    department_id BIGINT NOT NULL,
    CONSTRAINT pk_app_user_department PRIMARY KEY (user_id, department_id),
    CONSTRAINT fk_user_dept_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
    CONSTRAINT fk_user_dept_department FOREIGN KEY (department_id) REFERENCES department (id)
);

CREATE TABLE audit_entry (
    id          BIGINT       NOT NULL PRIMARY KEY,
    occurred_at ${ts}        NOT NULL,
    actor       VARCHAR(64)  NOT NULL,
    entity_type VARCHAR(40)  NOT NULL,
    entity_key  VARCHAR(80)  NOT NULL,
    action      VARCHAR(20)  NOT NULL,
    changes     ${text},
    reason      VARCHAR(500)
);
CREATE INDEX ix_audit_entity ON audit_entry (entity_type, entity_key, occurred_at);
CREATE INDEX ix_audit_time ON audit_entry (occurred_at);
