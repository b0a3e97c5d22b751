-- Identity hardening (issue 7): API tokens for machine clients, login protection (lockout with back-off), forced
-- password change after an administrator's reset. See docs/adr/0017-api-tokens-and-login-protection.md.

ALTER TABLE app_user ADD COLUMN must_change_password BOOLEAN DEFAULT FALSE NOT NULL;
ALTER TABLE app_user ADD COLUMN password_changed_at ${ts};

-- A machine client's credential. Only the SHA-256 of the secret is kept; the prefix identifies it in lists and logs.
CREATE TABLE api_token (
    id           BIGINT       NOT NULL PRIMARY KEY,
    public_id    CHAR(36)     NOT NULL,
    name         VARCHAR(80)  NOT NULL,
    prefix       VARCHAR(16)  NOT NULL,
    secret_hash  CHAR(64)     NOT NULL,
    roles        VARCHAR(200) NOT NULL,
    expires_at   ${ts}        NOT NULL,
    revoked_at   ${ts},
    revoked_by   VARCHAR(64),
    last_used_at ${ts},
    last_used_ip VARCHAR(45),
    version      INT          NOT NULL,
    created_at   ${ts}        NOT NULL,
    created_by   VARCHAR(64)  NOT NULL,
    updated_at   ${ts}        NOT NULL,
    updated_by   VARCHAR(64)  NOT NULL,
    CONSTRAINT uk_api_token_public_id UNIQUE (public_id),
    CONSTRAINT uk_api_token_name UNIQUE (name),
    CONSTRAINT uk_api_token_secret UNIQUE (secret_hash)
);

-- Failed logins per user name ('user:<name>') and per client address ('ip:<address>'), shared by all nodes.
CREATE TABLE login_attempt (
    attempt_key     VARCHAR(100) NOT NULL PRIMARY KEY,
    failures        INT          NOT NULL,
    lockouts        INT          NOT NULL,
    locked_until    ${ts},
    last_failure_at ${ts}        NOT NULL
);
