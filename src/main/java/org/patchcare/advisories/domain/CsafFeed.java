package org.patchcare.advisories.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.patchcare.shared.domain.BaseEntity;
import org.patchcare.shared.domain.Digests;
import org.patchcare.shared.domain.Texts;

import java.time.Instant;

/** A CSAF provider feed PatchCare polls, and what it remembers between polls (the feed client's cursor). */
@Entity
@Table(name = "csaf_feed")
public class CsafFeed extends BaseEntity {

    public static final int URL_MAX = 1000;

    @Column(nullable = false, updatable = false, length = URL_MAX)
    private String url;
    @Column(name = "url_hash", nullable = false, updatable = false, length = 64)
    private String urlHash;
    @Column(nullable = false)
    private boolean enabled = true;
    @Column(name = "feed_cursor", length = 2000)
    private String cursor;
    @Column(name = "last_poll_at")
    private Instant lastPollAt;
    @Column(name = "last_status", length = 20)
    private String lastStatus;
    @Column(name = "last_summary", length = 4000)
    private String lastSummary;

    protected CsafFeed() {
    }

    public CsafFeed(String url) {
        this.url = url;
        this.urlHash = hash(url);
    }

    public static String hash(String url) {
        return Digests.sha256Hex(url);
    }

    public void polled(Instant at, String status, String summary, String newCursor) {
        this.lastPollAt = at;
        this.lastStatus = status;
        this.lastSummary = Texts.cut(summary, 4000);
        if (newCursor != null) {
            this.cursor = newCursor;
        }
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    public String getUrl() { return url; }
    public boolean isEnabled() { return enabled; }
    public String getCursor() { return cursor; }
    public Instant getLastPollAt() { return lastPollAt; }
    public String getLastStatus() { return lastStatus; }
    public String getLastSummary() { return lastSummary; }
}
