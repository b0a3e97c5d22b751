package org.patchcare.advisories.application;

import jakarta.annotation.Resource;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.SessionContext;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.patchcare.advisories.application.AdvisoryViews.ImportOutcome;
import org.patchcare.advisories.application.AdvisoryViews.ImportResult;
import org.patchcare.advisories.application.feed.CsafFeedClient;
import org.patchcare.advisories.application.feed.FeedCursor;
import org.patchcare.advisories.application.feed.FeedPoll;
import org.patchcare.advisories.application.feed.FeedPollListener;
import org.patchcare.advisories.application.feed.FeedUnavailableException;
import org.patchcare.advisories.application.feed.FetchProblem;
import org.patchcare.advisories.application.feed.FetchedDocument;
import org.patchcare.advisories.domain.AdvisoryOrigin;
import org.patchcare.advisories.domain.CsafFeed;
import org.patchcare.audit.application.AuditService;
import org.patchcare.audit.application.Snapshot;
import org.patchcare.shared.domain.InvalidInputException;
import org.patchcare.shared.domain.NotFoundException;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.security.CurrentUser;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * Advisories from CSAF providers and from a folder. A poll imports each new or changed document in its own
 * transaction (a rejected document is reported, not retried), then stores the feed's cursor, so a poll cut short is
 * resumed by the next one. IT security and administrators manage feeds and poll; the scheduled job runs as
 * administrator ({@link AdvisoryFeedJob}).
 */
@Stateless
@RolesAllowed({Roles.IT_SECURITY, Roles.ADMIN})
public class AdvisoryFeedService {

    private static final CsafFeedClient CLIENT = new CsafFeedClient(
            CsafFeedClient.defaultHttpClient(Duration.ofSeconds(10)), CsafFeedClient.Settings.defaults());

    @PersistenceContext
    EntityManager em;
    @Inject
    AdvisoryService advisories;
    @Inject
    AuditService audit;
    @Inject
    CurrentUser currentUser;
    @Inject
    Clock clock;
    @Resource
    SessionContext context;

    /** A configured feed and how its last poll went. */
    public record FeedView(String url, boolean enabled, Instant lastPollAt, String lastStatus, String lastSummary) {
    }

    /** What one poll (or folder run) did. */
    public record PollReport(String source, String status, int listed, int created, int revised, int unchanged,
                             int rejected, int affectedDevices, List<String> problems) {
        public String summary() {
            return String.format(Locale.ROOT, "%d listed, %d new, %d revised, %d unchanged, %d rejected%s",
                    listed, created, revised, unchanged, rejected, problems.isEmpty() ? "" : "; " + problems.size()
                            + " problem(s), first: " + problems.getFirst());
        }
    }

    public List<FeedView> feeds() {
        return em.createQuery("select f from CsafFeed f order by f.url", CsafFeed.class).getResultStream()
                .map(f -> new FeedView(f.getUrl(), f.isEnabled(), f.getLastPollAt(), f.getLastStatus(), f.getLastSummary()))
                .toList();
    }

    /** Adds a feed (a ROLIE feed, changes.csv or index.txt URL); adding a known one changes nothing. */
    public FeedView addFeed(String url) {
        String u = checkedUrl(url);
        CsafFeed f = find(u);
        if (f == null) {
            f = new CsafFeed(u);
            f.touch(currentUser.username(), clock.instant());
            em.persist(f);
            audit.created("CsafFeed", u, Snapshot.empty().with("url", u));
        }
        return new FeedView(f.getUrl(), f.isEnabled(), f.getLastPollAt(), f.getLastStatus(), f.getLastSummary());
    }

    public void removeFeed(String url) {
        CsafFeed f = find(url == null ? "" : url.strip());
        if (f == null) {
            throw new NotFoundException("Feed", url);
        }
        em.remove(f);
        audit.deleted("CsafFeed", f.getUrl(), Snapshot.empty().with("url", f.getUrl()), null);
    }

    static String checkedUrl(String url) {
        if (url == null || url.isBlank()) {
            throw new InvalidInputException("url", "Give the feed's address (a ROLIE feed, changes.csv or index.txt).");
        }
        String u = url.strip();
        if (u.length() > CsafFeed.URL_MAX) {
            throw new InvalidInputException("url", "The address is longer than " + CsafFeed.URL_MAX + " characters.");
        }
        try {
            URI uri = new URI(u);
            if (!"https".equalsIgnoreCase(uri.getScheme()) && !"http".equalsIgnoreCase(uri.getScheme())
                    || uri.getHost() == null) {
                throw new InvalidInputException("url", "Use an http(s) address, e.g. https://example.org/csaf/changes.csv.");
            }
        } catch (URISyntaxException e) {
            throw new InvalidInputException("url", "This is not a web address: " + e.getReason() + ".");
        }
        return u;
    }

    private CsafFeed find(String url) {
        return em.createQuery("select f from CsafFeed f where f.urlHash = :h", CsafFeed.class)
                .setParameter("h", CsafFeed.hash(url)).getResultStream().findFirst().orElse(null);
    }

