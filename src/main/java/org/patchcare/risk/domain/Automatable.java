package org.patchcare.risk.domain;

/** SSVC Automatable: can an attacker reliably automate the first four steps of the kill chain? */
public enum Automatable {
    NO("no"),
    YES("yes");

    private final String label;

    Automatable(String label) {
        this.label = label;
    }

    /** How a person reads it (SSVC's own wording). */
    public String label() {
        return label;
    }
}
