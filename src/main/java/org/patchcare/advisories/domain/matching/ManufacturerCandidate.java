package org.patchcare.advisories.domain.matching;

import java.util.Objects;
import java.util.Set;

/**
 * A manufacturer of the inventory as the matcher sees it.
 *
 * @param manufacturerKey the inventory's stable key (UUID or natural key), returned in every match
 * @param name            the manufacturer's name as the inventory writes it
 * @param aliases         other names for it ("BD", "Becton Dickinson", "Hill-Rom"), may be empty
 */
public record ManufacturerCandidate(String manufacturerKey, String name, Set<String> aliases) {

    public ManufacturerCandidate {
        Objects.requireNonNull(manufacturerKey, "manufacturerKey");
        Objects.requireNonNull(name, "name");
        aliases = aliases == null ? Set.of() : Set.copyOf(aliases);
    }
}
