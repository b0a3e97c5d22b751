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
import java.util.ArrayList;
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
