package org.patchcare.shared.domain;

/** Text helpers shared by entities and services. */
public final class Texts {

    private Texts() {
    }

    /** {@code s} cut to at most {@code max} characters, the last one an ellipsis when cut; null stays null. */
    public static String cut(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
