package org.patchcare.advisories.application.vex;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The VEX state of an exposure, in the order of caution used when the devices of one product disagree: a product is
 * written with the first state any of its devices has (affected before under investigation before fixed before not
 * affected), because "not affected" is the strongest claim and is made only when every device supports it.
 */
public enum VexState {
    AFFECTED("known_affected"),
    UNDER_INVESTIGATION("under_investigation"),
    FIXED("fixed"),
    NOT_AFFECTED("known_not_affected");

    /** The CSAF 2.0 flag labels (section 3.2.3.5) accepted as justification of {@link #NOT_AFFECTED}. */
    public static final List<String> JUSTIFICATIONS = List.of("component_not_present", "vulnerable_code_not_present",
            "vulnerable_code_not_in_execute_path", "vulnerable_code_cannot_be_controlled_by_adversary",
            "inline_mitigations_already_exist");

    private final String csafProductStatus;

    VexState(String csafProductStatus) {
        this.csafProductStatus = csafProductStatus;
    }

    /** The CSAF product_status list this state is written to. */
    public String csafProductStatus() {
        return csafProductStatus;
    }

    /** The state named by a statement, e.g. {@code "NOT_AFFECTED"} (case and surrounding blanks ignored). */
    public static VexState parse(String name) {
        if (name != null) {
            String normal = name.strip().toUpperCase(Locale.ROOT);
            for (VexState state : values()) {
                if (state.name().equals(normal)) {
                    return state;
                }
            }
        }
        throw new InvalidVexRequestException("Unknown VEX state " + (name == null ? "(none)" : "\"" + name + "\"")
                + ": expected one of " + Arrays.toString(values()) + ".");
    }
}
