package org.patchcare.audit.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.spi.JsonProvider;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.patchcare.audit.domain.AuditEntry;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.security.CurrentUser;

import java.io.StringReader;
import java.time.Clock;
import org.patchcare.inventory.application.PageRequest;
import org.patchcare.shared.domain.InvalidInputException;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes the audit trail in the caller's transaction (so a change and its record commit or roll back together)
 * and reads it back for the screens.
 */
@Stateless
public class AuditService {

    /** Looked up once: Json.createXxx() searches the class path for a provider on every call (milliseconds each). */
    private static final JsonProvider JSON = JsonProvider.provider();

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    CurrentUser currentUser;

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    @jakarta.annotation.security.PermitAll
    public void created(String entityType, String key, Snapshot after) {
        write(entityType, key, AuditEntry.Action.CREATE, Snapshot.empty().diff(after), null);
    }

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    @jakarta.annotation.security.PermitAll
    public void changed(String entityType, String key, Snapshot before, Snapshot after, String reason) {
        Map<String, String[]> diff = before.diff(after);
        if (!diff.isEmpty() || reason != null) {
            write(entityType, key, AuditEntry.Action.UPDATE, diff, reason);
        }
    }

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    @jakarta.annotation.security.PermitAll
    public void deleted(String entityType, String key, Snapshot before, String reason) {
        write(entityType, key, AuditEntry.Action.DELETE, before.diff(Snapshot.empty()), reason);
    }

    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    @jakarta.annotation.security.PermitAll
    public void event(String entityType, String key, String what, String reason) {
        write(entityType, key, AuditEntry.Action.EVENT, Map.of("event", new String[]{null, what}), reason);
    }

    /** Audit of one thing, newest first. */
    @RolesAllowed({Roles.BIOMED_TECH, Roles.CLINICAL_MANAGER, Roles.IT_SECURITY, Roles.ADMIN})
    public List<AuditRecord> history(String entityType, String key, int limit) {
        return em.createQuery("select a from AuditEntry a where a.entityType = :t and a.entityKey = :k "
                        + "order by a.occurredAt desc, a.id desc", AuditEntry.class)
                .setParameter("t", entityType)
                .setParameter("k", key)
                .setMaxResults(Math.min(Math.max(limit, 1), 1000))
                .getResultStream()
                .map(AuditService::toRecord)
                .toList();
    }

    /** Entity types of the trail's entries, for the screen's filter (administrators only, as the whole trail). */
    @RolesAllowed(Roles.ADMIN)
    public List<String> entityTypes() {
        return em.createQuery("select distinct a.entityType from AuditEntry a order by a.entityType", String.class)
                .getResultList();
    }

    /**
     * One page of the whole audit trail (administrators only), newest first unless sorted by one of
     * {@link #SORTABLE}.
     */
    @RolesAllowed(Roles.ADMIN)
    public List<AuditRecord> search(AuditFilter filter, PageRequest page) {
        String by = page.sortBy() == null ? "occurredAt" : page.sortBy();
        if (!SORTABLE.contains(by)) {
            throw new InvalidInputException("sort", "'" + by + "' cannot be sorted on; use one of " + SORTABLE);
        }
        boolean asc = page.sortBy() != null && page.ascending();
        Map<String, Object> params = new HashMap<>();
        String dir = asc ? " asc" : " desc";
        var q = em.createQuery("select a from AuditEntry a" + where(filter, params) + " order by a." + by + dir
                + ", a.id" + dir, AuditEntry.class);
        params.forEach(q::setParameter);
        return q.setFirstResult(page.offset()).setMaxResults(page.limit()).getResultStream()
                .map(AuditService::toRecord).toList();
    }

    /** How many entries match, for the screen's count and the lazy grid. */
    @RolesAllowed(Roles.ADMIN)
    public long count(AuditFilter filter) {
        Map<String, Object> params = new HashMap<>();
        var q = em.createQuery("select count(a) from AuditEntry a" + where(filter, params), Long.class);
        params.forEach(q::setParameter);
        return q.getSingleResult();
    }

