package org.patchcare.patching.domain;

import org.patchcare.shared.domain.InvalidInputException;
import org.patchcare.shared.domain.InvalidInputException.Violation;

import java.util.ArrayList;
import java.util.List;

/**
 * What was done to a device, as the technician records it: a software update from one version to another, or a
 * control applied; who of the vendor did it, notes and the result. {@link #check} refuses what is missing or too long,
 * each on its field.
 */
public record PatchWork(PatchAction action, String fromVersion, String toVersion, String controlApplied,
                        String vendorEngineer, String notes, PatchResult result) {

    /** As long as the device's software version (which a successful update writes). */
    public static final int VERSION_MAX = 80;
    public static final int CONTROL_MAX = 1000;
    public static final int ENGINEER_MAX = 200;
    public static final int NOTES_MAX = 4000;

    public void check() {
        List<Violation> v = new ArrayList<>();
        if (action == null) {
            v.add(new Violation("action", "Say what was done: a software update or a control applied."));
        } else if (action == PatchAction.SOFTWARE_UPDATE) {
            if (blank(toVersion)) {
                v.add(new Violation("toVersion", "A software update needs the version installed (the to-version)."));
            } else if (toVersion.strip().length() > VERSION_MAX) {
                v.add(new Violation("toVersion", "At most " + VERSION_MAX + " characters."));
            } else if (!blank(fromVersion) && fromVersion.strip().equals(toVersion.strip())
                    && result != PatchResult.FAILED) {
                v.add(new Violation("toVersion", "The to-version is the version the device already had ("
                        + fromVersion.strip() + "); give the version installed."));
            }
            tooLong(v, "fromVersion", fromVersion, VERSION_MAX);
        } else {
            if (blank(controlApplied)) {
                v.add(new Violation("controlApplied", "Name the control applied, e.g. 'SMB port 445 blocked on the "
                        + "device firewall'."));
            }
            tooLong(v, "controlApplied", controlApplied, CONTROL_MAX);
        }
        if (result == null) {
            v.add(new Violation("result", "Give the result: success, partial or failed."));
        } else if (result == PatchResult.FAILED && blank(notes)) {
            v.add(new Violation("notes", "Say what went wrong; the device is rolled back next."));
        }
        tooLong(v, "vendorEngineer", vendorEngineer, ENGINEER_MAX);
        tooLong(v, "notes", notes, NOTES_MAX);
        if (!v.isEmpty()) {
            throw new InvalidInputException(v);
        }
    }

    /** The version the device runs after this work, or null when its software did not change. */
    public String softwareAfter() {
        if (action != PatchAction.SOFTWARE_UPDATE || blank(toVersion)) {
            return null;
        }
        return result == PatchResult.SUCCESS || result == PatchResult.PARTIAL ? toVersion.strip() : null;
    }

    static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    static void tooLong(List<Violation> v, String field, String value, int max) {
        if (value != null && value.strip().length() > max) {
            v.add(new Violation(field, "At most " + max + " characters."));
        }
    }

    static String clean(String s) {
        return blank(s) ? null : s.strip();
    }

    /** The work with the from-version filled from what the device ran when the work started. */
    public PatchWork withFromVersion(String deviceVersion) {
        return blank(fromVersion) && action == PatchAction.SOFTWARE_UPDATE
                ? new PatchWork(action, deviceVersion, toVersion, controlApplied, vendorEngineer, notes, result)
                : this;
    }
}
