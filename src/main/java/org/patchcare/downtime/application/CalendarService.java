package org.patchcare.downtime.application;

import static org.patchcare.shared.persistence.Rows.instant;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.patchcare.audit.application.AuditService;
import org.patchcare.audit.application.Snapshot;
import org.patchcare.downtime.application.DowntimeFacts.DepartmentRef;
import org.patchcare.downtime.application.DowntimeViews.CalendarFeedView;
import org.patchcare.downtime.application.DowntimeViews.WindowView;
import org.patchcare.downtime.domain.CalendarFeed;
import org.patchcare.downtime.domain.ChangeRequestKind;
import org.patchcare.downtime.domain.ChangeRequestStatus;
import org.patchcare.downtime.domain.WindowStatus;
import org.patchcare.shared.domain.Digests;
import org.patchcare.shared.domain.InvalidInputException;
import org.patchcare.shared.domain.NotFoundException;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.security.CurrentUser;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;

/**
 * Downtime windows for calendars and lists, and the per-user iCalendar feeds of a department (token shown once, kept
 * as SHA-256). Clinical managers see the windows of their own departments only.
 */
@Stateless
@RolesAllowed({Roles.BIOMED_TECH, Roles.CLINICAL_MANAGER, Roles.IT_SECURITY, Roles.ADMIN})
public class CalendarService {

    public static final int MAX_WINDOWS = 2000;
    public static final Duration MAX_RANGE = Duration.ofDays(62);
    /** The path of a feed under the API, followed by the token and ".ics". */
    public static final String FEED_PATH = "/api/v1/calendar/feeds/";
    static final String AUDIT_TYPE = "CalendarFeed";
    private static final SecureRandom RANDOM = new SecureRandom();

    @PersistenceContext
    EntityManager em;
    @Inject
    DowntimeFacts facts;
    @Inject
    AuditService audit;
    @Inject
    CurrentUser currentUser;
    @Inject
    Clock clock;

    static final String WINDOW_SELECT = "SELECT w.public_id, r.public_id, r.reference, r.title, r.kind, r.status, "
            + "r.emergency, d.asset_tag, m.name, m.device_type, dep.code, dep.name, f.code, w.zone_id, w.starts_at, "
            + "w.ends_at, w.status, COALESCE(w.technician, r.technician), w.sequence_no, w.updated_at "
            + "FROM downtime_window w JOIN change_request r ON r.id = w.change_request_id "
            + "JOIN device d ON d.id = w.device_id JOIN device_model m ON m.id = d.model_id "
            + "JOIN department dep ON dep.id = d.department_id JOIN facility f ON f.id = dep.facility_id";

    /** Windows overlapping the filter's range (at most 2,000; the range is limited to 62 days). */
    public List<WindowView> windows(WindowFilter filter) {
        if (filter == null || filter.from() == null || filter.to() == null) {
            throw new InvalidInputException("from", "Give the range of the calendar: from and to (ISO-8601 instants).");
        }
        if (!filter.to().isAfter(filter.from())) {
            throw new InvalidInputException("to", "The end of the range must be after its start.");
        }
        if (Duration.between(filter.from(), filter.to()).compareTo(MAX_RANGE) > 0) {
            throw new InvalidInputException("to", "The range covers at most " + MAX_RANGE.toDays() + " days.");
        }
        StringBuilder where = new StringBuilder(" WHERE w.starts_at < ?1 AND w.ends_at > ?2");
        List<Object> params = new ArrayList<>(List.of(Timestamp.from(filter.to()), Timestamp.from(filter.from())));
        if (notBlank(filter.departmentCode())) {
            where.append(" AND dep.code = ?").append(params.size() + 1);
            params.add(filter.departmentCode().strip());
        }
        if (notBlank(filter.facilityCode())) {
            where.append(" AND f.code = ?").append(params.size() + 1);
            params.add(filter.facilityCode().strip());
        }
        if (notBlank(filter.deviceType())) {
            where.append(" AND LOWER(m.device_type) = ?").append(params.size() + 1);
            params.add(filter.deviceType().strip().toLowerCase(java.util.Locale.ROOT));
        }
        if (notBlank(filter.assetTag())) {
            where.append(" AND d.asset_tag = ?").append(params.size() + 1);
            params.add(filter.assetTag().strip());
        }
        if (filter.statuses() != null && !filter.statuses().isEmpty()) {
            where.append(" AND w.status IN (").append(filter.statuses().stream().map(s -> "'" + s.name() + "'")
                    .collect(java.util.stream.Collectors.joining(", "))).append(')');
        }
        if (currentUser.limitedToOwnDepartments()) {
            Set<Long> mine = facts.departmentsOf(currentUser.username());
            where.append(" AND d.department_id IN (").append(DowntimeFacts.ids(mine)).append(')');
        }
        return query(where + " ORDER BY w.starts_at, d.asset_tag", params, MAX_WINDOWS);
    }

