package org.patchcare.advisories.application;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.patchcare.advisories.domain.Advisory;
import org.patchcare.advisories.domain.Exposure;
import org.patchcare.advisories.domain.ExposureEvent;
import org.patchcare.advisories.domain.ExposureState;
import org.patchcare.advisories.domain.MatchReview;
import org.patchcare.advisories.domain.ProductEntry;
import org.patchcare.advisories.domain.ProductStatus;
import org.patchcare.advisories.domain.Vulnerability;
import org.patchcare.advisories.application.InventoryModels.DeviceRow;
import org.patchcare.advisories.application.InventoryModels.ModelRow;
import org.patchcare.advisories.application.ModelJudge.Verdict;
import org.patchcare.audit.application.AuditService;
import org.patchcare.shared.domain.Digests;
import org.patchcare.audit.application.Snapshot;
import org.patchcare.shared.security.CurrentUser;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;

/**
 * Turns an advisory's products into exposures of the inventory's devices. Runs inside the caller's transaction
 * (advisory import, review decision, the re-match job), so an import and its exposures are stored together or not at
 * all. Certain matches become exposures (affected, or under investigation where the vendor says so); likely ones go to
 * the review queue unless IT already decided for that model and product; a device whose software is outside the
 * affected range moves an open exposure to fixed.
 */
@Dependent
public class ExposureMatcher {

    private static final Logger LOG = Logger.getLogger(ExposureMatcher.class.getName());
    private static final Set<String> AFFECTED_LISTS = Set.of("known_affected", "first_affected", "last_affected");
    private static final Set<String> FIXED_LISTS = Set.of("fixed", "first_fixed");
    static final String MATCHING = "matching";

    @PersistenceContext
    EntityManager em;
    @Inject
    InventoryModels inventory;
    @Inject
    org.patchcare.shared.metrics.AppMetrics metrics;
    @Inject
    AuditService audit;
    @Inject
    CurrentUser currentUser;
    @Inject
    Clock clock;
    @Inject
    jakarta.enterprise.event.Event<AdvisoryMatched> matched;
    @Inject
    jakarta.enterprise.event.Event<ExposureStateChanged> stateChanged;

    /** What matching left behind for one advisory. */
    public record Outcome(int affectedDevices, int openExposures, int pendingReviews, int created, int fixed) {
    }

    /** What the advisory says of a product for each CVE: the exposure state it implies, or null. */
    record Impact(String cve, ExposureState state) {
    }

    private record Wanted(long deviceId, String cve, ExposureState state, String product, String certainty,
                          String reason) {
    }

    public Outcome matchAdvisory(Advisory advisory) {
        return match(advisory, null, new ModelJudge(inventory.models()), inventory.decisions());
    }

    /**
     * Re-evaluates only the given devices (after a device was added or its model or software changed) against each
     * advisory; the inventory's models and IT's decisions are read once for all of them.
     *
     * @return the summed number of exposures created and moved to fixed
     */
    public Outcome matchDevices(List<Advisory> advisories, Set<Long> deviceIds) {
        ModelJudge judge = new ModelJudge(inventory.models());
        Map<String, Decision> decisions = inventory.decisions();
        int created = 0;
        int fixed = 0;
        for (Advisory a : advisories) {
            Outcome o = match(a, deviceIds, judge, decisions);
            created += o.created();
            fixed += o.fixed();
        }
        return new Outcome(0, 0, 0, created, fixed);
    }

