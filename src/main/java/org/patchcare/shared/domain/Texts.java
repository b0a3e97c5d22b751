package org.patchcare.shared.domain;

/** Text helpers shared by entities and services. */
public final class Texts {

    private Texts() {
    }

    /**
     * {@code s} as it is when it has at most {@code max} characters (null stays null), else refused for {@code field}:
     * for what a person typed, which must be kept exactly or refused, never shortened behind their back.
     */
    public static String within(String field, String s, int max) {
        if (s != null && s.length() > max) {
            throw new InvalidInputException(field, String.format(java.util.Locale.ROOT,
                    "at most %,d characters (this has %,d)", max, s.length()));
        }
        return s;
    }

    /** {@code s} cut to at most {@code max} characters, the last one an ellipsis when cut; null stays null. */
    public static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