    List<WindowView> query(String whereAndOrder, List<Object> params, int limit) {
        var q = em.createNativeQuery(WINDOW_SELECT + whereAndOrder);
        org.patchcare.shared.persistence.Params.bind(q, params);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = q.setMaxResults(limit).getResultList();
        return rows.stream().map(CalendarService::window).toList();
    }

    static WindowView window(Object[] r) {
        return new WindowView((String) r[0], (String) r[1], (String) r[2], (String) r[3],
                ChangeRequestKind.valueOf((String) r[4]), ChangeRequestStatus.valueOf((String) r[5]),
                org.patchcare.shared.persistence.Rows.bool(r[6]), (String) r[7], (String) r[8], (String) r[9],
                (String) r[10], (String) r[11], (String) r[12], (String) r[13], instant(r[14]), instant(r[15]),
                WindowStatus.valueOf((String) r[16]), (String) r[17], ((Number) r[18]).intValue());
    }

    /** A new feed of a department for the caller; the returned view carries the URL with its token, once. */
    public CalendarFeedView createFeed(String departmentCode) {
        DepartmentRef d = facts.department(departmentCode, "department");
        if (currentUser.limitedToOwnDepartments()
                && !facts.departmentsOf(currentUser.username()).contains(d.id())) {
            throw new InvalidInputException("department", "You can subscribe to the departments you manage only; "
                    + d.code() + " is not one of them.");
        }
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        CalendarFeed f = new CalendarFeed(currentUser.username(), d.id(), tokenHash(token));
        f.touch(currentUser.username(), clock.instant());
        em.persist(f);
        audit.created(AUDIT_TYPE, f.getPublicId(), Snapshot.empty().with("user", f.getUsername())
                .with("department", d.code()));
        return view(f, d, feedUrl(token));
    }

    public List<CalendarFeedView> myFeeds() {
        return em.createQuery("select f from CalendarFeed f where f.username = :u and f.revokedAt is null "
                        + "order by f.createdAt", CalendarFeed.class).setParameter("u", currentUser.username())
                .getResultList().stream().map(f -> view(f, facts.department(f.getDepartmentId()), null)).toList();
    }

    /** Revokes one of the caller's feeds; its URL answers 404 from now on. */
    public void revokeFeed(String id) {
        CalendarFeed f = em.createQuery("select f from CalendarFeed f where f.publicId = :id and f.username = :u",
                        CalendarFeed.class).setParameter("id", id == null ? "" : id.strip())
                .setParameter("u", currentUser.username()).getResultStream().findFirst()
                .orElseThrow(() -> new NotFoundException("Calendar feed", id));
        if (f.isRevoked()) {
            return;
        }
        Instant now = clock.instant();
        f.revoke(now);
        f.touch(currentUser.username(), now);
        audit.changed(AUDIT_TYPE, f.getPublicId(), Snapshot.empty().with("revokedAt", null),
                Snapshot.empty().with("revokedAt", now), "revoked by its owner");
    }

    static CalendarFeedView view(CalendarFeed f, DepartmentRef d, String url) {
        return new CalendarFeedView(f.getPublicId(), d.code(), d.name(), f.getCreatedAt(), f.getLastUsedAt(), url);
    }

    static String tokenHash(String token) {
        return Digests.sha256Hex(token);
    }

    /** The absolute URL of a feed: PATCHCARE_BASE_URL (default http://localhost:8080) + the feed path. */
    static String feedUrl(String token) {
        return baseUrl() + FEED_PATH + token + ".ics";
    }

    static String baseUrl() {
        String base = System.getenv().getOrDefault("PATCHCARE_BASE_URL", "http://localhost:8080");
        return base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.isBlank();
    }
}
