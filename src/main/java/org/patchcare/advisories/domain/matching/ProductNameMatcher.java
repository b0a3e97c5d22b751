package org.patchcare.advisories.domain.matching;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scores how well an advisory's product name fits a device model (name and optional model number), from 0 to 1.
 * <p>
 * Names are cut into normalised tokens with weights: identifiers (letters with digits, or three digits or more:
 * "MMT-1715", "MX40", "8015") weigh {@value #ID_WEIGHT}, other words and short numbers 1, family words ("pump",
 * "monitor", "system", "software", ...) {@value #FAMILY_WEIGHT}, filler words and the vendor's own name 0. The score
 * is {@code M × (0.5 + 0.5 × A)}, M the share of the model's weight found in the advisory, A the share of the
 * advisory's weight found in the model, times {@value #MISSING_WORD_FACTOR} for each word of the model (not a family
 * word) that the advisory lacks ("Pyxis MedStation ES Server" is not "Pyxis MedStation ES"), and times
 * {@value #UNNAMED_WORD_FACTOR} for each word of the advisory the model lacks ("Pyxis Connect" is not quite "Pyxis
 * Inventory Connect").
 * Short upper-case codes in mixed-case names ("ES", "VH", "LVP") weigh {@value #CODE_WEIGHT} and, like numbers, count
 * as identifiers. Names equal after normalisation score 1. Tokens in parentheses count only when found ("(WLAN only)", "(CSM)"). Alternatives
 * An advisory name whose words begin the model's name, followed only by a model code ("LOGIQ" for "LOGIQ E10"), names a product line and scores at
 * least {@value #LINE_SCORE}. Alternatives written with slashes ("Paradigm 512/712 pumps", "Accent/Anthem") are tried one by one and the best counts. The
 * model number counts only when the advisory names it. Two names that each carry an identifier the other lacks
 * (advisory "Alaris 8000", model "Alaris 8015"; "P3 D24M" and "P3 M24M") score half. A model that the advisory excludes ("LOGIQ, not including LOGIQ 100
 * Pro") scores 0.
 * <p>
 * Identifiers from the advisory (model numbers, SKUs, CPE, purl) are compared first by {@link #identifierMatch}.
 */
public final class ProductNameMatcher {

    static final double ID_WEIGHT = 3.0;
    static final double FAMILY_WEIGHT = 0.3;
    static final double CODE_WEIGHT = 2.0;
    static final double MISSING_WORD_FACTOR = 0.85;
    static final double LINE_SCORE = 0.65;
    static final double UNNAMED_WORD_FACTOR = 0.95;

    /** A name's score and its explanation for people. */
    public record NameScore(double score, String explanation) {
    }

    /** A token of a name. */
    record Token(String text, double weight, boolean identifier, boolean optional) {
    }

    /** A name cut into tokens; the advisory side may have several readings (slash alternatives). */
    record Tokens(String source, List<Token> tokens, List<Token> excluded) {

        double weight() {
            return tokens.stream().filter(t -> !t.optional()).mapToDouble(Token::weight).sum();
        }

        boolean hasIdentifiers() {
            return tokens.stream().anyMatch(Token::identifier);
        }
    }

    private static final Set<String> STOP = Set.of("and", "or", "the", "of", "for", "with", "w", "by", "in", "on", "to",
            "a", "an", "including", "includingmp2", "not", "model", "models", "version", "versions", "product",
            "products", "family", "based", "only", "used", "enabled", "installed", "integrated", "type", "new", "all",
            "its", "from", "part", "number", "series", "line", "option", "options", "edition", "inc", "ltd");
    private static final Set<String> FAMILY = Set.of("pump", "monitor", "system", "software", "station", "server",
            "unit", "device", "application", "app", "module", "workstation", "programmer", "platform", "client", "hub",
            "reader", "portal", "machine", "generator", "scanner", "analyzer", "analyser", "manager", "center",
            "centre", "suite", "tool", "service", "web", "interface", "controller", "transmitter", "receiver",
            "mobile", "medical", "clinical", "patient", "wireless", "wifi", "wlan", "network", "networked", "remote",
            "firmware", "android", "ios", "windows", "embedded", "handheld", "bedside", "central", "cloud",
            "database", "db", "viewer", "view", "gateway", "dock", "docking", "cart", "console", "kit",
            // what kind of device, not which one
            "infusion", "syringe", "volumetric", "insulin", "ultrasound", "electrocardiograph", "cardiograph",
            "resting", "ecg", "ekg", "holter", "testing", "analysis", "diagnostic", "recorder", "dialysis",
            "hemodialysis", "delivery", "imaging", "vital", "sign", "signs");
    private static final Pattern RAW_TOKEN = Pattern.compile("[\\p{L}\\p{N}]+(?:[-.][\\p{L}\\p{N}]+)*");
    private static final Pattern SLASH_GROUP = Pattern.compile("[^\\s/()]+(?:\\s?/\\s?[^\\s/()]+)+");
    private static final Pattern EXCLUSION = Pattern.compile("(?i)[,;(]?\\s*\\b(?:not including|excluding|except)\\b(.*)$");
    private static final int MAX_READINGS = 24;

    private record Key(String name, Set<String> ignored) {
    }

    private final Map<Key, List<Tokens>> readingCache = new ConcurrentHashMap<>();
    private final Map<Key, Tokens> modelCache = new ConcurrentHashMap<>();
    private final Map<String, String> normalized = new ConcurrentHashMap<>();

    /** Score 0..1 of an advisory product name against a model name and optional model number. */
    public double score(String advisoryProductName, String modelName, String modelNumber) {
        return explain(advisoryProductName, modelName, modelNumber, Set.of()).score();
    }

    /** {@link #score} with its explanation; {@code ignoredWords} are normalised words that weigh nothing (vendor names). */
    public NameScore explain(String advisoryProductName, String modelName, String modelNumber,
            Collection<String> ignoredWords) {
        return explain(List.of(advisoryProductName), modelName, modelNumber, ignoredSet(ignoredWords));
    }

    /**
     * The best score over several advisory names for the same product (its name, the name with a variant from the
     * version field, the product of its CPE, ...). Ignored words are not ignored for a name that would be left empty
     * ("OpenClinic GA" by OpenClinic GA).
     */
    NameScore explain(List<String> advisoryNames, String modelName, String modelNumber, Set<String> ignored) {
        NameScore best = new NameScore(0, "name 0.00 (\"" + modelName + "\" ~ \"" + String.join("\" / \"",
                advisoryNames) + "\")");
        for (String advisoryName : advisoryNames) {
            String normalizedAdvisory = normalized.computeIfAbsent(advisoryName == null ? "" : advisoryName,
                    Names::compact);
            if (!normalizedAdvisory.isEmpty() && normalizedAdvisory.equals(normalized.computeIfAbsent(
                    modelName == null ? "" : modelName, Names::compact))) {
                return new NameScore(1.0, "name 1.00 (\"" + modelName + "\" = \"" + advisoryName + "\")");
            }
            List<Tokens> readings = readingCache.computeIfAbsent(new Key(advisoryName, ignored),
                    k -> readings(k.name(), k.ignored()));
            Tokens model = modelCache.computeIfAbsent(new Key(modelName, ignored), k -> model(k.name(), k.ignored()));
            if (model.weight() == 0 || readings.get(0).weight() == 0) {
                readings = readingCache.computeIfAbsent(new Key(advisoryName, Set.of()),
                        k -> readings(k.name(), k.ignored()));
                model = modelCache.computeIfAbsent(new Key(modelName, Set.of()), k -> model(k.name(), k.ignored()));
            }
            NameScore s = best(readings, model, modelNumber);
            if (s.score() > best.score()) {
                best = s;
            }
        }
        return best;
    }

    /**
     * Compares identifiers the advisory gives (model numbers, SKUs, or the product part of a CPE or purl) with the
     * model number: a score of 1 when one is equal, 0 when the advisory gives model numbers and none is equal, empty
     * when there is nothing to compare.
     */
    public Optional<NameScore> identifierMatch(Collection<String> advisoryModelNumbers, String modelNumber) {
        if (advisoryModelNumbers.isEmpty() || modelNumber == null || Names.identifierKey(modelNumber).isEmpty()) {
            return Optional.empty();
        }
        String key = Names.identifierKey(modelNumber);
        for (String n : advisoryModelNumbers) {
            if (key.equals(Names.identifierKey(n))) {
                return Optional.of(new NameScore(1.0, "model number " + modelNumber.strip() + " listed"));
            }
        }
        return Optional.of(new NameScore(0.0, "model number " + modelNumber.strip() + " not among "
                + String.join(", ", advisoryModelNumbers.stream().limit(5).toList())
                + (advisoryModelNumbers.size() > 5 ? ", …" : "")));
    }

    static Set<String> ignoredSet(Collection<String> words) {
        Set<String> out = new HashSet<>();
        for (String w : words) {
            out.addAll(Names.tokens(w));
            if (w != null && !Names.compact(w).isEmpty()) {
                out.add(Names.compact(w));
            }
        }
        return out;
    }

    // ---------------------------------------------------------------- tokens

    /** The model side: one reading, nothing optional. */
    static Tokens model(String modelName, Set<String> ignored) {
        String name = modelName == null ? "" : modelName;
        Matcher ex = EXCLUSION.matcher(name);
        if (ex.find() && ex.start() > 0) {
            name = name.substring(0, ex.start()); // an inventory that copied "LOGIQ, not including LOGIQ 100 Pro"
        }
        return new Tokens(modelName, tokens(name, ignored, false), List.of());
    }

    /** The advisory side: the name, and one reading per choice of its slash alternatives. */
    static List<Tokens> readings(String advisoryName, Set<String> ignored) {
        String name = advisoryName == null ? "" : Names.repairMojibake(advisoryName);
        List<Token> excluded = List.of();
        Matcher ex = EXCLUSION.matcher(name);
        if (ex.find() && ex.start() > 0) {
            excluded = tokens(ex.group(1), ignored, false);
            name = name.substring(0, ex.start());
        }
        List<String> texts = new ArrayList<>();
        texts.add(name);
        Matcher m = SLASH_GROUP.matcher(name);
        List<String[]> groups = new ArrayList<>();
        List<int[]> spans = new ArrayList<>();
        while (m.find()) {
            groups.add(m.group().split("\\s?/\\s?"));
            spans.add(new int[] {m.start(), m.end()});
        }
        if (!groups.isEmpty()) {
            List<String> variants = new ArrayList<>(List.of(""));
            int last = 0;
            for (int g = 0; g < groups.size(); g++) {
                String between = name.substring(last, spans.get(g)[0]);
                List<String> next = new ArrayList<>();
                for (String prefix : variants) {
                    for (String choice : groups.get(g)) {
                        if (next.size() < MAX_READINGS) {
                            next.add(prefix + between + choice);
                        }
                    }
                }
                variants = next;
                last = spans.get(g)[1];
            }
            String tail = name.substring(last);
            for (String v : variants) {
                texts.add(v + tail);
            }
        }
        List<Tokens> out = new ArrayList<>();
        for (String t : texts) {
            out.add(new Tokens(advisoryName, tokens(t, ignored, true), excluded));
        }
        return out;
    }

    static List<Token> tokens(String text, Set<String> ignored, boolean parenthesesOptional) {
        List<Token> out = new ArrayList<>();
        int depth = 0;
        int pos = 0;
        boolean mixedCase = !text.equals(text.toUpperCase(Locale.ROOT)) && !text.equals(text.toLowerCase(Locale.ROOT));
        Matcher m = RAW_TOKEN.matcher(text);
        while (m.find()) {
            for (int i = pos; i < m.start(); i++) {
                char c = text.charAt(i);
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            }
            pos = m.start();
            boolean optional = parenthesesOptional && depth > 0;
            String raw = m.group();
            String compact = Names.identifierKey(raw);
            if (compact.isEmpty()) {
                continue;
            }
            boolean hasDigit = compact.chars().anyMatch(Character::isDigit);
            boolean hasLetter = compact.chars().anyMatch(Character::isLetter);
            if (hasDigit && (hasLetter && compact.length() >= 2 || compact.length() >= 3)) {
                out.add(new Token(compact, ID_WEIGHT, true, optional));
                continue;
            }
            if (hasDigit) {
                out.add(new Token(compact, 1.0, true, optional)); // "64", "7": counts like a word, differs like an id
                continue;
            }
            if (mixedCase && raw.length() >= 2 && raw.length() <= 4 && raw.equals(raw.toUpperCase(Locale.ROOT))
                    && !STOP.contains(compact) && !ignored.contains(compact) && !FAMILY.contains(compact)) {
                out.add(new Token(compact, CODE_WEIGHT, true, optional)); // "ES", "VH", "GS", "LVP": a model code
                continue;
            }
            String w = stem(compact); // "Wi-Fi" → "wifi", "Accu-Chek" → "accuchek", "pumps" → "pump"
            if (!STOP.contains(w) && !ignored.contains(compact) && !ignored.contains(w)) {
                out.add(new Token(w, FAMILY.contains(w) ? FAMILY_WEIGHT : 1.0, false, optional));
            }
        }
        return out;
    }

    private static String stem(String word) {
        if (word.length() > 3 && word.endsWith("s") && !word.endsWith("ss") && !word.endsWith("us")
                && !word.endsWith("is") && !Character.isDigit(word.charAt(word.length() - 2))) {
            return word.substring(0, word.length() - 1);
        }
        return word;
    }

    // ---------------------------------------------------------------- scoring

    static NameScore best(List<Tokens> advisory, Tokens model, String modelNumber) {
        double best = -1;
        Tokens bestReading = advisory.get(0);
        for (Tokens reading : advisory) {
            double s = score(reading, model, modelNumber);
            if (s > best) {
                best = s;
                bestReading = reading;
            }
        }
        return new NameScore(Math.max(0, best), why(bestReading, model, Math.max(0, best)));
    }

    private static String why(Tokens advisory, Tokens model, double score) {
        return String.format(Locale.ROOT, "name %.2f (\"%s\" ~ \"%s\")", score, model.source(), advisory.source());
    }

    static double score(Tokens advisory, Tokens model, String modelNumber) {
        if (!advisory.excluded().isEmpty() && coveredBy(advisory.excluded(), model.tokens())) {
            return 0;
        }
        List<Token> modelTokens = new ArrayList<>(model.tokens());
        String number = modelNumber == null ? "" : Names.identifierKey(modelNumber);
        boolean numberNamed = !number.isEmpty() && named(number, advisory.tokens());
        if (numberNamed && modelTokens.stream().noneMatch(t -> t.text().equals(number))) {
            modelTokens.add(new Token(number, ID_WEIGHT, true, false));
        }
        double modelWeight = 0;
        double modelFound = 0;
        int missingWords = 0;
        for (int i = 0; i < modelTokens.size(); i++) {
            Token t = modelTokens.get(i);
            double q = quality(modelTokens, i, advisory.tokens());
            modelWeight += t.weight();
            modelFound += t.weight() * q;
            if (q == 0 && t.weight() >= 1) {
                missingWords++;
            }
        }
        double advisoryWeight = 0;
        double advisoryFound = 0;
        int advisoryMissing = 0;
        for (int i = 0; i < advisory.tokens().size(); i++) {
            Token t = advisory.tokens().get(i);
            double q = quality(advisory.tokens(), i, modelTokens);
            if (q == 0 && t.weight() >= 1 && !t.optional()) {
                advisoryMissing++;
            }
            if (t.optional()) {
                if (q > 0) {
                    advisoryWeight += t.weight();
                    advisoryFound += t.weight() * q;
                }
                continue;
            }
            advisoryWeight += t.weight();
            advisoryFound += t.weight() * q;
        }
        if (modelWeight == 0 || advisoryWeight == 0) {
            return 0;
        }
        double s = (modelFound / modelWeight) * (0.5 + 0.5 * (advisoryFound / advisoryWeight))
                * Math.pow(MISSING_WORD_FACTOR, missingWords) * Math.pow(UNNAMED_WORD_FACTOR, advisoryMissing);
        List<Token> modelIds = new ArrayList<>(modelTokens);
        if (!number.isEmpty() && !numberNamed && number.chars().anyMatch(Character::isDigit)) {
            modelIds.add(new Token(number, ID_WEIGHT, true, false));
        }
        if (startsLine(advisory.tokens(), modelTokens)) {
            s = Math.max(s, LINE_SCORE); // "LOGIQ" names the whole line: "LOGIQ E10" is one of it, for a person to confirm
        }
        if (unmatchedIdentifier(modelIds, advisory.tokens()) && unmatchedIdentifier(advisory.tokens(), modelIds)) {
            s *= 0.5; // "MX40" against "MX45", "P3 D24M" against "P3 M24M": another model of the same line
        }
        return Math.min(1.0, s);
    }

    /**
     * True when the advisory's significant words (weight 1 or more) are exactly the first words of the model name
     * and the model adds only identifiers: the advisory names a product line ("LOGIQ", "Vivid products").
     */
    private static boolean startsLine(List<Token> advisory, List<Token> model) {
        List<Token> significant = advisory.stream().filter(t -> !t.optional() && t.weight() >= 1).toList();
        List<Token> modelSignificant = model.stream().filter(t -> t.weight() >= 1).toList();
        if (significant.isEmpty() || modelSignificant.size() <= significant.size()) {
            return false;
        }
        for (int i = 0; i < significant.size(); i++) {
            if (!significant.get(i).text().equals(modelSignificant.get(i).text())) {
                return false;
            }
        }
        // what the model adds is a model code ("E10", "E95"), not another word ("LOGIQ Cart" is not a LOGIQ model)
        return modelSignificant.subList(significant.size(), modelSignificant.size()).stream().allMatch(Token::identifier);
    }

    /** True when the text is a token of the list, or two or three adjacent tokens joined ("EC 40" for "EC40"). */
    private static boolean named(String text, List<Token> tokens) {
        for (int i = 0; i < tokens.size(); i++) {
            String joined = "";
            for (int j = i; j < Math.min(tokens.size(), i + 3) && joined.length() < text.length(); j++) {
                joined += tokens.get(j).text();
                if (joined.equals(text)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when a (non-optional) identifier of {@code own} is not found on the other side. */
    private static boolean unmatchedIdentifier(List<Token> own, List<Token> other) {
        for (int i = 0; i < own.size(); i++) {
            Token t = own.get(i);
            if (t.identifier() && !t.optional() && quality(own, i, other) == 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean coveredBy(List<Token> excluded, List<Token> model) {
        double w = 0;
        double found = 0;
        for (int i = 0; i < excluded.size(); i++) {
            w += excluded.get(i).weight();
            found += excluded.get(i).weight() * quality(excluded, i, model);
        }
        return w > 0 && found / w >= 0.99;
    }

    /**
     * 1 when the token appears on the other side, also when one side writes as one word what the other writes as two
     * or three ("WiFi" / "Wi Fi", "MedStation" / "Med Station"); 0.8 for one typing error in a long word; else 0.
     */
    static double quality(List<Token> own, int index, List<Token> other) {
        Token t = own.get(index);
        if (t.weight() == 0) {
            return 0;
        }
        double best = 0;
        for (int i = 0; i < other.size(); i++) {
            String o = other.get(i).text();
            if (o.equals(t.text())) {
                return 1;
            }
            if (o.length() < t.text().length() && t.text().startsWith(o)) {
                String joined = o;
                for (int j = i + 1; j < Math.min(other.size(), i + 3); j++) {
                    joined += other.get(j).text();
                    if (joined.equals(t.text())) {
                        return 1;
                    }
                }
            }
            if (o.length() > t.text().length() && o.contains(t.text()) && joinsWithNeighbours(own, index, o)) {
                return 1;
            }
            if (!t.identifier() && !other.get(i).identifier() && t.text().length() >= 6 && o.length() >= 6
                    && Math.abs(t.text().length() - o.length()) <= 1 && t.text().charAt(0) == o.charAt(0)
                    && Names.editDistance(t.text(), o) == 1) {
                best = 0.8;
            }
        }
        return best;
    }

    /** True when the token, joined with one or two neighbours on its own side, spells {@code target}. */
    private static boolean joinsWithNeighbours(List<Token> own, int index, String target) {
        for (int from = Math.max(0, index - 2); from <= index; from++) {
            StringBuilder b = new StringBuilder();
            for (int k = from; k < Math.min(own.size(), from + 3); k++) {
                b.append(own.get(k).text());
                if (k >= index && k > from && b.toString().equals(target)) {
                    return true;
                }
                if (b.length() >= target.length()) {
                    break;
                }
            }
        }
        return false;
    }

}
