package org.patchcare.advisories.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceContext;
import org.patchcare.advisories.application.ExposureViews.AffectingAdvisory;
import org.patchcare.advisories.application.ExposureViews.ExposureEventView;
import org.patchcare.advisories.application.ExposureViews.ExposureFilter;
import org.patchcare.advisories.application.ExposureViews.ExposureView;
import org.patchcare.advisories.application.ExposureViews.ReviewDecision;
import org.patchcare.advisories.application.ExposureViews.ReviewItem;
import org.patchcare.advisories.application.ExposureViews.ReviewOutcome;
import org.patchcare.advisories.domain.Exposure;
import org.patchcare.advisories.domain.ExposureEvent;
import org.patchcare.advisories.domain.ExposureState;
import org.patchcare.advisories.domain.Justification;
import org.patchcare.advisories.domain.MatchReview;
import org.patchcare.audit.application.AuditService;
import org.patchcare.audit.application.Snapshot;
import org.patchcare.inventory.application.PageRequest;
import org.patchcare.shared.domain.ConflictException;
import org.patchcare.shared.domain.InvalidInputException;
import org.patchcare.shared.domain.NotFoundException;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.security.CurrentUser;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Exposures (device × vulnerability × advisory) and the match-review queue. Everyone logged in reads; IT security and
 * administrators change exposure states and decide review items. Every state change is kept with who, when and why,
 * and written to the audit trail in the same transaction.
 */
@Stateless
@RolesAllowed({Roles.BIOMED_TECH, Roles.CLINICAL_MANAGER, Roles.IT_SECURITY, Roles.ADMIN})
public class ExposureService {

    static final List<String> OPEN = List.of(ExposureState.AFFECTED.name(), ExposureState.UNDER_INVESTIGATION.name());
    public static final Map<String, String> SORTABLE = Map.of(
            "cvss", "v_cvss", "assetTag", "d.asset_tag", "trackingId", "a.tracking_id", "state", "e.state",
            "updatedAt", "e.updated_at", "cve", "e.cve");

    @PersistenceContext
    EntityManager em;
    @Inject
    AuditService audit;
    @Inject
    CurrentUser currentUser;
    @Inject
    Clock clock;
    @Inject
    ExposureMatcher matcher;
    @Inject
    jakarta.enterprise.event.Event<ExposureStateChanged> stateChanged;

    private static final String SELECT = "SELECT e.public_id, d.asset_tag, dep.code, mf.name, m.name, d.software_version, "
            + "a.tracking_id, a.title, e.cve, "
            + "(SELECT MAX(COALESCE(v.cvss3_score, v.cvss2_score)) FROM advisory_vulnerability v "
            + "  WHERE v.advisory_id = a.id AND v.cve = e.cve) AS v_cvss, "
            + "(SELECT COUNT(*) FROM kev_entry k WHERE k.cve_id = e.cve AND k.in_catalog = TRUE) AS kev, "
            + "e.state, e.justification, e.state_reason, e.matched_product, e.certainty, e.match_reason, e.created_at, "
            + "e.updated_at, e.updated_by, e.version "
            + "FROM exposure e JOIN device d ON d.id = e.device_id JOIN department dep ON dep.id = d.department_id "
            + "JOIN device_model m ON m.id = d.model_id JOIN manufacturer mf ON mf.id = m.manufacturer_id "
            + "JOIN advisory a ON a.id = e.advisory_id";

    // ---- reading ---------------------------------------------------------------------------

    public List<ExposureView> forDevice(String assetTag) {
        requireDevice(assetTag);
        return list(new ExposureFilter(assetTag, null, null, null, null, null), new PageRequest(0, PageRequest.MAX_LIMIT,
                "cvss", false));
    }

    public List<ExposureView> forAdvisory(String trackingId, int limit) {
        return list(new ExposureFilter(null, trackingId, null, null, null, null),
                new PageRequest(0, Math.min(limit, PageRequest.MAX_LIMIT), "assetTag", true));
    }

    public ExposureView get(String exposureId) {
        List<ExposureView> one = query(" WHERE e.public_id = ?1", List.of(exposureId == null ? "" : exposureId.strip()),
                " ORDER BY e.id", 0, 1);
        if (one.isEmpty()) {
            throw new NotFoundException("Exposure", exposureId);
        }
        return one.getFirst();
    }

