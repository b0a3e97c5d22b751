package org.patchcare.advisories.application.csaf.validation;

/** How much a finding weighs: an {@link #ERROR} rejects the document, a {@link #WARNING} is shown and accepted. */
public enum FindingLevel {
    ERROR,
    WARNING
}
