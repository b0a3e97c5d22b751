package org.patchcare.advisories.application.csaf.validation;

import java.math.BigInteger;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A CSAF document version (type version_t): integer versioning ("3") or semantic versioning ("1.2.0-rc.1+build.5").
 * Integer versions compare as major versions ("3" like "3.0.0"); pre-releases sort before their release, build
 * metadata is ignored, as in semantic versioning 2.0.0.
 */
record DocumentVersion(String text, boolean semantic, BigInteger major, BigInteger minor, BigInteger patch,
        String preRelease, String build) implements Comparable<DocumentVersion> {

    private static final Pattern INTEGER = Pattern.compile("0|[1-9][0-9]*");
    private static final Pattern SEMVER = Pattern.compile("(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)"
            + "(?:-((?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\\.(?:0|[1-9]\\d*|\\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
            + "(?:\\+([0-9a-zA-Z-]+(?:\\.[0-9a-zA-Z-]+)*))?");

    static Optional<DocumentVersion> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        if (INTEGER.matcher(text).matches()) {
            return Optional.of(new DocumentVersion(text, false, new BigInteger(text), BigInteger.ZERO,
                    BigInteger.ZERO, null, null));
        }
        Matcher m = SEMVER.matcher(text);
        if (m.matches()) {
            return Optional.of(new DocumentVersion(text, true, new BigInteger(m.group(1)), new BigInteger(m.group(2)),
                    new BigInteger(m.group(3)), m.group(4), m.group(5)));
        }
        return Optional.empty();
    }

    boolean hasPreRelease() {
        return preRelease != null;
    }

    boolean hasBuild() {
        return build != null;
    }

    /** "0" or "0.y.z": a version before the initial release. */
    boolean isZeroMajor() {
        return major.signum() == 0;
    }

    @Override
    public int compareTo(DocumentVersion other) {
        int c = major.compareTo(other.major);
        if (c == 0) {
            c = minor.compareTo(other.minor);
        }
        if (c == 0) {
            c = patch.compareTo(other.patch);
        }
        if (c == 0) {
            c = comparePreRelease(preRelease, other.preRelease);
        }
        return c;
    }

    private static int comparePreRelease(String a, String b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.min(x.length, y.length); i++) {
            boolean xNumeric = x[i].chars().allMatch(Character::isDigit);
            boolean yNumeric = y[i].chars().allMatch(Character::isDigit);
            int c;
            if (xNumeric && yNumeric) {
                c = new BigInteger(x[i]).compareTo(new BigInteger(y[i]));
            } else if (xNumeric || yNumeric) {
                c = xNumeric ? -1 : 1;
            } else {
                c = x[i].compareTo(y[i]);
            }
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(x.length, y.length);
    }
}
