package org.patchcare.inventory.application;

import org.patchcare.audit.application.Snapshot;
import org.patchcare.inventory.domain.Connectivity;
import org.patchcare.inventory.domain.Criticality;
import org.patchcare.inventory.domain.DeviceStatus;
import org.patchcare.inventory.domain.MissionImpact;
import org.patchcare.shared.domain.Texts;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Which changes of a device or department feed the risk context, told in words from the audit snapshots taken
 * before and after the change. Pure Java, unit-tested directly.
 */
final class ContextChanges {

    /** The longest cause a context event carries (the risk context stores it in a 200-character column). */
    static final int WHAT_MAX = 200;

    private ContextChanges() {
    }

    /** What changed in the device's risk context, or null when nothing that feeds risk changed. */
    static String ofDevice(Snapshot before, Snapshot after) {
        Map<String, String[]> diff = before.diff(after);
        List<String> parts = new ArrayList<>();
        change(parts, diff, "status", "status", v -> DeviceStatus.valueOf(v).label());
        if (diff.containsKey("department") || diff.containsKey("location")) {
            String dept = after.values().get("department");
            String loc = after.values().get("location");
            parts.add("moved to " + dept + (loc == null ? "" : " / " + loc));
        }
        change(parts, diff, "criticality", "criticality", v -> Criticality.valueOf(v).label());
        change(parts, diff, "connectivity", "connectivity", v -> Connectivity.valueOf(v).label());
        change(parts, diff, "networkSegment", "network segment", Function.identity());
        if (diff.containsKey("redundant")) {
            parts.add(Boolean.parseBoolean(diff.get("redundant")[1]) ? "now redundant" : "no longer redundant");
        }
        return parts.isEmpty() ? null : Texts.cut(String.join("; ", parts), WHAT_MAX);
    }

    /** What changed in the department's risk context (its mission impact), or null. */
    static String ofDepartment(Snapshot before, Snapshot after) {
        List<String> parts = new ArrayList<>();
        change(parts, before.diff(after), "missionImpact", "mission impact", v -> MissionImpact.valueOf(v).label());
        return parts.isEmpty() ? null : Texts.cut(parts.getFirst(), WHAT_MAX);
    }

    private static void change(List<String> parts, Map<String, String[]> diff, String field, String words,
                               Function<String, String> label) {
        String[] fromTo = diff.get(field);
        if (fromTo != null) {
            parts.add(words + " " + text(fromTo[0], label) + " → " + text(fromTo[1], label));
        }
    }

    private static String text(String value, Function<String, String> label) {
        return value == null ? "none" : label.apply(value);
    }
}
