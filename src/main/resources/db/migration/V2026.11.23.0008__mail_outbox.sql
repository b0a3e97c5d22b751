-- Mail outbox (ADR 11): every notification for a user with an e-mail address, written in the notifying change's own
-- transaction while mail is enabled, and sent afterwards by MailJob. A row is claimed by moving next_attempt_at ahead
-- (a lease), then marked SENT or, after a failure, given a later next_attempt_at (back-off) or FAILED for good.
CREATE TABLE mail_outbox (
    id              BIGINT        NOT NULL PRIMARY KEY,
    recipient       VARCHAR(64)   NOT NULL,
    to_address      VARCHAR(254)  NOT NULL,
    subject         VARCHAR(300)  NOT NULL,
    body            VARCHAR(2000) NOT NULL,
    link            VARCHAR(300),
    created_at      ${ts}         NOT NULL,
    -- PENDING (to be sent, also while claimed), SENT, FAILED (gave up after the last attempt)
    status          VARCHAR(10)   NOT NULL,
    attempts        INT           NOT NULL,
    next_attempt_at ${ts}         NOT NULL,
    last_error      VARCHAR(1000),
    sent_at         ${ts}
);
CREATE INDEX ix_mail_outbox_due ON mail_outbox (status, next_attempt_at);