    /**
     * Records that the caller exported the entries matching {@code filter} (reading the trail in bulk is itself an
     * audited act) and answers the instant the export is bounded by: entries written later are not in it.
     */
    @RolesAllowed(Roles.ADMIN)
    public java.time.Instant recordExport(AuditFilter filter, String format) {
        if (format == null || format.isBlank()) {
            throw new InvalidInputException("format", "name the format of the export");
        }
        java.time.Instant now = clock.instant();
        write(EXPORT_TYPE, "export", AuditEntry.Action.EVENT, Map.of("event", new String[]{null, "exported as "
                + format}), truncate(filter.describe(), 500));
        return now;
    }

    public static final String EXPORT_TYPE = "AuditTrail";

    /** The columns the trail may be sorted by. */
    public static final java.util.Set<String> SORTABLE = java.util.Set.of("occurredAt", "actor", "entityType",
            "entityKey", "action");

    private static String where(AuditFilter f, Map<String, Object> params) {
        List<String> conds = new ArrayList<>();
        if (f.from() != null) {
            conds.add("a.occurredAt >= :from");
            params.put("from", f.from());
        }
        if (f.to() != null) {
            conds.add("a.occurredAt < :to");
            params.put("to", f.to());
        }
        if (f.actor() != null) {
            conds.add("lower(a.actor) like :actor escape '!'");
            params.put("actor", like(f.actor()) + "%");
        }
        if (f.entityType() != null) {
            conds.add("a.entityType = :type");
            params.put("type", f.entityType());
        }
        if (f.entityKey() != null) {
            conds.add("lower(a.entityKey) like :key escape '!'");
            params.put("key", like(f.entityKey()) + "%");
        }
        if (f.action() != null) {
            conds.add("a.action = :action");
            params.put("action", AuditEntry.Action.valueOf(f.action()));
        }
        if (f.text() != null) {
            conds.add("(lower(a.entityKey) like :text escape '!' or lower(a.changes) like :text escape '!' "
                    + "or lower(a.reason) like :text escape '!')");
            params.put("text", "%" + like(f.text()) + "%");
        }
        return conds.isEmpty() ? "" : " where " + String.join(" and ", conds);
    }

    /** Lower case with LIKE's wildcards taken literally ('!' escapes). */
    private static String like(String s) {
        return s.toLowerCase(java.util.Locale.ROOT).replace("!", "!!").replace("%", "!%").replace("_", "!_");
    }

    private void write(String entityType, String key, AuditEntry.Action action, Map<String, String[]> changes,
                       String reason) {
        JsonArrayBuilder arr = JSON.createArrayBuilder();
        changes.forEach((field, fromTo) -> arr.add(JSON.createObjectBuilder()
                .add("field", field)
                .add("from", fromTo[0] == null ? JsonValue.NULL : JSON.createValue(fromTo[0]))
                .add("to", fromTo[1] == null ? JsonValue.NULL : JSON.createValue(fromTo[1]))));
        em.persist(new AuditEntry(clock.instant(), currentUser.username(), entityType, key, action,
                arr.build().toString(), reason == null ? null : truncate(reason, 500)));
    }

    static AuditRecord toRecord(AuditEntry e) {
        List<AuditRecord.Change> changes = new ArrayList<>();
        if (e.getChanges() != null && !e.getChanges().isBlank()) {
            try (JsonReader r = JSON.createReader(new StringReader(e.getChanges()))) {
                JsonArray a = r.readArray();
                for (JsonValue v : a) {
                    JsonObject o = v.asJsonObject();
                    changes.add(new AuditRecord.Change(o.getString("field"),
                            o.isNull("from") ? null : o.getString("from"),
                            o.isNull("to") ? null : o.getString("to")));
                }
            }
        }
        return new AuditRecord(e.getOccurredAt(), e.getActor(), e.getEntityType(), e.getEntityKey(),
                e.getAction().name(), changes, e.getReason());
    }

    private static String truncate(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }
}
