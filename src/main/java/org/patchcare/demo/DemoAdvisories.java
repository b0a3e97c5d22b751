package org.patchcare.demo;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.RunAs;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import org.patchcare.advisories.application.AdvisoryService;
import org.patchcare.advisories.application.AdvisoryViews;
import org.patchcare.advisories.application.ThreatFeedService;
import org.patchcare.advisories.domain.AdvisoryOrigin;
import org.patchcare.shared.domain.Roles;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.logging.Logger;

/**
 * For the demo only ({@code PATCHCARE_DEMO_ADVISORIES=true}, set by {@code ./mvnw -Prun}): a few seconds after start,
 * an empty advisory table gets six real CISA advisories about devices the demo hospital owns and CISA's KEV catalogue,
 * imported as IT security would (validation, matching, SSVC decisions), so the security and risk screens have content.
 * The integration tests do not set it: they import what they need themselves. Then, with
 * {@code PATCHCARE_DEMO_HISTORY=true}, {@link DemoHistory} writes a past year of work (once).
 */
@Singleton
@Startup
@DependsOn("Bootstrap")
@RunAs(Roles.IT_SECURITY)
public class DemoAdvisories {

    private static final Logger LOG = Logger.getLogger(DemoAdvisories.class.getName());

    @Resource
    TimerService timers;
    @Inject
    AdvisoryService advisories;
    @Inject
    ThreatFeedService threatFeeds;
    @Inject
    DemoHistory history;

    @PostConstruct
    void schedule() {
        if (Boolean.parseBoolean(System.getenv().getOrDefault("PATCHCARE_DEMO_ADVISORIES", "false"))
                || historyEnabled()) {
            timers.createSingleActionTimer(3_000, new TimerConfig("demo advisories", false));
        }
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void load() {
        if (Boolean.parseBoolean(System.getenv().getOrDefault("PATCHCARE_DEMO_ADVISORIES", "false"))
                && advisories.count(AdvisoryViews.AdvisoryFilter.none()) == 0) {
            importAdvisories();
        }
        if (historyEnabled()) { // after the real advisories are matched: the history is written beside them
            long firstId = history.reserveIds();
            if (firstId > 0) {
                history.load(firstId);
            }
        }
    }

    private void importAdvisories() {
        long t0 = System.nanoTime();
        for (String name : resource("csaf/index.txt").lines().filter(l -> !l.isBlank()).toList()) {
            advisories.importDocument(bytes("csaf/" + name.strip()), AdvisoryOrigin.FOLDER, "demo/" + name.strip());
        }
        try (InputStream kev = stream("known_exploited_vulnerabilities.json")) {
            threatFeeds.importKev(kev);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        LOG.info(() -> "Demo advisories and the KEV catalogue loaded in " + (System.nanoTime() - t0) / 1_000_000 + " ms");
    }

    private static boolean historyEnabled() {
        return Boolean.parseBoolean(System.getenv().getOrDefault("PATCHCARE_DEMO_HISTORY", "false"));
    }

    private static String resource(String name) {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String name) {
        try (InputStream in = stream(name)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream stream(String name) {
        InputStream in = DemoAdvisories.class.getResourceAsStream("/demo/" + name);
        if (in == null) {
            throw new IllegalStateException("demo resource missing: /demo/" + name);
        }
        return in;
    }
}
