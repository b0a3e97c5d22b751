-- CSAF provider feeds PatchCare polls (ROLIE feed, changes.csv or index.txt), with what it remembers between polls.
CREATE TABLE csaf_feed (
    id            BIGINT        NOT NULL PRIMARY KEY,
    version       INT           NOT NULL,
    url           VARCHAR(1000) NOT NULL,
    url_hash      CHAR(64)      NOT NULL,
    enabled       BOOLEAN       NOT NULL,
    feed_cursor   VARCHAR(2000),
    last_poll_at  ${ts},
    last_status   VARCHAR(20),
    last_summary  VARCHAR(4000),
    created_at    ${ts}         NOT NULL,
    created_by    VARCHAR(64)   NOT NULL,
    updated_at    ${ts}         NOT NULL,
    updated_by    VARCHAR(64)   NOT NULL,
    CONSTRAINT uk_csaf_feed_url UNIQUE (url_hash)
);
