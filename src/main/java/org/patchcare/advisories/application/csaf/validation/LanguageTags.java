package org.patchcare.advisories.application.csaf.validation;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * BCP 47 language tags (RFC 5646) checked against the IANA Language Subtag Registry shipped in
 * {@code classpath:csaf/validation/language-subtags.tsv}: well-formed, every subtag registered, extlang and variant
 * prefixes respected, no repeated variant or extension singleton. Used by tests 6.1.12, 6.2.14 and 6.2.15.
 */
final class LanguageTags {

    private static final String RESOURCE = "/csaf/validation/language-subtags.tsv";

    /** The irregular and regular grandfathered tags of RFC 5646, section 2.1; valid as whole tags. */
    private static final Set<String> GRANDFATHERED = Set.of("en-gb-oed", "i-ami", "i-bnn", "i-default",
            "i-enochian", "i-hak", "i-klingon", "i-lux", "i-mingo", "i-navajo", "i-pwn", "i-tao", "i-tay", "i-tsu",
            "sgn-be-fr", "sgn-be-nl", "sgn-ch-de", "art-lojban", "cel-gaulish", "no-bok", "no-nyn", "zh-guoyu",
            "zh-hakka", "zh-min", "zh-min-nan", "zh-xiang");

    /** The extension singletons registered with IANA (RFC 6067 "u", RFC 6497 "t"). */
    private static final Set<String> EXTENSIONS = Set.of("t", "u");

    private static final Pattern LANGTAG = Pattern.compile(
            "(?<language>[a-z]{2,3}(?<extlangs>(?:-[a-z]{3}){0,3})|[a-z]{4}|[a-z]{5,8})"
                    + "(?:-(?<script>[a-z]{4}))?"
                    + "(?:-(?<region>[a-z]{2}|[0-9]{3}))?"
                    + "(?<variants>(?:-(?:[a-z0-9]{5,8}|[0-9][a-z0-9]{3}))*)"
                    + "(?<extensions>(?:-[0-9a-wy-z](?:-[a-z0-9]{2,8})+)*)"
                    + "(?:-(?<private>x(?:-[a-z0-9]{1,8})+))?");
    private static final Pattern PRIVATE_USE = Pattern.compile("x(?:-[a-z0-9]{1,8})+");

    private record Subtag(String low, String high, String scope, List<String> prefixes) {

        boolean matches(String value) {
            return value.compareTo(low) >= 0 && value.compareTo(high) <= 0 && value.length() == low.length();
        }
    }

    private final Map<String, List<Subtag>> byType = new HashMap<>();

    LanguageTags() {
        TsvResource.read(RESOURCE, columns -> {
            String subtag = columns[1].toLowerCase(Locale.ROOT);
            int range = subtag.indexOf("..");
            String low = range < 0 ? subtag : subtag.substring(0, range);
            String high = range < 0 ? subtag : subtag.substring(range + 2);
            List<String> prefixes = columns[3].equals("-") ? List.of()
                    : List.of(columns[3].toLowerCase(Locale.ROOT).split("\\|"));
            byType.computeIfAbsent(columns[0], k -> new ArrayList<>()).add(new Subtag(low, high, columns[2], prefixes));
        });
    }

    /** Whether the tag is well-formed and every subtag in it is registered (test 6.1.12). */
    boolean isValid(String tag) {
        String t = tag.toLowerCase(Locale.ROOT);
        if (GRANDFATHERED.contains(t) || PRIVATE_USE.matcher(t).matches()) {
            return true;
        }
        Matcher m = LANGTAG.matcher(t);
        if (!m.matches()) {
            return false;
        }
        String language = m.group("extlangs") == null ? m.group("language")
                : m.group("language").substring(0, m.group("language").length() - m.group("extlangs").length());
        if (language.length() == 4 || find("language", language) == null) {
            return false;
        }
        String prefix = language;
        String extlangs = m.group("extlangs");
        if (extlangs != null && !extlangs.isEmpty()) {
            String[] parts = extlangs.substring(1).split("-");
            if (parts.length > 1) {
                return false;
            }
            Subtag extlang = find("extlang", parts[0]);
            if (extlang == null || !extlang.prefixes().contains(language)) {
                return false;
            }
            prefix = language + "-" + parts[0];
        }
        if (m.group("script") != null) {
            if (find("script", m.group("script")) == null) {
                return false;
            }
            prefix = prefix + "-" + m.group("script");
        }
        if (m.group("region") != null) {
            if (find("region", m.group("region")) == null) {
                return false;
            }
            prefix = prefix + "-" + m.group("region");
        }
        String variants = m.group("variants");
        if (variants != null && !variants.isEmpty()) {
            List<String> seen = new ArrayList<>();
            for (String variant : variants.substring(1).split("-")) {
                Subtag registered = find("variant", variant);
                if (registered == null || seen.contains(variant)) {
                    return false;
                }
                String current = prefix;
                if (!registered.prefixes().isEmpty()
                        && registered.prefixes().stream().noneMatch(p -> startsWithSubtags(current, p))) {
                    return false;
                }
                seen.add(variant);
                prefix = prefix + "-" + variant;
            }
        }
        String extensions = m.group("extensions");
        if (extensions != null && !extensions.isEmpty()) {
            List<String> singletons = new ArrayList<>();
            for (String part : extensions.substring(1).split("-")) {
                if (part.length() == 1) {
                    if (!EXTENSIONS.contains(part) || singletons.contains(part)) {
                        return false;
                    }
                    singletons.add(part);
                }
            }
        }
        return true;
    }

    /** Whether the tag uses a subtag reserved for private use (test 6.2.14). */
    boolean usesPrivateSubtag(String tag) {
        String t = tag.toLowerCase(Locale.ROOT);
        if (PRIVATE_USE.matcher(t).matches()) {
            return true;
        }
        Matcher m = LANGTAG.matcher(t);
        if (GRANDFATHERED.contains(t) || !m.matches()) {
            return false;
        }
        String language = m.group("language").split("-")[0];
        return m.group("private") != null
                || isPrivate("language", language)
                || (m.group("script") != null && isPrivate("script", m.group("script")))
                || (m.group("region") != null && isPrivate("region", m.group("region")));
    }

    private boolean isPrivate(String type, String value) {
        Subtag subtag = find(type, value);
        return subtag != null && "private-use".equals(subtag.scope());
    }

    private Subtag find(String type, String value) {
        for (Subtag subtag : byType.getOrDefault(type, List.of())) {
            if (subtag.matches(value)) {
                return subtag;
            }
        }
        return null;
    }

    private static boolean startsWithSubtags(String tag, String prefix) {
        return tag.equals(prefix) || tag.startsWith(prefix + "-");
    }
}