    private Outcome match(Advisory advisory, Set<Long> onlyDevices, ModelJudge judge, Map<String, Decision> decisions) {
        long started = System.nanoTime();

        Map<ProductEntry, List<Impact>> impacts = impacts(advisory);
        Map<Long, List<Verdict>> byModel = new HashMap<>();
        Map<ProductEntry, List<Verdict>> byProduct = new LinkedHashMap<>();
        for (ProductEntry p : impacts.keySet()) {
            List<Verdict> candidates = judge.candidates(p, advisory.getProducts());
            byProduct.put(p, candidates);
            for (Verdict v : candidates) {
                byModel.computeIfAbsent(v.model().id(), k -> new ArrayList<>()).add(v);
            }
        }
        Map<Long, List<DeviceRow>> devices = inventory.devicesOf(byModel.keySet(), onlyDevices);

        Map<String, Wanted> wanted = new LinkedHashMap<>();
        Map<String, ReviewWanted> reviews = new LinkedHashMap<>();
        for (Map.Entry<ProductEntry, List<Verdict>> e : byProduct.entrySet()) {
            ProductEntry product = e.getKey();
            String key = productKey(product);
            for (Verdict candidate : e.getValue()) {
                List<DeviceRow> rows = devices.getOrDefault(candidate.model().id(), List.of());
                if (rows.isEmpty()) {
                    continue;
                }
                Map<String, List<DeviceRow>> byVersion = new LinkedHashMap<>();
                for (DeviceRow d : rows) {
                    byVersion.computeIfAbsent(d.softwareVersion() == null ? "" : d.softwareVersion(),
                            k -> new ArrayList<>()).add(d);
                }
                Decision decision = decisions.get(candidate.model().id() + "|" + key);
                for (Map.Entry<String, List<DeviceRow>> group : byVersion.entrySet()) {
                    Verdict v = judge.judge(product, candidate.model(), group.getKey().isEmpty() ? null : group.getKey());
                    ModelJudge.Kind kind = v.kind();
                    if (kind == ModelJudge.Kind.LIKELY && decision != null) {
                        kind = decision.confirmed() ? ModelJudge.Kind.CERTAIN : ModelJudge.Kind.NONE;
                    }
                    switch (kind) {
                        case CERTAIN -> {
                            String certainty = v.kind() == ModelJudge.Kind.CERTAIN ? "CERTAIN" : "CONFIRMED";
                            String reason = v.kind() == ModelJudge.Kind.CERTAIN ? v.reason()
                                    : v.reason() + "; confirmed by " + decision.by();
                            for (Impact impact : impacts.get(product)) {
                                for (DeviceRow d : group.getValue()) {
                                    want(wanted, new Wanted(d.id(), impact.cve(), impact.state(), product.fullName(),
                                            certainty, reason));
                                }
                            }
                        }
                        case LIKELY -> reviews.computeIfAbsent(candidate.model().id() + "|" + key,
                                k -> new ReviewWanted(candidate.model(), key, product, v)).add(group.getValue().size());
                        case OUTSIDE -> {
                            for (Impact impact : impacts.get(product)) {
                                for (DeviceRow d : group.getValue()) {
                                    want(wanted, new Wanted(d.id(), impact.cve(), ExposureState.FIXED,
                                            product.fullName(), "CERTAIN", v.reason()));
                                }
                            }
                        }
                        case NONE -> {
                        }
                    }
                }
            }
        }
        int[] counts = apply(advisory, wanted, onlyDevices);
        if (onlyDevices == null) {
            em.flush();
            matched.fire(new AdvisoryMatched(advisory.getId(), advisory.getTrackingId(), advisory.getRevisionCount()));
        }
        int pending = review(advisory, reviews);
        Outcome outcome = new Outcome(affectedDevices(advisory), openExposures(advisory), pending, counts[0], counts[1]);
        metrics.histogram("patchcare_matching_duration_seconds", "Time to match one advisory against the inventory (or "
                + "against changed devices)", System.nanoTime() - started, org.patchcare.shared.metrics.AppMetrics.MATCHING_SECONDS,
                "scope", onlyDevices == null ? "advisory" : "devices");
        LOG.fine(() -> String.format(Locale.ROOT, "matched %s in %d ms: %s", advisory.getTrackingId(),
                (System.nanoTime() - started) / 1_000_000, outcome));
        return outcome;
    }

    /** A fixed verdict never hides an affected one for the same device and CVE (two products may both match). */
    private static void want(Map<String, Wanted> wanted, Wanted w) {
        String k = w.deviceId() + "|" + w.cve();
        Wanted old = wanted.get(k);
        if (old == null || old.state() == ExposureState.FIXED && w.state() != ExposureState.FIXED) {
            wanted.put(k, w);
        }
    }

    private final class ReviewWanted {
        final ModelRow model;
        final String key;
        final ProductEntry product;
        final Verdict verdict;
        int devices;

        ReviewWanted(ModelRow model, String key, ProductEntry product, Verdict verdict) {
            this.model = model;
            this.key = key;
            this.product = product;
            this.verdict = verdict;
        }

        ReviewWanted add(int n) {
            devices += n;
            return this;
        }
    }

    /** Creates and updates exposures; returns {created, moved to fixed}. */
    private int[] apply(Advisory advisory, Map<String, Wanted> wanted, Set<Long> onlyDevices) {
        Map<String, Exposure> existing = new HashMap<>();
        var q = em.createQuery("select e from Exposure e where e.advisory = :a"
                + (onlyDevices == null ? "" : " and e.deviceId in :ids"), Exposure.class).setParameter("a", advisory);
        if (onlyDevices != null) {
            if (onlyDevices.isEmpty()) {
                return new int[]{0, 0};
            }
            q.setParameter("ids", onlyDevices);
        }
        q.getResultStream().forEach(e -> existing.put(e.getDeviceId() + "|" + e.getCve(), e));
        String actor = currentUser.username() + " (" + MATCHING + ")";
        Instant now = clock.instant();
        int created = 0;
        int fixed = 0;
        for (Map.Entry<String, Wanted> entry : wanted.entrySet()) {
            Wanted w = entry.getValue();
            Exposure e = existing.get(entry.getKey());
            if (e == null) {
                if (w.state() == ExposureState.FIXED) {
                    continue; // never exposed: nothing to record
                }
                e = new Exposure(w.deviceId(), advisory, w.cve(), w.product(), w.certainty(), w.reason());
                ExposureEvent first = e.transition(w.state(), null, "Matched advisory " + advisory.getTrackingId()
                        + " revision " + advisory.getRevisionCount() + ": " + w.reason(), actor, now);
                em.persist(e);
                em.persist(first);
                created++;
            } else if (w.state() == ExposureState.FIXED && e.getState().isOpen()) {
                ExposureState from = e.getState();
                ExposureEvent ev = e.transition(ExposureState.FIXED, null,
                        "Software is now outside the affected versions: " + w.reason(), actor, now);
                em.persist(ev);
                audit.changed("Exposure", e.getPublicId(), Snapshot.empty().with("state", from),
                        Snapshot.empty().with("state", ExposureState.FIXED), ev.getReason());
                stateChanged.fire(new ExposureStateChanged(e.getId(), e.getPublicId(), from.name(),
                        ExposureState.FIXED.name()));
                fixed++;
            } else if (w.state() != ExposureState.FIXED) {
                // a state set by a person (fixed, not affected) stays; only the match details are refreshed
                e.rematched(w.product(), w.certainty(), w.reason());
            }
        }
        if (created > 0) {
            audit.event("Advisory", advisory.getTrackingId(), "matched", created + " new exposures");
        }
        return new int[]{created, fixed};
    }

