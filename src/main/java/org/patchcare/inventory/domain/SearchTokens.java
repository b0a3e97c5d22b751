package org.patchcare.inventory.domain;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * The keys a device can be found by with a prefix search: each identifier lower-cased, plus its parts
 * split at separators, so "BME-004711" is found by "bme-00", "0047" and "004711".
 */
public final class SearchTokens {

    public static final int TOKEN_MAX = 120;
    private static final int PART_MIN = 2;

    private SearchTokens() {
    }

    public static Set<String> of(String... values) {
        Set<String> tokens = new HashSet<>();
        for (String v : values) {
            if (v == null || v.isBlank()) {
                continue;
            }
            String full = clip(v.strip().toLowerCase(Locale.ROOT));
            tokens.add(full);
            for (String part : full.split("[^a-z0-9]+")) {
                if (part.length() >= PART_MIN && !part.equals(full)) {
                    tokens.add(part);
                }
            }
        }
        return tokens;
    }

    /** The normalised form of what a user typed into the search box, or null when it is empty. */
    public static String query(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        return clip(text.strip().toLowerCase(Locale.ROOT));
    }

    private static String clip(String s) {
        return s.length() > TOKEN_MAX ? s.substring(0, TOKEN_MAX) : s;
    }
}
