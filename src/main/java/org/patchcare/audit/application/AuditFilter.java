package org.patchcare.audit.application;

import org.patchcare.shared.domain.InvalidInputException;

import java.time.Instant;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * What the audit trail screen and {@code GET /api/v1/audit} search for; every field given must hold, null fields are
 * not filtered on. {@code from} is inclusive, {@code to} exclusive; actor and entity key match from their start,
 * case-insensitively; {@code text} is found anywhere in the entity key, the changed values or the reason.
 */
public record AuditFilter(Instant from, Instant to, String actor, String entityType, String entityKey, String action,
                          String text) {

    public static final int MAX_TEXT = 200;

    public static AuditFilter all() {
        return new AuditFilter(null, null, null, null, null, null, null);
    }

    public AuditFilter {
        actor = clean("actor", actor);
        entityType = clean("entityType", entityType);
        entityKey = clean("entityKey", entityKey);
        text = clean("text", text);
        action = clean("action", action);
        if (action != null) {
            String wanted = action.toUpperCase(Locale.ROOT);
            if (!java.util.Arrays.stream(org.patchcare.audit.domain.AuditEntry.Action.values())
                    .map(Enum::name).toList().contains(wanted)) {
                throw new InvalidInputException("action", "'" + action + "' is not one of CREATE, UPDATE, DELETE, EVENT");
            }
            action = wanted;
        }
        if (from != null && to != null && !from.isBefore(to)) {
            throw new InvalidInputException("to", "must be after from");
        }
    }

    private static String clean(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.strip();
        if (v.length() > MAX_TEXT) {
            throw new InvalidInputException(field, "at most " + MAX_TEXT + " characters");
        }
        return v;
    }

    /**
     * This filter ending by the second after {@code until} at the latest, so an export does not run on into entries
     * written while it streams. Whole seconds: MySQL/MariaDB through Connector/J keep the audit times to the second,
     * so an entry written in the same second as {@code until} must still be in.
     */
    public AuditFilter endingBy(Instant until) {
        Instant bound = until.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).plusSeconds(1);
        return to != null && !to.isAfter(bound) ? this
                : new AuditFilter(from, bound, actor, entityType, entityKey, action, text);
    }

    /** The filter as one line, for the audit entry of an export. */
    public String describe() {
        StringJoiner j = new StringJoiner(", ");
        add(j, "from", from);
        add(j, "to", to);
        add(j, "actor", actor);
        add(j, "entityType", entityType);
        add(j, "entityKey", entityKey);
        add(j, "action", action);
        add(j, "text", text);
        return j.length() == 0 ? "everything" : j.toString();
    }

    private static void add(StringJoiner j, String name, Object value) {
        if (value != null) {
            j.add(name + "=" + value);
        }
    }
}