    public List<ExposureView> list(ExposureFilter filter, PageRequest page) {
        String sortKey = page.sortBy() == null ? "cvss" : page.sortBy();
        String sort = SORTABLE.get(sortKey);
        if (sort == null) {
            throw new InvalidInputException("sort", "cannot sort by '" + sortKey + "'; allowed: "
                    + String.join(", ", SORTABLE.keySet().stream().sorted().toList()));
        }
        String dir = page.ascending() ? " ASC" : " DESC";
        List<Object> params = new ArrayList<>();
        String where = where(filter == null ? ExposureFilter.none() : filter, params);
        return query(where, params, " ORDER BY " + sort + dir + ", d.asset_tag, e.cve", page.offset(), page.limit());
    }

    public long count(ExposureFilter filter) {
        List<Object> params = new ArrayList<>();
        String where = where(filter == null ? ExposureFilter.none() : filter, params);
        var q = em.createNativeQuery("SELECT COUNT(*) FROM exposure e JOIN device d ON d.id = e.device_id "
                + "JOIN advisory a ON a.id = e.advisory_id" + where);
        for (int i = 0; i < params.size(); i++) {
            q.setParameter(i + 1, params.get(i));
        }
        return ((Number) q.getSingleResult()).longValue();
    }

    private String where(ExposureFilter f, List<Object> params) {
        StringBuilder sql = new StringBuilder();
        if (f.assetTag() != null && !f.assetTag().isBlank()) {
            and(sql).append("d.asset_tag = ?").append(params.size() + 1);
            params.add(f.assetTag().strip());
        }
        if (f.trackingId() != null && !f.trackingId().isBlank()) {
            and(sql).append("a.tracking_id = ?").append(params.size() + 1);
            params.add(f.trackingId().strip());
        }
        if (f.cve() != null && !f.cve().isBlank()) {
            and(sql).append("e.cve = ?").append(params.size() + 1);
            params.add(f.cve().strip().toUpperCase(Locale.ROOT));
        }
        if (f.state() != null && !f.state().isBlank()) {
            ExposureState state = state(f.state());
            and(sql).append("e.state = ?").append(params.size() + 1);
            params.add(state.name());
        }
        if (Boolean.TRUE.equals(f.openOnly())) {
            and(sql).append("e.state IN ('AFFECTED', 'UNDER_INVESTIGATION')");
        }
        if (Boolean.TRUE.equals(f.kevOnly())) {
            and(sql).append("EXISTS (SELECT 1 FROM kev_entry k WHERE k.cve_id = e.cve AND k.in_catalog = TRUE)");
        }
        return sql.toString();
    }

    private static StringBuilder and(StringBuilder sql) {
        return sql.append(sql.isEmpty() ? " WHERE " : " AND ");
    }

    static ExposureState state(String value) {
        try {
            return ExposureState.valueOf(value.strip().toUpperCase(Locale.ROOT).replace(' ', '_'));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("state", "must be one of UNDER_INVESTIGATION, AFFECTED, NOT_AFFECTED, FIXED");
        }
    }

