package org.patchcare.inventory.domain;

/**
 * What a department loses while one of its devices is down or compromised (SSVC mission impact, v2.0.0). Set per
 * department; a device with a redundant unit counts one step lower. The risk context keeps its own enum with the same
 * constant names.
 */
public enum MissionImpact {
    DEGRADED("Degraded",
            "Work goes on, slower or with workarounds; patients are not put at risk. E.g. administration, "
                    + "records, outpatient clinics that can reschedule."),
    MEF_SUPPORT_CRIPPLED("Essential support crippled",
            "A service that patient care relies on stops or slows badly, but care goes on. E.g. laboratory, "
                    + "radiology, pharmacy."),
    MEF_FAILURE("Essential function fails",
            "The department cannot give patients the care it exists for. E.g. intensive care, emergency, "
                    + "operating rooms."),
    MISSION_FAILURE("Mission fails",
            "The hospital as a whole can no longer care for patients. Rare: only for devices or systems every "
                    + "department depends on.");

    private final String label;
    private final String help;

    MissionImpact(String label, String help) {
        this.label = label;
        this.help = help;
    }

    /** How a person reads it. */
    public String label() {
        return label;
    }

    /** One or two sentences for a clinical manager choosing the value. */
    public String help() {
        return help;
    }
}
