package org.patchcare.advisories.domain.matching;

import java.util.Locale;

/**
 * An advisory vendor string matched to an inventory manufacturer.
 *
 * @param manufacturerKey  the inventory manufacturer's key
 * @param manufacturerName the inventory manufacturer's name
 * @param advisoryVendor   the vendor string as the advisory wrote it
 * @param kind             how it matched
 * @param confidence       1.0 for {@link Kind#EXACT}, 0.9–0.95 for {@link Kind#ALIAS}, below 0.9 for {@link Kind#FUZZY}
 * @param via              what matched, for people: the alias, the abbreviation or the spelling compared
 */
public record VendorMatch(String manufacturerKey, String manufacturerName, String advisoryVendor, Kind kind,
        double confidence, String via) {

    /** How an advisory vendor matched a manufacturer. */
    public enum Kind {
        /** Equal after normalisation (case, accents, punctuation, legal suffix). */
        EXACT,
        /** Equal to an alias, an abbreviation in parentheses, an acronym, or the name without sector words. */
        ALIAS,
        /** Similar spelling ("Phillips" / "Philips") or one name starting with the other: a person should confirm. */
        FUZZY
    }

    /** For people: {@code vendor "Phillips" ≈ Philips (fuzzy: spelling)}. */
    public String describe() {
        String shown = advisoryVendor == null ? "" : advisoryVendor.strip();
        return switch (kind) {
            case EXACT -> "vendor \"" + shown + "\" = " + manufacturerName;
            case ALIAS -> "vendor \"" + shown + "\" = " + manufacturerName + " (alias " + via + ")";
            case FUZZY -> "vendor \"" + shown + "\" ≈ " + manufacturerName + " (fuzzy: " + via + ", "
                    + String.format(Locale.ROOT, "%.2f", confidence) + ")";
        };
    }
}
