package org.patchcare.downtime.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.patchcare.downtime.application.DowntimeFacts.DepartmentRef;
import org.patchcare.downtime.application.DowntimeViews.WindowView;
import org.patchcare.downtime.domain.CalendarFeed;
import org.patchcare.downtime.domain.ConflictRules;
import org.patchcare.shared.domain.NotFoundException;
import org.patchcare.shared.domain.Roles;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Answers a calendar client that fetches a feed URL: no login, the token is the credential. The feed shows what the
 * token's user may see now (a clinical manager who no longer manages the department, or a disabled user, gets 404,
 * as does an unknown or revoked token). Deliberately outside the service access matrix: it is anonymous by design.
 */
@Stateless
@PermitAll
public class CalendarFeedPublisher {

    /** Windows from this long ago ... */
    static final Duration PAST = Duration.ofDays(60);
    /** ... to this far ahead. */
    static final Duration AHEAD = Duration.ofDays(400);
    /** Cancelled windows stay in the feed this long after their change, so subscribed clients remove them. */
    static final Duration CANCELLED_KEPT = Duration.ofDays(30);
    static final int MAX_EVENTS = 2000;

    @PersistenceContext
    EntityManager em;
    @Inject
    DowntimeFacts facts;
    @Inject
    Clock clock;

    /** The iCalendar text of the feed with this token; 404 (NotFoundException) when unknown, revoked or not allowed. */
    public String ics(String token) {
        CalendarFeed feed = token == null || token.isBlank() || token.length() > 100 ? null
                : em.createQuery("select f from CalendarFeed f where f.tokenHash = :h", CalendarFeed.class)
                .setParameter("h", CalendarService.tokenHash(token.strip())).getResultStream().findFirst().orElse(null);
        if (feed == null || feed.isRevoked()) {
            throw new NotFoundException("Calendar feed", "(token)");
        }
        Set<String> roles = facts.rolesOfEnabledUser(feed.getUsername());
        boolean limited = roles.contains(Roles.CLINICAL_MANAGER) && !roles.contains(Roles.IT_SECURITY)
                && !roles.contains(Roles.ADMIN) && !roles.contains(Roles.BIOMED_TECH);
        if (roles.isEmpty() || limited && !facts.departmentsOf(feed.getUsername()).contains(feed.getDepartmentId())) {
            throw new NotFoundException("Calendar feed", "(token)");
        }
        Instant now = clock.instant();
        feed.used(now);
        DepartmentRef d = facts.department(feed.getDepartmentId());
        List<Object> params = new ArrayList<>(List.of(Timestamp.from(now.plus(AHEAD)), Timestamp.from(now.minus(PAST)),
                d.id(), Timestamp.from(now.minus(CANCELLED_KEPT))));
        List<WindowView> windows = new CalendarServiceQuery(em).query(" WHERE w.starts_at < ?1 AND w.ends_at > ?2 "
                + "AND d.department_id = ?3 AND r.status <> 'DRAFT' AND (w.status <> 'CANCELLED' OR w.updated_at >= ?4) "
                + "ORDER BY w.starts_at, d.asset_tag", params, MAX_EVENTS);
        String base = CalendarService.baseUrl();
        List<IcsWriter.Event> events = windows.stream().map(w -> event(w, base)).toList();
        return IcsWriter.write("PatchCare downtime " + d.code() + " – " + d.name(), events, now);
    }

    static IcsWriter.Event event(WindowView w, String base) {
        ZoneId zone = ZoneId.of(w.zoneId());
        String link = base + "/change-requests/" + w.requestId();
        String description = w.requestReference() + " " + w.kind().label() + ": " + w.requestTitle() + "\n"
                + "Device: " + w.assetTag() + (w.deviceName() == null ? "" : " (" + w.deviceName() + ")") + "\n"
                + "When: " + ConflictRules.span(w.start(), w.end(), zone) + " " + zone.getId() + "\n"
                + "Status: " + w.status().label() + " (request " + w.requestStatus().label().toLowerCase(
                java.util.Locale.ROOT) + ")" + (w.technician() == null ? "" : "\nTechnician: " + w.technician())
                + "\n" + link;
        return new IcsWriter.Event(w.id(), w.start(), w.end(), (w.emergency() ? "EMERGENCY " : "") + w.assetTag()
                + " – " + w.requestTitle(), description, link, w.sequence(), w.status(), null);
    }

    /** The window query of {@link CalendarService} without its role checks (a plain helper, not an EJB). */
    record CalendarServiceQuery(EntityManager em) {
        List<WindowView> query(String whereAndOrder, List<Object> params, int limit) {
            var q = em.createNativeQuery(CalendarService.WINDOW_SELECT + whereAndOrder);
            org.patchcare.shared.persistence.Params.bind(q, params);
            @SuppressWarnings("unchecked")
            List<Object[]> rows = q.setMaxResults(limit).getResultList();
            return rows.stream().map(CalendarService::window).toList();
        }
    }
}
