package org.patchcare.advisories.domain.matching;

import java.util.Objects;

/**
 * A device model of the inventory as the matcher sees it.
 *
 * @param modelKey        the inventory's stable key of the model
 * @param manufacturerKey the key of its {@link ManufacturerCandidate}
 * @param modelName       the model's name ("IntelliVue MX40")
 * @param modelNumber     the model or catalogue number, or null
 */
public record ModelCandidate(String modelKey, String manufacturerKey, String modelName, String modelNumber) {

    public ModelCandidate {
        Objects.requireNonNull(modelKey, "modelKey");
        Objects.requireNonNull(manufacturerKey, "manufacturerKey");
        Objects.requireNonNull(modelName, "modelName");
    }
}