    private List<ExposureView> query(String where, List<Object> params, String order, int offset, int limit) {
        var q = em.createNativeQuery(SELECT + where + order);
        for (int i = 0; i < params.size(); i++) {
            q.setParameter(i + 1, params.get(i));
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.setFirstResult(offset).setMaxResults(limit).getResultList();
        return rows.stream().map(r -> {
            ExposureState state = ExposureState.valueOf((String) r[11]);
            return new ExposureView((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4],
                    (String) r[5], (String) r[6], (String) r[7], (String) r[8], AdvisoryService.decimal(r[9]),
                    ((Number) r[10]).longValue() > 0, state.name(), state.label(), (String) r[12], (String) r[13],
                    (String) r[14], (String) r[15], (String) r[16], AdvisoryService.instant(r[17]),
                    AdvisoryService.instant(r[18]), (String) r[19], ((Number) r[20]).intValue());
        }).toList();
    }

    public List<ExposureEventView> history(String exposureId) {
        Exposure e = require(exposureId);
        return em.createQuery("select ev from ExposureEvent ev where ev.exposure = :e order by ev.occurredAt desc, ev.id desc",
                        ExposureEvent.class).setParameter("e", e).getResultStream()
                .map(ev -> new ExposureEventView(ev.getOccurredAt(), ev.getActor(),
                        ev.getFromState() == null ? null : ev.getFromState().label(), ev.getToState().label(),
                        ev.getJustification() == null ? null : ev.getJustification().label(), ev.getReason()))
                .toList();
    }

    // ---- changing ----------------------------------------------------------------------------

    /**
     * Sets an exposure's VEX state. Not affected needs a justification; every change needs a reason.
     *
     * @param version the version the caller saw; a different one means someone else changed it (409)
     */
    @RolesAllowed({Roles.IT_SECURITY, Roles.ADMIN})
    public ExposureView changeState(String exposureId, String state, String justification, String reason,
                                    Integer version) {
        Exposure e = require(exposureId);
        if (version != null && version != e.getVersion()) {
            throw ConflictException.staleEdit("Exposure", exposureId);
        }
        if (state == null || state.isBlank()) {
            throw new InvalidInputException("state", "Choose the new state.");
        }
        ExposureState to = state(state);
        Justification why = justification == null || justification.isBlank() ? null : justification(justification);
        ExposureState from = e.getState();
        Justification fromWhy = e.getJustification();
        ExposureEvent event = e.transition(to, why, reason, currentUser.username(), clock.instant());
        if (event != null) {
            em.persist(event);
            audit.changed("Exposure", e.getPublicId(), Snapshot.empty().with("state", from).with("justification", fromWhy),
                    Snapshot.empty().with("state", to).with("justification", why), reason.strip());
            stateChanged.fire(new ExposureStateChanged(e.getId(), e.getPublicId(), from.name(), to.name()));
            try {
                em.flush();
            } catch (OptimisticLockException stale) {
                throw ConflictException.staleEdit("Exposure", exposureId);
            }
        }
        return get(exposureId);
    }

    static Justification justification(String value) {
        String v = value.strip().toUpperCase(Locale.ROOT).replace(' ', '_');
        for (Justification j : Justification.values()) {
            if (j.name().equals(v) || j.csafLabel().equalsIgnoreCase(value.strip())) {
                return j;
            }
        }
        throw new InvalidInputException("justification", "must be one of COMPONENT_NOT_PRESENT, "
                + "VULNERABLE_CODE_NOT_PRESENT, VULNERABLE_CODE_NOT_IN_EXECUTE_PATH, "
                + "VULNERABLE_CODE_CANNOT_BE_CONTROLLED_BY_ADVERSARY, INLINE_MITIGATIONS_ALREADY_EXIST");
    }

    private Exposure require(String exposureId) {
        return em.createQuery("select e from Exposure e where e.publicId = :id", Exposure.class)
                .setParameter("id", exposureId == null ? "" : exposureId.strip()).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("Exposure", exposureId));
    }

    private void requireDevice(String assetTag) {
        Number n = (Number) em.createNativeQuery("SELECT COUNT(*) FROM device WHERE asset_tag = ?1")
                .setParameter(1, assetTag == null ? "" : assetTag.strip()).getSingleResult();
        if (n.longValue() == 0) {
            throw new NotFoundException("Device", assetTag);
        }
    }

    // ---- review queue --------------------------------------------------------------------------

    private static final String REVIEW_SELECT = "SELECT r.public_id, a.tracking_id, a.title, r.product_label, mf.name, "
            + "m.name, m.model_number, r.score, r.reason, r.devices, r.status, r.decided_by, r.decided_at, r.comment, "
            + "r.created_at, r.version FROM match_review r JOIN advisory a ON a.id = r.advisory_id "
            + "JOIN device_model m ON m.id = r.model_id JOIN manufacturer mf ON mf.id = m.manufacturer_id";

