package org.patchcare.audit.application;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/** The audited fields of an entity at one moment, in display order. */
public final class Snapshot {

    private final Map<String, String> values = new LinkedHashMap<>();

    public static Snapshot empty() {
        return new Snapshot();
    }

    public Snapshot with(String field, Object value) {
        values.put(field, value == null ? null : String.valueOf(value));
        return this;
    }

    public Map<String, String> values() {
        return values;
    }

    /** Fields whose value differs, as field → {from, to}. */
    public Map<String, String[]> diff(Snapshot after) {
        Map<String, String[]> changes = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : after.values.entrySet()) {
            String before = values.get(e.getKey());
            if (!Objects.equals(before, e.getValue())) {
                changes.put(e.getKey(), new String[]{before, e.getValue()});
            }
        }
        for (Map.Entry<String, String> e : values.entrySet()) {
            if (!after.values.containsKey(e.getKey()) && e.getValue() != null) {
                changes.put(e.getKey(), new String[]{e.getValue(), null});
            }
        }
        return changes;
    }
}
