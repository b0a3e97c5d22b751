package org.patchcare.downtime.ui;

import org.patchcare.shared.domain.Roles;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What a person can do with a change request, as the detail screen and the approval cards offer it. The service says
 * which actions a request allows the caller ({@code ChangeRequestDetails.allowedActions}); the role sets here only hide
 * buttons the caller's roles could never use (the service checks again).
 */
enum RequestAction {
    EDIT("edit", "Edit", false, Set.of(Roles.BIOMED_TECH, Roles.IT_SECURITY)),
    SUBMIT("submit", "Submit for approval", false, Set.of(Roles.BIOMED_TECH, Roles.IT_SECURITY)),
    APPROVE("approve", "Approve", false, Set.of(Roles.CLINICAL_MANAGER, Roles.IT_SECURITY)),
    REJECT("reject", "Reject…", true, Set.of(Roles.CLINICAL_MANAGER, Roles.IT_SECURITY)),
    PROPOSE_WINDOW("propose-window", "Propose another window…", true, Set.of(Roles.CLINICAL_MANAGER, Roles.IT_SECURITY)),
    SCHEDULE("schedule", "Schedule", false, Set.of(Roles.BIOMED_TECH, Roles.IT_SECURITY)),
    START("start", "Start work", false, Set.of(Roles.BIOMED_TECH, Roles.IT_SECURITY)),
    COMPLETE("complete", "Mark as completed", false, Set.of(Roles.BIOMED_TECH, Roles.IT_SECURITY)),
    FAIL("fail", "Report failure…", true, Set.of(Roles.BIOMED_TECH, Roles.IT_SECURITY)),
    ROLL_BACK("roll-back", "Record roll-back", false, Set.of(Roles.BIOMED_TECH, Roles.IT_SECURITY)),
    CANCEL("cancel", "Cancel request…", false,
            Set.of(Roles.BIOMED_TECH, Roles.IT_SECURITY, Roles.CLINICAL_MANAGER, Roles.ADMIN));

    private final String key;
    private final String label;
    private final boolean commentRequired;
    private final Set<String> roles;

    RequestAction(String key, String label, boolean commentRequired, Set<String> roles) {
        this.key = key;
        this.label = label;
        this.commentRequired = commentRequired;
        this.roles = roles;
    }

    /** The name in {@code allowedActions} and in element ids, e.g. "propose-window". */
    String key() {
        return key;
    }

    String label() {
        return label;
    }

    boolean commentRequired() {
        return commentRequired;
    }

    Set<String> roles() {
        return roles;
    }

    /**
     * The action an {@code allowedActions} entry names, tolerant of spelling: "roll-back", "rollBack", "ROLL_BACK" and
     * "rollback" are the same; "propose", "proposeWindow" and "propose-window" too.
     */
    static Optional<RequestAction> of(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String n = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (n.startsWith("propose")) {
            return Optional.of(PROPOSE_WINDOW);
        }
        return Arrays.stream(values()).filter(a -> a.key.replace("-", "").equals(n)
                || a.name().toLowerCase(Locale.ROOT).replace("_", "").equals(n)).findFirst();
    }
}