    /** Review items with the given status (PENDING by default), oldest first for pending, newest first otherwise. */
    public List<ReviewItem> reviewQueue(String status, PageRequest page) {
        MatchReview.Status s = reviewStatus(status);
        var q = em.createNativeQuery(REVIEW_SELECT + " WHERE r.status = ?1 ORDER BY "
                + (s == MatchReview.Status.PENDING ? "r.score DESC, r.created_at, r.id" : "r.decided_at DESC, r.id"));
        q.setParameter(1, s.name());
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultList();
        return rows.stream().map(ExposureService::reviewItem).toList();
    }

    public long reviewCount(String status) {
        return ((Number) em.createNativeQuery("SELECT COUNT(*) FROM match_review WHERE status = ?1")
                .setParameter(1, reviewStatus(status).name()).getSingleResult()).longValue();
    }

    private static MatchReview.Status reviewStatus(String status) {
        if (status == null || status.isBlank()) {
            return MatchReview.Status.PENDING;
        }
        try {
            return MatchReview.Status.valueOf(status.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException("status", "must be PENDING, CONFIRMED or DISMISSED");
        }
    }

    private static ReviewItem reviewItem(Object[] r) {
        return new ReviewItem((String) r[0], (String) r[1], (String) r[2], (String) r[3], (String) r[4], (String) r[5],
                (String) r[6], AdvisoryService.decimal(r[7]), (String) r[8], ((Number) r[9]).intValue(),
                (String) r[10], (String) r[11], AdvisoryService.instant(r[12]), (String) r[13],
                AdvisoryService.instant(r[14]), ((Number) r[15]).intValue());
    }

    public ReviewItem reviewItem(String id) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery(REVIEW_SELECT + " WHERE r.public_id = ?1")
                .setParameter(1, id == null ? "" : id.strip()).getResultList();
        if (rows.isEmpty()) {
            throw new NotFoundException("Review item", id);
        }
        return reviewItem(rows.getFirst());
    }

