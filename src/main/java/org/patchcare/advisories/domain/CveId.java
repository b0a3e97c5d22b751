package org.patchcare.advisories.domain;

import java.util.Locale;
import java.util.regex.Pattern;

/** A CVE identifier as MITRE assigns it: {@code CVE-YYYY-NNNN}, four or more digits after the year. */
public final class CveId {

    public static final int MAX_LENGTH = 20;
    private static final Pattern PATTERN = Pattern.compile("CVE-(1999|2\\d{3})-(0\\d{3}|[1-9]\\d{3,14})");

    private CveId() {
    }

    /** The id in canonical upper case, or null when {@code text} is not a CVE id. */
    public static String normalize(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip().toUpperCase(Locale.ROOT);
        return s.length() <= MAX_LENGTH && PATTERN.matcher(s).matches() ? s : null;
    }

    public static boolean isValid(String text) {
        return normalize(text) != null;
    }
}
