package org.patchcare.advisories.application;

import jakarta.annotation.security.RunAs;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptors;
import org.patchcare.advisories.application.AdvisoryFeedService.FeedView;
import org.patchcare.advisories.application.AdvisoryFeedService.PollReport;
import org.patchcare.advisories.application.ThreatFeedViews.Feed;
import org.patchcare.shared.domain.ConflictException;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.jobs.JobFirings;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The scheduled side of advisory intake, configured by environment variables (docs/csaf-feeds.md):
 * <ul>
 *   <li>{@code PATCHCARE_CSAF_FEEDS}: feed URLs added to the feed list at the first tick; every enabled feed is polled
 *       every {@code PATCHCARE_CSAF_FEED_INTERVAL} minutes (default 60);</li>
 *   <li>{@code PATCHCARE_CSAF_FOLDER}: a folder whose {@code *.json} files are imported every minute;</li>
 *   <li>{@code PATCHCARE_KEV_URL}, {@code PATCHCARE_EPSS_URL}: the KEV catalogue and the EPSS daily file, fetched every
 *       {@code PATCHCARE_THREAT_FEED_INTERVAL} hours (default 24).</li>
 * </ul>
 * Runs as administrator; the audit trail names the job's work as "system".
 */
@Singleton
@Interceptors(JobFirings.class)
@RunAs(Roles.ADMIN)
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class AdvisoryFeedJob {

    private static final Logger LOG = Logger.getLogger(AdvisoryFeedJob.class.getName());
    private static final ThreatFeedDownload DOWNLOAD = new ThreatFeedDownload(Duration.ofMinutes(5), 200L * 1024 * 1024);
    private final AtomicBoolean running = new AtomicBoolean();
    private final Map<String, Instant> threatFeedsFetched = new HashMap<>();
    private boolean seeded;

    @Inject
    AdvisoryFeedService feeds;
    @Inject
    ThreatFeedService threatFeeds;

    @Schedule(hour = "*", minute = "*", second = "17", persistent = true, info = "advisory feeds, folder, KEV/EPSS")
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void tick() {
        if (!running.compareAndSet(false, true)) {
            return; // the previous tick is still working
        }
        try {
            seed();
            pollDueFeeds();
            importFolder();
            fetchThreatFeed(Feed.KEV, System.getenv("PATCHCARE_KEV_URL"));
            fetchThreatFeed(Feed.EPSS, System.getenv("PATCHCARE_EPSS_URL"));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "Scheduled advisory intake failed; it runs again in a minute", e);
        } finally {
            running.set(false);
        }
    }

    private void seed() {
        if (seeded) {
            return;
        }
        String configured = System.getenv("PATCHCARE_CSAF_FEEDS");
        if (configured != null) {
            Arrays.stream(configured.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(feeds::addFeed);
        }
        seeded = true;
    }

    private void pollDueFeeds() {
        long minutes = number("PATCHCARE_CSAF_FEED_INTERVAL", 60);
        Instant now = Instant.now();
        for (FeedView f : feeds.feeds()) {
            if (f.enabled() && (f.lastPollAt() == null || f.lastPollAt().plus(Duration.ofMinutes(minutes)).isBefore(now))) {
                PollReport r = feeds.poll(f.url(), null);
                LOG.info("CSAF feed " + f.url() + ": " + r.summary());
            }
        }
    }

    private void importFolder() {
        String folder = System.getenv("PATCHCARE_CSAF_FOLDER");
        if (folder == null || folder.isBlank()) {
            return;
        }
        Path dir = Path.of(folder.strip());
        try (var files = Files.list(dir)) {
            if (files.noneMatch(p -> p.getFileName().toString().endsWith(".json"))) {
                return;
            }
        } catch (IOException e) {
            LOG.warning("The advisory folder " + dir + " cannot be read: " + e.getMessage());
            return;
        }
        PollReport r = feeds.importFolder(dir);
        LOG.info("Advisory folder " + dir + ": " + r.summary());
    }

    private void fetchThreatFeed(Feed feed, String url) {
        if (url == null || url.isBlank()) {
            return;
        }
        long hours = number("PATCHCARE_THREAT_FEED_INTERVAL", 24);
        Instant last = threatFeedsFetched.get(url);
        if (last != null && last.plus(Duration.ofHours(hours)).isAfter(Instant.now())) {
            return;
        }
        threatFeedsFetched.put(url, Instant.now());
        try (InputStream in = DOWNLOAD.open(url)) {
            var result = feed == Feed.KEV ? threatFeeds.importKev(in) : threatFeeds.importEpss(in, null);
            LOG.info(feed + " from " + url + ": " + result.summary());
        } catch (ConflictException e) {
            LOG.info(feed + " from " + url + ": " + e.getMessage());
        } catch (IOException e) {
            LOG.warning(feed + ": " + e.getMessage() + " Tried again in " + hours + " h.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static long number(String env, long fallback) {
        String v = System.getenv(env);
        try {
            return v == null || v.isBlank() ? fallback : Math.max(1, Long.parseLong(v.strip()));
        } catch (NumberFormatException e) {
            LOG.warning(env + "=" + v + " is not a number; using " + fallback);
            return fallback;
        }
    }
}
