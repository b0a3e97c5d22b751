package org.patchcare.patching.ui;

import org.patchcare.patching.application.PatchViews.PatchRecordView;
import org.patchcare.patching.domain.PatchAction;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Plain-word descriptions of patch records for the screens. */
final class PatchFormats {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm", Locale.ENGLISH);

    private PatchFormats() {
    }

    /** "4.1 → 4.2, success" or "Control: SMB blocked, partly done". */
    static String what(PatchRecordView r) {
        if (r.action() == null) {
            return "Nothing recorded yet";
        }
        String done = r.action() == PatchAction.SOFTWARE_UPDATE
                ? "Software " + (r.fromVersion() == null ? "?" : r.fromVersion()) + " → " + r.toVersion()
                : "Control: " + r.controlApplied();
        return done + (r.result() == null ? "" : ", " + result(r));
    }

    static String result(PatchRecordView r) {
        return switch (r.result()) {
            case SUCCESS -> "success";
            case PARTIAL -> "partly done";
            case FAILED -> "failed";
        };
    }

    /** Who did what when, in order: started, recorded, verified, rolled back. */
    static String steps(PatchRecordView r, ZoneId zone) {
        StringBuilder sb = new StringBuilder();
        step(sb, "started", r.startedAt(), r.startedBy(), zone);
        step(sb, r.unplanned() ? "done" : "recorded", r.performedAt(), r.performedBy(), zone);
        step(sb, "verified", r.verifiedAt(), r.verifiedBy(), zone);
        step(sb, "rolled back", r.rollbackAt(), r.rollbackBy(), zone);
        return sb.toString();
    }

    private static void step(StringBuilder sb, String what, Instant at, String by, ZoneId zone) {
        if (at == null) {
            return;
        }
        if (!sb.isEmpty()) {
            sb.append(" · ");
        }
        sb.append(what).append(' ').append(when(at, zone)).append(by == null ? "" : " by " + by);
    }

    static String when(Instant at, ZoneId zone) {
        return at == null ? "—" : WHEN.format(at.atZone(zone));
    }

    static String css(Enum<?> e) {
        return e.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