    private int review(Advisory advisory, Map<String, ReviewWanted> reviews) {
        Map<String, MatchReview> existing = new HashMap<>();
        em.createQuery("select r from MatchReview r where r.advisory = :a", MatchReview.class)
                .setParameter("a", advisory).getResultStream()
                .forEach(r -> existing.put(r.getModelId() + "|" + r.getProductKey(), r));
        String actor = currentUser.username() + " (" + MATCHING + ")";
        Instant now = clock.instant();
        for (ReviewWanted w : reviews.values()) {
            MatchReview r = existing.get(w.model.id() + "|" + w.key);
            if (r == null) {
                r = new MatchReview(advisory, w.model.id(), w.key, w.product.fullName(), w.verdict.score(),
                        w.verdict.reason(), w.devices);
                r.touch(actor, now);
                em.persist(r);
            } else if (r.getStatus() == MatchReview.Status.PENDING) {
                r.update(w.product.fullName(), w.verdict.score(), w.verdict.reason(), w.devices);
            }
        }
        return pendingReviews(advisory);
    }

    /** Which CVEs a product is affected by (or fixed in), from the vulnerabilities' product status lists. */
    static Map<ProductEntry, List<Impact>> impacts(Advisory advisory) {
        Map<ProductEntry, List<Impact>> result = new LinkedHashMap<>();
        for (ProductEntry p : advisory.getProducts()) {
            List<Impact> list = new ArrayList<>();
            for (Vulnerability v : advisory.getVulnerabilities()) {
                String cve = v.getCve() != null ? v.getCve() : "VULN-" + (v.getPosition() + 1);
                Set<String> statuses = new LinkedHashSet<>();
                for (ProductStatus s : v.getProductStatus()) {
                    if (s.productId().equals(p.productId())) {
                        statuses.add(s.status());
                    }
                }
                if (v.getProductStatus().isEmpty() || statuses.stream().anyMatch(AFFECTED_LISTS::contains)) {
                    list.add(new Impact(cve, ExposureState.AFFECTED));
                } else if (statuses.contains("under_investigation")) {
                    list.add(new Impact(cve, ExposureState.UNDER_INVESTIGATION));
                } else if (statuses.stream().anyMatch(FIXED_LISTS::contains)) {
                    list.add(new Impact(cve, ExposureState.FIXED));
                }
            }
            if (!list.isEmpty()) {
                result.put(p, list);
            }
        }
        return result;
    }

    /** Identifies an advisory product across advisories and revisions: vendor, name and version, normalised. */
    static String productKey(ProductEntry p) {
        return Digests.sha256Hex(norm(p.vendor()) + "|" + norm(p.productName()) + "|" + norm(p.versionText()));
    }

    private static String norm(String s) {
        return s == null ? "" : s.strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    public int affectedDevices(Advisory a) {
        return em.createQuery("select count(distinct e.deviceId) from Exposure e where e.advisory = :a "
                        + "and e.state in :open", Long.class).setParameter("a", a)
                .setParameter("open", List.of(ExposureState.AFFECTED, ExposureState.UNDER_INVESTIGATION))
                .getSingleResult().intValue();
    }

    public int openExposures(Advisory a) {
        return em.createQuery("select count(e) from Exposure e where e.advisory = :a and e.state in :open", Long.class)
                .setParameter("a", a)
                .setParameter("open", List.of(ExposureState.AFFECTED, ExposureState.UNDER_INVESTIGATION))
                .getSingleResult().intValue();
    }

    public int pendingReviews(Advisory a) {
        return em.createQuery("select count(r) from MatchReview r where r.advisory = :a and r.status = :s", Long.class)
                .setParameter("a", a).setParameter("s", MatchReview.Status.PENDING).getSingleResult().intValue();
    }

    /** IT's remembered answer for a model and an advisory product. */
    public record Decision(boolean confirmed, String by) {
    }
}