    /**
     * Confirms or dismisses a likely match. The decision is remembered for the model and the advisory product, so the
     * same question is not asked again (also not for later revisions or other advisories naming the same product).
     * Confirming creates the exposures at once.
     */
    @RolesAllowed({Roles.IT_SECURITY, Roles.ADMIN})
    public ReviewOutcome decide(String reviewId, ReviewDecision decision, String comment, Integer version) {
        if (decision == null) {
            throw new InvalidInputException("decision", "must be CONFIRM or DISMISS");
        }
        MatchReview r = em.createQuery("select r from MatchReview r where r.publicId = :id", MatchReview.class)
                .setParameter("id", reviewId == null ? "" : reviewId.strip()).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("Review item", reviewId));
        if (version != null && version != r.getVersion()) {
            throw ConflictException.staleEdit("Review item", reviewId);
        }
        String actor = currentUser.username();
        Instant now = clock.instant();
        MatchReview.Status status = decision == ReviewDecision.CONFIRM ? MatchReview.Status.CONFIRMED
                : MatchReview.Status.DISMISSED;
        r.decide(status, comment, actor, now);
        em.createNativeQuery("DELETE FROM match_decision WHERE model_id = ?1 AND product_key = ?2")
                .setParameter(1, r.getModelId()).setParameter(2, r.getProductKey()).executeUpdate();
        em.createNativeQuery("INSERT INTO match_decision (model_id, product_key, decision, decided_by, decided_at) "
                        + "VALUES (?1, ?2, ?3, ?4, ?5)").setParameter(1, r.getModelId()).setParameter(2, r.getProductKey())
                .setParameter(3, status.name()).setParameter(4, actor).setParameter(5, Timestamp.from(now))
                .executeUpdate();
        audit.changed("MatchReview", r.getPublicId(), Snapshot.empty().with("status", MatchReview.Status.PENDING),
                Snapshot.empty().with("status", status).with("product", r.getProductLabel()),
                comment == null || comment.isBlank() ? decision.name().toLowerCase(Locale.ROOT) : comment.strip());
        try {
            em.flush();
        } catch (OptimisticLockException stale) {
            throw ConflictException.staleEdit("Review item", reviewId);
        }
        int created = 0;
        if (status == MatchReview.Status.CONFIRMED) {
            created = matcher.matchAdvisory(r.getAdvisory()).created();
        }
        return new ReviewOutcome(reviewItem(r.getPublicId()), created);
    }

    // ---- VEX export ------------------------------------------------------------------------------

    /** A VEX document ready to download. */
    public record VexExport(String fileName, String mediaType, String content) {
    }

    /** CSAF VEX (format {@code csaf}, the default) or CycloneDX VEX ({@code cyclonedx}) for one device. */
    public VexExport vexForDevice(String assetTag, String format) {
        requireDevice(assetTag);
        String tag = assetTag.strip();
        List<ExposureView> list = query(" WHERE d.asset_tag = ?1", List.of(tag), " ORDER BY e.cve, a.tracking_id", 0,
                100_000);
        Object[] device = (Object[]) em.createNativeQuery("SELECT mf.name, m.name, m.model_number, d.software_version "
                        + "FROM device d JOIN device_model m ON m.id = d.model_id JOIN manufacturer mf ON mf.id = m.manufacturer_id "
                        + "WHERE d.asset_tag = ?1").setParameter(1, tag).getSingleResult();
        List<org.patchcare.advisories.application.vex.VexProduct> products = List.of(
                new org.patchcare.advisories.application.vex.VexProduct(tag, (String) device[0], (String) device[1],
                        (String) device[3], (String) device[2]));
        return vex("PATCHCARE-VEX-" + tag, "VEX for device " + tag + " (" + device[0] + " " + device[1] + ")",
                products, list, format);
    }

    /** VEX for every device (not retired) of one model, one product per software version. */
    public VexExport vexForModel(String modelId, String format) {
        @SuppressWarnings("unchecked")
        List<Object[]> devices = em.createNativeQuery("SELECT d.asset_tag, d.software_version, mf.name, m.name, "
                        + "m.model_number FROM device d JOIN device_model m ON m.id = d.model_id "
                        + "JOIN manufacturer mf ON mf.id = m.manufacturer_id WHERE m.public_id = ?1 AND d.status <> 'RETIRED' "
                        + "ORDER BY d.asset_tag").setParameter(1, modelId == null ? "" : modelId.strip()).getResultList();
        Number known = (Number) em.createNativeQuery("SELECT COUNT(*) FROM device_model WHERE public_id = ?1")
                .setParameter(1, modelId == null ? "" : modelId.strip()).getSingleResult();
        if (known.longValue() == 0) {
            throw new NotFoundException("Device model", modelId);
        }
        java.util.Map<String, List<String>> byVersion = new java.util.TreeMap<>();
        String vendor = null;
        String name = null;
        String number = null;
        for (Object[] d : devices) {
            byVersion.computeIfAbsent(d[1] == null ? "" : (String) d[1], k -> new ArrayList<>()).add((String) d[0]);
            vendor = (String) d[2];
            name = (String) d[3];
            number = (String) d[4];
        }
        List<org.patchcare.advisories.application.vex.VexProduct> products = new ArrayList<>();
        for (var e : byVersion.entrySet()) {
            products.add(new org.patchcare.advisories.application.vex.VexProduct("model-" + modelId.strip() + "@"
                    + (e.getKey().isEmpty() ? "unknown" : e.getKey()), vendor, name,
                    e.getKey().isEmpty() ? null : e.getKey(), number, e.getValue()));
        }
        List<ExposureView> list = query(" WHERE m.public_id = ?1 AND d.status <> 'RETIRED'", List.of(modelId.strip()),
                " ORDER BY e.cve, a.tracking_id, d.asset_tag", 0, 1_000_000);
        return vex("PATCHCARE-VEX-MODEL-" + modelId.strip(), "VEX for " + (vendor == null ? "model " + modelId
                : vendor + " " + name), products, list, format);
    }

    private VexExport vex(String id, String title, List<org.patchcare.advisories.application.vex.VexProduct> products,
                          List<ExposureView> exposures, String format) {
        java.util.Map<String, List<ExposureView>> groups = new java.util.LinkedHashMap<>();
        for (ExposureView e : exposures) {
            groups.computeIfAbsent(e.cve() + "|" + e.trackingId() + "|" + e.state() + "|" + e.justification(),
                    k -> new ArrayList<>()).add(e);
        }
        List<org.patchcare.advisories.application.vex.VexStatement> statements = new ArrayList<>();
        for (List<ExposureView> g : groups.values()) {
            ExposureView first = g.getFirst();
            String justification = first.justification() == null ? null
                    : Justification.valueOf(first.justification()).csafLabel();
            Instant updated = g.stream().map(ExposureView::updatedAt).max(Instant::compareTo).orElse(null);
            statements.add(new org.patchcare.advisories.application.vex.VexStatement(first.cve(), first.state(),
                    justification, first.stateReason(), first.trackingId(), first.advisoryTitle(), first.cvss(), null,
                    updated, g.stream().map(ExposureView::assetTag).distinct().toList()));
        }
        String day = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC).toString();
        String documentId = (id + "-" + day).replaceAll("[^A-Za-z0-9._:+-]", "-");
        var request = new org.patchcare.advisories.application.vex.VexRequest(documentId, title, publisher(),
                System.getenv().getOrDefault("PATCHCARE_ORGANISATION_URL", "https://hospital.example"), clock.instant(),
                products, statements);
        String f = format == null || format.isBlank() ? "csaf" : format.strip().toLowerCase(Locale.ROOT);
        if (statements.isEmpty() && (f.equals("csaf") || f.equals("cyclonedx"))) {
            // was a 500 (the writers' IllegalArgumentException); found by the access-control matrix
            throw new org.patchcare.shared.domain.DomainException("There is nothing to export: no vulnerability is "
                    + "recorded for this, and a VEX document lists at least one.");
        }
        return switch (f) {
            case "csaf" -> new VexExport(org.patchcare.advisories.application.vex.CsafVexWriter.fileName(documentId),
                    "application/json", new org.patchcare.advisories.application.vex.CsafVexWriter().toJson(request));
            case "cyclonedx" -> new VexExport(documentId.toLowerCase(Locale.ROOT) + ".cdx.json",
                    "application/vnd.cyclonedx+json",
                    new org.patchcare.advisories.application.vex.CycloneDxVexWriter().write(request));
            default -> throw new InvalidInputException("format", "must be csaf or cyclonedx");
        };
    }

    /** The hospital, as the VEX publisher: PATCHCARE_ORGANISATION_NAME, else the first facility's name. */
    private String publisher() {
        String configured = System.getenv("PATCHCARE_ORGANISATION_NAME");
        if (configured != null && !configured.isBlank()) {
            return configured.strip();
        }
        @SuppressWarnings("unchecked")
        List<String> names = em.createNativeQuery("SELECT name FROM facility ORDER BY id").setMaxResults(1).getResultList();
        return names.isEmpty() ? "PatchCare" : names.getFirst();
    }

    // ---- IT home ---------------------------------------------------------------------------------

    /** Advisories with open exposures, newest first. */
    public List<AffectingAdvisory> newAdvisoriesAffectingDevices(int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT a.tracking_id, a.title, a.current_release, a.updated_at, "
                        + "a.max_cvss, (SELECT COUNT(*) FROM advisory_vulnerability v JOIN kev_entry k ON k.cve_id = v.cve "
                        + "  WHERE v.advisory_id = a.id AND k.in_catalog = TRUE), "
                        + "COUNT(DISTINCT e.device_id), COUNT(*) "
                        + "FROM advisory a JOIN exposure e ON e.advisory_id = a.id "
                        + "WHERE e.state IN ('AFFECTED', 'UNDER_INVESTIGATION') "
                        + "GROUP BY a.id, a.tracking_id, a.title, a.current_release, a.updated_at, a.max_cvss "
                        + "ORDER BY a.updated_at DESC, a.current_release DESC, a.tracking_id")
                .setMaxResults(Math.max(1, Math.min(limit, 100))).getResultList();
        return rows.stream().map(r -> new AffectingAdvisory((String) r[0], (String) r[1], AdvisoryService.instant(r[2]),
                AdvisoryService.instant(r[3]), AdvisoryService.decimal(r[4]), ((Number) r[5]).longValue() > 0,
                ((Number) r[6]).longValue(), ((Number) r[7]).longValue())).toList();
    }
}
