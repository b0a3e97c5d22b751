-- Optional SSO through elytron-oidc-client (issue 7, ADR 0018).

-- The identity provider's account a PatchCare user is linked to: issuer + subject (the ID token's iss and sub), set
-- when an SSO login provisioned the user. Both empty for local accounts.
ALTER TABLE app_user ADD COLUMN sso_issuer VARCHAR(255);
ALTER TABLE app_user ADD COLUMN sso_subject VARCHAR(255);
CREATE UNIQUE INDEX uk_app_user_sso ON app_user (sso_issuer, sso_subject);

-- A login ticket: written by the SSO companion WAR (/sso) after the identity provider authenticated someone, consumed
-- (deleted) once by GET /login/sso of the application within 60 seconds. Only the SHA-256 of the secret is kept; the
-- secret itself travels in a cookie. Times as epoch milliseconds: written by plain JDBC, read by JPA, no time zones.
CREATE TABLE sso_login_ticket (
    secret_hash    CHAR(64)      NOT NULL PRIMARY KEY,
    issuer         VARCHAR(255)  NOT NULL,
    subject        VARCHAR(255)  NOT NULL,
    username       VARCHAR(255),
    email          VARCHAR(254),
    display_name   VARCHAR(255),
    claim_values   VARCHAR(4000) NOT NULL,
    created_at_ms  BIGINT        NOT NULL,
    expires_at_ms  BIGINT        NOT NULL
);
CREATE INDEX ix_sso_login_ticket_expiry ON sso_login_ticket (expires_at_ms);
