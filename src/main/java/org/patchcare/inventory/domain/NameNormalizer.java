package org.patchcare.inventory.domain;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;

/**
 * Turns vendor names as advisories spell them into one comparable key: "GE Healthcare", "General Electric (GE)"
 * stay distinct keys (aliases join them), but case, accents, punctuation, legal suffixes, trailing spaces and
 * UTF-8 read as Latin-1 ("YhtymÃ¤") no longer matter.
 */
public final class NameNormalizer {

    private static final Set<String> LEGAL_SUFFIXES = Set.of(
            "inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "llc", "gmbh", "ag",
            "sa", "spa", "bv", "nv", "oy", "ab", "as", "plc", "kg", "se", "pty", "srl", "kk");

    private NameNormalizer() {
    }

    public static String normalize(String name) {
        if (name == null) {
            return "";
        }
        String s = repairMojibake(name.strip());
        s = Normalizer.normalize(s, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        s = s.toLowerCase(Locale.ROOT).replace("&", " and ");
        s = s.replaceAll("[^a-z0-9]+", " ").strip();
        String[] words = s.split(" ");
        int end = words.length;
        while (end > 1 && LEGAL_SUFFIXES.contains(words[end - 1])) {
            end--;
        }
        return String.join(" ", java.util.Arrays.copyOf(words, end));
    }

    /** "YhtymÃ¤" is "Yhtymä" encoded as UTF-8 and decoded as Latin-1; undo that when it is clearly the case. */
    static String repairMojibake(String s) {
        if (s.indexOf('Ã') < 0 && s.indexOf('Â') < 0) {
            return s;
        }
        byte[] bytes = s.getBytes(StandardCharsets.ISO_8859_1);
        String repaired = new String(bytes, StandardCharsets.UTF_8);
        return repaired.indexOf('\uFFFD') >= 0 ? s : repaired;
    }
}
