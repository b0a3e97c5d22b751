package org.patchcare.advisories.domain.matching;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Normalisation of vendor and product names as they appear in advisories and in the inventory.
 * <ul>
 *   <li>{@link #normalize}: repairs mojibake (UTF-8 read as Latin-1, "YhtymÃ¤" → "Yhtymä"), removes accents, lower
 *       case, "&amp;" → "and", every other punctuation → one space, trimmed.</li>
 *   <li>{@link #vendorKey}: the normalised name without parenthesised parts, without legal-form suffixes (Inc, Corp,
 *       Ltd, GmbH, AG, Oy, ...) and without a dangling "and".</li>
 *   <li>{@link #vendorCore}: the key without trailing sector words (Healthcare, Medical, Diagnostics, International,
 *       ...): "GE Healthcare" → "ge", "Roche Diagnostics" → "roche".</li>
 *   <li>{@link #abbreviations}: what stands in parentheses after a name: "Becton, Dickinson and Company (BD)" →
 *       "bd".</li>
 * </ul>
 */
public final class Names {

    private static final Set<String> LEGAL_SUFFIXES = Set.of("inc", "incorporated", "corp", "corporation", "co",
            "company", "cos", "ltd", "limited", "llc", "llp", "lp", "gmbh", "mbh", "ag", "kg", "kgaa", "oy", "oyj",
            "ab", "as", "asa", "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "plc", "pty", "pte", "kk", "ltda", "se",
            "holding", "holdings", "sl", "sro", "ulc", "lda", "ev", "eg");
    private static final Set<String> SECTOR_WORDS = Set.of("healthcare", "health", "healthineers", "medical",
            "medicals", "care", "systems", "system", "technologies", "technology", "tech", "diagnostics", "laboratories",
            "laboratory", "labs", "international", "developments", "solutions", "industries", "group", "global",
            "usa", "us", "america", "development", "americas", "devices", "informatics", "life", "sciences", "yhtyma", "medizintechnik",
            "worldwide", "products");
    private static final Pattern PARENTHESES = Pattern.compile("\\(([^()]*)\\)");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_ALNUM = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern MOJIBAKE = Pattern.compile("[\\u00C2-\\u00F4][\\u0080-\\u00BF\\u0152\\u0153\\u0160"
            + "\\u0161\\u0178\\u017D\\u017E\\u0192\\u02C6\\u02DC\\u2013\\u2014\\u2018-\\u201E\\u2020-\\u2022\\u2026"
            + "\\u2030\\u2039\\u203A\\u20AC\\u2122]");
    private static final Charset CP1252 = Charset.forName("windows-1252");

    private Names() {
    }

    /**
     * Repairs text that was UTF-8 but decoded as Latin-1 or Windows-1252 ("Innokas YhtymÃ¤ Oy" → "Innokas Yhtymä
     * Oy"). Text that does not show the pattern, or does not decode cleanly, is returned unchanged.
     */
    public static String repairMojibake(String s) {
        if (s == null || !MOJIBAKE.matcher(s).find()) {
            return s;
        }
        for (Charset wrong : List.of(StandardCharsets.ISO_8859_1, CP1252)) {
            try {
                CharsetEncoder enc = wrong.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
                ByteBuffer bytes = enc.encode(CharBuffer.wrap(s));
                CharsetDecoder dec = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT);
                return dec.decode(bytes).toString();
            } catch (CharacterCodingException notThisOne) {
                // the text is not mojibake of this charset: try the next one, or keep the text as it is
            }
        }
        return s;
    }

    /** Lower case, no accents, "&amp;" as "and", punctuation as single spaces, trimmed; null stays null. */
    public static String normalize(String s) {
        if (s == null) {
            return null;
        }
        String t = repairMojibake(s).replace("&", " and ").replace("ß", "ss").replace("æ", "ae").replace("Æ", "AE")
                .replace("ø", "o").replace("Ø", "O").replace("œ", "oe").replace("Œ", "OE").replace("ł", "l")
                .replace("Ł", "L").replace("®", " ").replace("™", " ");
        t = MARKS.matcher(Normalizer.normalize(t, Normalizer.Form.NFKD)).replaceAll("");
        t = NON_ALNUM.matcher(t.toLowerCase(Locale.ROOT)).replaceAll(" ");
        return t.strip();
    }

    /** German transliteration before normalising ("Dräger" → "draeger"), as inventories often write it. */
    public static String normalizeTransliterated(String s) {
        if (s == null) {
            return null;
        }
        String t = repairMojibake(s).replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("Ä", "Ae")
                .replace("Ö", "Oe").replace("Ü", "Ue");
        return normalize(t);
    }

    /** The tokens of {@link #normalize}; empty for null or blank. */
    public static List<String> tokens(String s) {
        String n = normalize(s);
        if (n == null || n.isEmpty()) {
            return List.of();
        }
        return List.of(n.split(" "));
    }

    /** The normalised text without spaces: "Hill-Rom" and "Hillrom" both give "hillrom". */
    public static String compact(String s) {
        String n = normalize(s);
        return n == null ? null : n.replace(" ", "");
    }

    /** A model number or other identifier for comparison: letters and digits only, lower case ("MMT-1715" → "mmt1715"). */
    public static String identifierKey(String s) {
        return compact(s);
    }

    /** The parenthesised short forms after a name: "Natus Medical, Inc. (Natus)" → ["natus"]. */
    public static List<String> abbreviations(String s) {
        if (s == null) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        var m = PARENTHESES.matcher(repairMojibake(s));
        while (m.find()) {
            String inner = normalize(m.group(1));
            if (!inner.isEmpty() && inner.split(" ").length <= 3) {
                out.add(inner);
            }
        }
        return out;
    }

    /** The name without what stands in parentheses. */
    public static String withoutParentheses(String s) {
        return s == null ? null : PARENTHESES.matcher(s).replaceAll(" ");
    }

    /** The vendor name normalised, without parentheses and legal-form suffixes: "SOOIL Developments Co, Ltd." → "sooil developments". */
    public static String vendorKey(String s) {
        return String.join(" ", stripLegal(joinInitials(tokens(withoutParentheses(s)))));
    }

    /** Like {@link #vendorKey} with German transliteration ("Dräger" → "draeger"). */
    public static String vendorKeyTransliterated(String s) {
        String t = normalizeTransliterated(withoutParentheses(s));
        return String.join(" ", stripLegal(joinInitials(t.isEmpty() ? List.of() : List.of(t.split(" ")))));
    }

    /** The vendor key without trailing sector words, keeping at least one token: "B. Braun Medical" → "b braun". */
    public static String vendorCore(String s) {
        return core(vendorKey(s));
    }

    /** {@link #vendorCore} of a key that is already a {@link #vendorKey}. */
    static String core(String key) {
        List<String> t = new ArrayList<>(key.isEmpty() ? List.of() : Arrays.asList(key.split(" ")));
        boolean changed = true;
        while (changed && t.size() > 1) {
            changed = false;
            String last = t.get(t.size() - 1);
            if (SECTOR_WORDS.contains(last) || LEGAL_SUFFIXES.contains(last) || last.equals("and")) {
                t.remove(t.size() - 1);
                changed = true;
            }
        }
        return String.join(" ", t);
    }

    /** Initials of a multi-word key ("general electric" → "ge"); null for a single word. */
    public static String acronym(String key) {
        if (key == null || !key.contains(" ")) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (String t : key.split(" ")) {
            if (!t.equals("and") && !t.equals("of") && !t.equals("the")) {
                b.append(t.charAt(0));
            }
        }
        return b.length() >= 2 ? b.toString() : null;
    }

    /** True when the text is nothing but a legal form: "Inc.", "Co", "S.A.". */
    public static boolean isLegalForm(String s) {
        List<String> t = new ArrayList<>(joinInitials(tokens(s)));
        if (t.isEmpty()) {
            return false;
        }
        t.add(0, "x");
        return stripLegal(t).size() == 1;
    }

    /** Runs of single letters become one token: "S.A." → "sa", "U.S.A." → "usa", "G.E." → "ge"; "B. Braun" stays. */
    private static List<String> joinInitials(List<String> tokens) {
        List<String> out = new ArrayList<>();
        StringBuilder run = new StringBuilder();
        int runLength = 0;
        for (String t : tokens) {
            if (t.length() == 1 && Character.isLetter(t.charAt(0))) {
                run.append(t);
                runLength++;
                continue;
            }
            flush(out, run, runLength);
            run.setLength(0);
            runLength = 0;
            out.add(t);
        }
        flush(out, run, runLength);
        return out;
    }

    private static void flush(List<String> out, StringBuilder run, int runLength) {
        if (runLength > 0) {
            out.add(run.toString());
        }
    }

    private static List<String> stripLegal(List<String> tokens) {
        List<String> t = new ArrayList<>(tokens);
        boolean changed = true;
        while (changed && t.size() > 1) {
            changed = false;
            String last = t.get(t.size() - 1);
            if (LEGAL_SUFFIXES.contains(last) || last.equals("and")) {
                t.remove(t.size() - 1);
                changed = true;
                continue;
            }
        }
        return t;
    }

    /** Every form of a vendor name worth looking up: key, transliterated key, their compact forms. */
    static Set<String> keyForms(String s) {
        Set<String> out = new LinkedHashSet<>();
        String key = vendorKey(s);
        String tr = vendorKeyTransliterated(s);
        for (String k : List.of(key, tr)) {
            if (!k.isEmpty()) {
                out.add(k);
                out.add(k.replace(" ", ""));
            }
        }
        return out;
    }

    /** Damerau-Levenshtein distance (optimal string alignment), for the fuzzy vendor and token comparisons. */
    public static int editDistance(String a, String b) {
        int n = a.length();
        int m = b.length();
        int[][] d = new int[n + 1][m + 1];
        for (int i = 0; i <= n; i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= m; j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= n; i++) {
            for (int j = 1; j <= m; j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[n][m];
    }
}
