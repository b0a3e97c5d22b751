package org.patchcare.advisories.domain.matching;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A version string as vendors write it, cut into numeric and alphabetic segments: "012U000040" → 12 · u · 40,
 * "B.12" → b · 12, "6.3V1L10" → 6 · 3 · v · 1 · l · 10, "MX-V4.0.1.15" → mx · v · 4 · 0 · 1 · 15. Leading words
 * such as "Version", "Rev." or a lone "v" before a digit are dropped; "Service Pack" is read as "sp".
 * <p>
 * {@link #compareTo} answers only when the comparison means something, and returns null otherwise: numbers compare as
 * numbers (B.9 &lt; B.12, 012U000039 &lt; 012U000040), single letters compare in alphabetical order (J &lt; K), equal
 * words are skipped; a number against a letter, two different words, or two different letter prefixes glued to digits
 * (U61 against L81: two product lines, not two releases) are not comparable. Missing trailing segments count as zero
 * (4.3 = 4.3.0) but not against a letter (2.4 against 2.4A is not comparable).
 * <p>
 * A trailing "x" or "*" is a wildcard: "2.x" and "12.2.x.x" end at the previous segment; "8.1x" and "C.0x" leave the
 * last segment's first digits fixed ({@link #partialLast}).
 */
public final class LooseVersion {

    /** One segment; {@code glued} is true for a leading word directly followed by digits ("U61", "BT02", "R9.85"). */
    record Segment(boolean numeric, String text, boolean glued) {

        String digits() {
            return text.replaceFirst("^0+(?=.)", "");
        }

        int compareNumber(Segment other) {
            String a = digits();
            String b = other.digits();
            return a.length() != b.length() ? Integer.compare(a.length(), b.length()) : Integer.signum(a.compareTo(b));
        }

        boolean hasLeadingZero() {
            return numeric && text.length() > 1 && text.charAt(0) == '0';
        }

        boolean isZero() {
            return numeric && digits().equals("0");
        }
    }

    private static final Pattern LEADING_WORDS = Pattern.compile(
            "^(?:(?:version|ver\\.?|release|rel\\.?|revision|rev\\.?|firmware|software|sw|fw)\\s*[:#]?\\s*)+");
    private static final Pattern LEADING_V = Pattern.compile("^v(?=\\d)");
    private static final Pattern SEPARATORS = Pattern.compile("[.\\-_\\s/+:,]+");
    private static final Pattern PIECES = Pattern.compile("\\d+|\\p{L}+");
    /** Words that belong to versions; any other word of three letters or more makes a text a product variant. */
    private static final Set<String> VERSION_WORDS = Set.of("build", "sp", "sr", "mr", "upd", "update", "patch",
            "hotfix", "hf", "fix", "rc", "beta", "alpha", "rev", "release", "cert", "r", "p", "v", "b",
            "x", "ga", "lts", "esr");

    private final String text;
    private final List<Segment> segments;
    private final boolean wildcard;
    private final String partialLast;

    private LooseVersion(String text, List<Segment> segments, boolean wildcard, String partialLast) {
        this.text = text;
        this.segments = segments;
        this.wildcard = wildcard;
        this.partialLast = partialLast;
    }

    /** Parses any text; an empty or segment-less text gives a version without segments. */
    public static LooseVersion parse(String raw) {
        String t = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT).replaceAll("service\\s*pack", "sp");
        t = LEADING_WORDS.matcher(t).replaceFirst("");
        t = LEADING_V.matcher(t).replaceFirst("");
        List<Segment> segs = new ArrayList<>();
        for (String chunk : SEPARATORS.split(t)) {
            var m = PIECES.matcher(chunk);
            List<String> pieces = new ArrayList<>();
            while (m.find()) {
                pieces.add(m.group());
            }
            for (int i = 0; i < pieces.size(); i++) {
                String p = pieces.get(i);
                boolean numeric = Character.isDigit(p.charAt(0));
                boolean glued = !numeric && segs.isEmpty() && i + 1 < pieces.size();
                segs.add(new Segment(numeric, p, glued));
            }
        }
        boolean wildcard = false;
        String partial = null;
        // trailing wildcards: "2.x", "12.2.x.x", "8.1x", "C.0x", "*"
        while (!segs.isEmpty() && !segs.get(segs.size() - 1).numeric() && segs.get(segs.size() - 1).text().equals("x")) {
            segs.remove(segs.size() - 1);
            wildcard = true;
        }
        if (t.endsWith("*")) {
            wildcard = true;
        }
        if (wildcard && !segs.isEmpty() && segs.get(segs.size() - 1).numeric()
                && t.matches(".*\\d[x*]$")) {
            partial = segs.remove(segs.size() - 1).text();
        }
        return new LooseVersion(raw == null ? "" : raw.strip(), List.copyOf(segs), wildcard, partial);
    }

    public String text() {
        return text;
    }

    List<Segment> segments() {
        return segments;
    }

    public boolean isEmpty() {
        return segments.isEmpty() && partialLast == null;
    }

    public boolean isWildcard() {
        return wildcard;
    }

    /** The fixed leading digits of a last segment written like "1x" (null when the wildcard is a whole segment). */
    public String partialLast() {
        return partialLast;
    }

    public boolean hasDigit() {
        return partialLast != null || segments.stream().anyMatch(Segment::numeric);
    }

    /** The words of three letters or more that are not version words ("Accu-Chek Inform II" → accu, chek, inform). */
    List<String> foreignWords() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            boolean leadingTag = i == 0 && segments.size() > 1 && segments.get(1).numeric();
            if (!s.numeric() && s.text().length() >= 3 && !VERSION_WORDS.contains(s.text()) && !leadingTag) {
                out.add(s.text());
            }
        }
        return out;
    }

    /**
     * Compares this version with another: negative, zero or positive, or null when the two cannot be compared. A
     * wildcard on the other side compares only the segments it fixes.
     */
    public Integer compareTo(LooseVersion other) {
        if (isEmpty() || other.isEmpty() && !other.wildcard) {
            return null;
        }
        if (other.wildcard) {
            return compareToPrefix(other);
        }
        return compare(segments, other.segments);
    }

    private Integer compareToPrefix(LooseVersion prefix) {
        int k = prefix.segments.size();
        List<Segment> head = segments.size() > k ? segments.subList(0, k) : segments;
        Integer c = compare(head, prefix.segments);
        if (c == null || c != 0 || prefix.partialLast == null) {
            return c;
        }
        if (segments.size() <= k) {
            return null; // "8" against "8.1x": which 8.1x release?
        }
        Segment next = segments.get(k);
        if (!next.numeric() || next.text().length() != prefix.partialLast.length() + 1) {
            return null; // "8.2" against "8.1x" (is it 8.20?) cannot be told
        }
        String fixed = next.text().substring(0, prefix.partialLast.length());
        return Integer.signum(fixed.compareTo(prefix.partialLast));
    }

    private static Integer compare(List<Segment> a, List<Segment> b) {
        if (!sameShape(a, b)) {
            return null;
        }
        int n = Math.max(a.size(), b.size());
        for (int i = 0; i < n; i++) {
            Segment x = i < a.size() ? a.get(i) : null;
            Segment y = i < b.size() ? b.get(i) : null;
            if (x == null || y == null) {
                List<Segment> rest = x == null ? b.subList(i, b.size()) : a.subList(i, a.size());
                if (rest.stream().allMatch(Segment::isZero)) {
                    return 0;
                }
                if (!rest.get(0).numeric()) {
                    return null;
                }
                return x == null ? -1 : 1;
            }
            if (x.numeric() && y.numeric()) {
                int c = x.compareNumber(y);
                if (c != 0) {
                    return c;
                }
            } else if (!x.numeric() && !y.numeric()) {
                if (x.text().equals(y.text())) {
                    continue;
                }
                if (i == 0 && (x.glued() || y.glued())) {
                    return null;
                }
                if (x.text().length() == 1 && y.text().length() == 1) {
                    return Integer.signum(x.text().compareTo(y.text()));
                }
                return null;
            } else {
                return null;
            }
        }
        return 0;
    }

    /**
     * Two versions follow the same scheme when, over their common length, numbers stand against numbers and words
     * against words, their first numbers are of similar size (not "2022" against "3.1", nor "4107600010.23" against
     * "2.1"), and equal-looking numbers do not differ only by leading zeros ("1.003" against "1.3").
     */
    private static boolean sameShape(List<Segment> a, List<Segment> b) {
        int common = Math.min(a.size(), b.size());
        for (int i = 0; i < common; i++) {
            Segment x = a.get(i);
            Segment y = b.get(i);
            if (x.numeric() != y.numeric()) {
                return false;
            }
            if (x.numeric() && x.text().length() != y.text().length() && (x.hasLeadingZero() || y.hasLeadingZero())) {
                return false;
            }
        }
        Segment firstA = a.stream().filter(Segment::numeric).findFirst().orElse(null);
        Segment firstB = b.stream().filter(Segment::numeric).findFirst().orElse(null);
        return firstA == null || firstB == null
                || Math.abs(firstA.digits().length() - firstB.digits().length()) < 3;
    }

    @Override
    public String toString() {
        return text;
    }
}