    /** Polls every enabled feed now. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public List<PollReport> pollAll(FeedPollListener listener) {
        List<PollReport> reports = new ArrayList<>();
        for (FeedView f : self().feeds()) {
            if (f.enabled()) {
                reports.add(self().poll(f.url(), listener));
            }
        }
        return reports;
    }

    /**
     * Polls one feed: fetches what changed since the last poll, imports each document (own transaction), then stores
     * the new cursor and the outcome.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public PollReport poll(String url, FeedPollListener listener) {
        CsafFeed feed = find(url == null ? "" : url.strip());
        if (feed == null) {
            throw new NotFoundException("Feed", url);
        }
        FeedPoll poll;
        try {
            poll = CLIENT.poll(URI.create(feed.getUrl()), FeedCursor.parse(feed.getCursor()),
                    listener == null ? FeedPollListener.NONE : listener);
        } catch (FeedUnavailableException e) {
            PollReport r = new PollReport(feed.getUrl(), "UNAVAILABLE", 0, 0, 0, 0, 0, 0, List.of(e.getMessage()));
            self().recordPoll(feed.getUrl(), r, null);
            return r;
        }
        Counter c = new Counter();
        for (FetchedDocument d : poll.documents()) {
            c.add(d.url().toString(), d.body(), AdvisoryOrigin.FEED);
        }
        poll.problems().stream().map(FetchProblem::text).forEach(c.problems::add);
        String status = poll.notModified() ? "NOT_MODIFIED" : c.rejected > 0 || !poll.problems().isEmpty() ? "PROBLEMS" : "OK";
        PollReport r = c.report(feed.getUrl(), status, poll.listed());
        self().recordPoll(feed.getUrl(), r, poll.cursor().asString());
        return r;
    }

    /** Stores a poll's outcome and cursor (own transaction, after the imports committed). */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void recordPoll(String url, PollReport report, String cursor) {
        CsafFeed feed = find(url);
        if (feed != null) {
            feed.polled(clock.instant(), report.status(), report.summary(), cursor);
            audit.event("CsafFeed", url, "polled", report.summary());
        }
    }

    /**
     * Imports every {@code *.json} file of a folder; each file is moved to {@code imported/} or {@code rejected/} once
     * its import committed or failed (with a {@code .txt} beside a rejected file saying why), so a run cut short
     * resumes with the files left.
     */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public PollReport importFolder(Path folder) {
        if (folder == null || !Files.isDirectory(folder)) {
            throw new InvalidInputException("folder", "The advisory folder " + folder + " does not exist.");
        }
        FOLDER_LOCK.lock(); // the job and an "import now" must not take the same file twice
        try {
            return importFolderLocked(folder);
        } finally {
            FOLDER_LOCK.unlock();
        }
    }

    /** The configured import folder (PATCHCARE_CSAF_FOLDER), imported now. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public PollReport importConfiguredFolder() {
        String folder = System.getenv("PATCHCARE_CSAF_FOLDER");
        if (folder == null || folder.isBlank()) {
            throw new InvalidInputException("folder", "No import folder is configured (PATCHCARE_CSAF_FOLDER).");
        }
        Path dir = Path.of(folder.strip());
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new InvalidInputException("folder", "The import folder " + dir + " cannot be created: " + e.getMessage());
        }
        return self().importFolder(dir);
    }

    private static final java.util.concurrent.locks.ReentrantLock FOLDER_LOCK = new java.util.concurrent.locks.ReentrantLock();

    private PollReport importFolderLocked(Path folder) {
        Counter c = new Counter();
        List<Path> files;
        try (Stream<Path> s = Files.list(folder)) {
            files = s.filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".json"))
                    .filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new InvalidInputException("folder", "The advisory folder cannot be read: " + e.getMessage());
        }
        for (Path file : files) {
            byte[] body;
            try {
                body = Files.readAllBytes(file);
            } catch (IOException e) {
                c.problems.add(file.getFileName() + ": cannot be read: " + e.getMessage());
                continue;
            }
            boolean ok = c.add(file.getFileName().toString(), body, AdvisoryOrigin.FOLDER);
            move(file, folder.resolve(ok ? "imported" : "rejected"), ok ? null : c.problems.getLast());
        }
        return c.report(folder.toString(), c.rejected > 0 ? "PROBLEMS" : "OK", files.size());
    }

    private static void move(Path file, Path dir, String why) {
        try {
            Files.createDirectories(dir);
            Files.move(file, dir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            if (why != null) {
                Files.writeString(dir.resolve(file.getFileName() + ".txt"), why + System.lineSeparator());
            }
        } catch (IOException e) {
            throw new IllegalStateException("Could not move " + file + " to " + dir + ": " + e.getMessage(), e);
        }
    }

    private final class Counter {
        int created;
        int revised;
        int unchanged;
        int rejected;
        int affected;
        final List<String> problems = new ArrayList<>();

        /** Imports one document in its own transaction; false when it was rejected. */
        boolean add(String name, byte[] body, AdvisoryOrigin origin) {
            try {
                ImportResult r = advisories.importDocument(body, origin, name);
                switch (r.outcome()) {
                    case CREATED -> created++;
                    case REVISED, OLDER_REVISION -> revised++;
                    case UNCHANGED -> unchanged++;
                }
                affected += r.outcome() == ImportOutcome.UNCHANGED ? 0 : r.affectedDevices();
                return true;
            } catch (InvalidInputException e) {
                rejected++;
                problems.add(name + " rejected: " + e.violations().size() + " problem(s), first: "
                        + (e.violations().isEmpty() ? "" : e.violations().getFirst().field() + " ["
                        + e.violations().getFirst().code() + "] " + e.violations().getFirst().message()));
                return false;
            }
        }

        PollReport report(String source, String status, int listed) {
            return new PollReport(source, status, listed, created, revised, unchanged, rejected, affected,
                    List.copyOf(problems));
        }
    }

    private AdvisoryFeedService self() {
        return context.getBusinessObject(AdvisoryFeedService.class);
    }
}
