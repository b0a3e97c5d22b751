package org.patchcare.advisories.domain.matching;

import io.github.nscuro.versatile.Vers;
import io.github.nscuro.versatile.VersException;
import io.github.nscuro.versatile.version.VersioningScheme;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The versions an advisory names for a product, read from its loose text, and the test whether a device's software
 * version lies in them ({@link #check}). What is understood:
 * <ul>
 *   <li>{@code vers:} ranges: read by <i>versatile</i> for the ecosystem schemes it knows (npm, maven, pypi, deb,
 *       ...); {@code vers:all/*} is every version; other schemes ({@code all}, {@code generic}) are read by the loose
 *       rules below, so that a version of another numbering is UNKNOWN rather than outside.</li>
 *   <li>One version ("4.3"), wildcards ("2.x", "12.2.x.x", "8.1x"), "*", "all versions", "All".</li>
 *   <li>Bounds ({@code <= 2.3.0}, {@code < 012U000040}, {@code <= B.12}), a lower and an upper bound as one range
 *       ({@code >= 1.2 < 1.5}, {@code >= 1.0.0 | <= 1.1.1}, {@code A10 < A11}), "2.3.6 and below", "04.00.00 or
 *       newer", letter ranges ("Rev B-M").</li>
 *   <li>Alternatives: {@code A | B}, "2131 and 2141", "Release 1.3.2 1.4.0 1.4.1".</li>
 *   <li>Notes that change nothing are dropped: "(end-of-life 2011)", "(integrated into GE MobileLink)".</li>
 *   <li>Conditions ("v6.x model 35700BAX", "(with Wireless Battery Modules ...)", "on Windows 8.1 with IIS 7.5")
 *       turn a YES into UNKNOWN: a person must check the condition. A NO stays NO: a condition only narrows.</li>
 *   <li>Dates and prose ("distributed &lt; april 1, 2018", "shipped between ...") and product variants written where
 *       the version belongs ("Accu-Chek Inform II", "MMT-1715 | MMT-1754") are UNKNOWN; the variants are offered to
 *       the name matcher through {@link #listedNames()}.</li>
 * </ul>
 * Versions compare as {@link LooseVersion}s. Anything not comparable is UNKNOWN, never a guessed YES or NO.
 */
public final class VersionSpec {

    /** Operators of a bound. */
    enum Op {
        LT("<", "≥"), LE("≤", ">"), GT(">", "≤"), GE("≥", "<"), EQ("=", "≠"), NE("≠", "=");

        final String symbol;
        final String negated;

        Op(String symbol, String negated) {
            this.symbol = symbol;
            this.negated = negated;
        }

        static Op of(String s) {
            return switch (s) {
                case "<" -> LT;
                case "<=", "=<" -> LE;
                case ">" -> GT;
                case ">=", "=>" -> GE;
                case "!=" -> NE;
                default -> EQ;
            };
        }

        boolean accepts(int c) {
            return switch (this) {
                case LT -> c < 0;
                case LE -> c <= 0;
                case GT -> c > 0;
                case GE -> c >= 0;
                case EQ -> c == 0;
                case NE -> c != 0;
            };
        }

        boolean isLower() {
            return this == GT || this == GE;
        }

        boolean isUpper() {
            return this == LT || this == LE;
        }
    }

    /**
     * The answer of one alternative. {@code otherNumbering} marks an UNKNOWN that only says the device's version is
     * of another numbering than this alternative's ("U62" against "L81"): when another alternative of the same
     * numbering answers NO, the whole answer is NO.
     */
    record Outcome(Containment containment, String explanation, boolean otherNumbering) {

        Outcome(Containment containment, String explanation) {
            this(containment, explanation, false);
        }

        VersionCheck toCheck() {
            return new VersionCheck(containment, explanation);
        }
    }

    /** One alternative of the spec. */
    sealed interface Term permits AnyVersion, Exact, Bounds, VersRange, Opaque, Conditional {
        Outcome check(LooseVersion device);

        String show();

        default boolean unknownOnly() {
            return false;
        }
    }

    record AnyVersion() implements Term {
        public Outcome check(LooseVersion device) {
            return new Outcome(Containment.YES, "all versions affected");
        }

        public String show() {
            return "all versions";
        }
    }

    record Exact(LooseVersion version) implements Term {
        public Outcome check(LooseVersion device) {
            Integer c = device.compareTo(version);
            String d = device.text();
            if (c == null) {
                return cannotCompare(device, version);
            }
            if (version.isWildcard()) {
                return c == 0 ? new Outcome(Containment.YES, d + " in " + version.text())
                        : new Outcome(Containment.NO, d + " not in " + version.text());
            }
            if (c == 0) {
                return new Outcome(Containment.YES, d + " = " + version.text());
            }
            if (moreSpecific(device, version)) {
                return new Outcome(Containment.UNKNOWN, "the advisory names " + version.text() + ", the device has "
                        + d + ": is it the same release?");
            }
            return new Outcome(Containment.NO, d + " ≠ " + version.text());
        }

        private static boolean moreSpecific(LooseVersion device, LooseVersion named) {
            int k = named.segments().size();
            return device.segments().size() > k
                    && device.segments().subList(0, k).equals(named.segments());
        }

        public String show() {
            return version.text();
        }
    }

    record Bound(Op op, LooseVersion version) {
        String show() {
            return op.symbol + " " + version.text();
        }
    }

    /** Bounds that must all hold: one bound, or a lower and an upper bound forming a range. */
    record Bounds(List<Bound> bounds) implements Term {
        public Outcome check(LooseVersion device) {
            List<String> held = new ArrayList<>();
            Outcome unknown = null;
            for (Bound b : bounds) {
                Integer c = device.compareTo(b.version());
                if (c == null) {
                    unknown = unknown != null ? unknown : cannotCompare(device, b.version());
                } else if (b.op().accepts(c)) {
                    held.add(b.op().symbol + " " + b.version().text());
                } else {
                    return new Outcome(Containment.NO, device.text() + " " + b.op().negated + " "
                            + b.version().text());
                }
            }
            if (unknown != null) {
                return unknown;
            }
            return new Outcome(Containment.YES, device.text() + " " + String.join(" and ", held));
        }

        public String show() {
            return bounds.stream().map(Bound::show).collect(Collectors.joining(" "));
        }
    }

    /** A vers range in a scheme that versatile knows; answers only for versions the loose rules can compare too. */
    record VersRange(Vers vers, List<LooseVersion> versions) implements Term {
        public Outcome check(LooseVersion device) {
            for (LooseVersion v : versions) {
                if (device.compareTo(v) == null) {
                    return cannotCompare(device, v);
                }
            }
            boolean in;
            try {
                in = vers.contains(device.text());
            } catch (RuntimeException notInScheme) {
                // versatile rejects versions outside its scheme with VersException or the parser's own exceptions
                // (semver4j's SemverException): that is an answer, UNKNOWN, not a failure
                return new Outcome(Containment.UNKNOWN, "\"" + device.text() + "\" is not a "
                        + vers.scheme().name().toLowerCase(Locale.ROOT) + " version: " + notInScheme.getMessage(), true);
            }
            return new Outcome(in ? Containment.YES : Containment.NO, device.text() + (in ? " in " : " outside ")
                    + vers);
        }

        public String show() {
            return vers.toString();
        }
    }

    /** Text that names no comparable version: prose, a date, a product variant, nothing. */
    record Opaque(String text, String why) implements Term {
        public Outcome check(LooseVersion device) {
            return new Outcome(Containment.UNKNOWN, why + ": \"" + text + "\"");
        }

        public String show() {
            return "\"" + text + "\"";
        }

        @Override
        public boolean unknownOnly() {
            return true;
        }
    }

    /** A term with a condition the matcher cannot check ("model 35700BAX", "with Wireless Battery Modules ..."). */
    record Conditional(Term term, String condition) implements Term {
        public Outcome check(LooseVersion device) {
            Outcome inner = term.check(device);
            if (inner.containment() != Containment.YES) {
                return inner;
            }
            return new Outcome(Containment.UNKNOWN, inner.explanation() + ", but only " + condition);
        }

        public String show() {
            return term.show() + " (only " + condition + ")";
        }

        @Override
        public boolean unknownOnly() {
            return term.unknownOnly();
        }
    }

    private static Outcome cannotCompare(LooseVersion device, LooseVersion named) {
        return new Outcome(Containment.UNKNOWN, "cannot compare " + device.text() + " with " + named.text(), true);
    }

    private static final Set<String> MONTHS = Set.of("january", "february", "march", "april", "may", "june", "july",
            "august", "september", "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
            "sep", "sept", "oct", "nov", "dec");
    private static final Pattern PROSE_WORDS = Pattern.compile(
            "\\b(distributed|shipped|manufactured|produced|sold|installed|between|through|prior|before|after|since)\\b");
    private static final Pattern ISO_DATE = Pattern.compile("(^|[\\s(<>=])\\d{4}-\\d{1,2}-\\d{1,2}\\b");
    private static final Pattern NOTE = Pattern.compile("(?i)^\\(?\\s*(end[- ]of[- ]life|eol|end[- ]of[- ]support|"
            + "integrated into|discontinued|obsolete)\\b.*");
    private static final Pattern TRAILING_CONDITION = Pattern.compile(
            "(?i)^(.*?\\S)\\s+((?:model|models|on|with|for|running|excluding|except|when|if)\\b.*)$");
    private static final Pattern AND_BELOW = Pattern.compile(
            "(?i)^(.*?\\S)\\s+(?:and|or)\\s+(below|earlier|lower|older|prior|before|under)$");
    private static final Pattern AND_ABOVE = Pattern.compile(
            "(?i)^(.*?\\S)\\s+(?:and|or)\\s+(newer|later|above|higher|greater|up|after)$");
    private static final Pattern ALL = Pattern.compile("(?i)^(\\*|all|all versions?|any|any versions?|every version)$");
    private static final Pattern OPERATOR_ITEM = Pattern.compile("(<=|>=|=<|=>|!=|<|>|=)\\s*([^<>=!]+)");
    private static final Pattern INFIX_RANGE = Pattern.compile("^([^<>=\\s][^<>=]*?)\\s*(<=|<)\\s*([^<>=]+)$");
    private static final Pattern LETTER_RANGE = Pattern.compile("(?i)^(?:rev\\.?\\s*|revision\\s*)?([a-z])\\s*-\\s*([a-z])$");
    private static final Pattern RELEASE_LIST = Pattern.compile("(?i)^(?:release|releases|versions?)?\\s*"
            + "(v?\\d+(?:\\.\\d+)+(?:\\s+v?\\d+(?:\\.\\d+)+)+)$");
    private static final Pattern VERS = Pattern.compile("(?i)^vers:([a-z0-9.+-]+)/(.*)$");

    private final String text;
    private final List<Term> terms;
    private final List<String> listedNames;

    private VersionSpec(String text, List<Term> terms, List<String> listedNames) {
        this.text = text;
        this.terms = List.copyOf(terms);
        this.listedNames = List.copyOf(listedNames);
    }

    /** Reads an advisory's version text (product_version or product_version_range); null or blank is UNKNOWN. */
    public static VersionSpec parse(String text) {
        String t = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        List<String> names = new ArrayList<>();
        List<Term> terms = new ArrayList<>();
        if (t.isEmpty()) {
            terms.add(new Opaque("", "the advisory gives no version"));
        } else if (VERS.matcher(t).matches()) {
            terms.addAll(parseVers(t, names));
        } else {
            terms.addAll(parseLoose(t, names));
        }
        return new VersionSpec(text, terms, names);
    }

    public String text() {
        return text;
    }

    List<Term> terms() {
        return terms;
    }

    /** Does the device's software version lie in these versions? */
    public Containment contains(String deviceVersion) {
        return check(deviceVersion).containment();
    }

    /** {@link #contains} with the reason, for people. */
    public VersionCheck check(String deviceVersion) {
        if (deviceVersion == null || deviceVersion.isBlank()) {
            for (Term term : terms) {
                if (term instanceof AnyVersion) {
                    return term.check(LooseVersion.parse("")).toCheck();
                }
            }
            return new VersionCheck(Containment.UNKNOWN, "the device has no software version");
        }
        LooseVersion device = LooseVersion.parse(deviceVersion);
        List<Outcome> outcomes = new ArrayList<>();
        for (Term term : terms) {
            Outcome c = term.check(device);
            if (c.containment() == Containment.YES) {
                return c.toCheck();
            }
            outcomes.add(c);
        }
        List<Outcome> no = outcomes.stream().filter(c -> c.containment() == Containment.NO).toList();
        List<Outcome> unknown = outcomes.stream().filter(c -> c.containment() == Containment.UNKNOWN).toList();
        // an alternative of the device's own numbering said NO, the others are of another numbering: NO
        boolean answeredNo = !no.isEmpty() && unknown.stream().allMatch(Outcome::otherNumbering);
        List<Outcome> decisive = answeredNo ? no : unknown;
        String why = decisive.stream().map(Outcome::explanation).distinct().limit(3)
                .collect(Collectors.joining("; "));
        if (decisive.size() > 3) {
            why += "; …";
        }
        return new VersionCheck(answeredNo ? Containment.NO : Containment.UNKNOWN, why);
    }

    /** True when no device version can ever be YES or NO: the text is prose, a date, a variant or empty. */
    public boolean isUnknownOnly() {
        return terms.stream().allMatch(Term::unknownOnly);
    }

    /** True when every version is affected without condition ({@code vers:all/*}, "All", "*"). */
    public boolean coversAllVersions() {
        return terms.stream().anyMatch(t -> t instanceof AnyVersion);
    }

    /**
     * Names written where the version belongs: product variants ("Accu-Chek Inform II", "882160 Gemini Dual") and
     * plain identifiers without dots that may be model numbers ("MMT-1715", "2490C", "24950"). The matcher compares
     * them with the model's name and number.
     */
    public List<String> listedNames() {
        return listedNames;
    }

    /** The spec as understood, for people: {@code ≥ 1.0.0 ≤ 1.1.1 | 4.0}. */
    public String describe() {
        return terms.stream().map(Term::show).collect(Collectors.joining(" | "));
    }

    @Override
    public String toString() {
        return describe();
    }

    // ---------------------------------------------------------------- parsing

    private static List<Term> parseVers(String t, List<String> names) {
        Matcher m = VERS.matcher(t);
        if (!m.matches()) {
            throw new IllegalStateException("not a vers string: " + t);
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        String constraints = m.group(2).strip();
        if (constraints.equals("*")) {
            return List.of(new AnyVersion());
        }
        if (!scheme.equals("all") && !scheme.equals("generic")) {
            try {
                Vers vers = Vers.parse(t);
                if (vers.scheme() != VersioningScheme.GENERIC) {
                    List<LooseVersion> versions = vers.constraints().stream()
                            .filter(c -> c.version() != null)
                            .map(c -> LooseVersion.parse(c.version().toString())).toList();
                    return List.of(new VersRange(vers, versions));
                }
            } catch (VersException unknownScheme) {
                // a scheme versatile does not know: the loose rules below read the constraints
            }
        }
        return parseLoose(constraints.replace("%3C", "<").replace("%3E", ">").replace("%3D", "="), names);
    }

    private static List<Term> parseLoose(String t, List<String> names) {
        String s = t;
        if (s.startsWith("(") && s.endsWith(")") && balanced(s.substring(1, s.length() - 1))) {
            s = s.substring(1, s.length() - 1).strip();
        }
        List<Term> terms = new ArrayList<>();
        List<Bound> pendingLower = new ArrayList<>();
        for (String rawPart : splitTopLevel(s)) {
            String part = rawPart.strip();
            if (part.isEmpty()) {
                continue;
            }
            Term term = parsePart(part, names, terms);
            if (term == null) {
                continue; // parsePart added several alternatives itself
            }
            // a lower bound followed by an upper bound is one range: ">= 1.0.0 | <= 1.1.1", ">=5.3|<=6.4"
            if (term instanceof Bounds b && b.bounds().stream().allMatch(x -> x.op().isLower())) {
                flushLower(pendingLower, terms);
                pendingLower.addAll(b.bounds());
                continue;
            }
            if (term instanceof Bounds b && !pendingLower.isEmpty() && b.bounds().stream().allMatch(x -> x.op().isUpper())) {
                List<Bound> range = new ArrayList<>(pendingLower);
                range.addAll(b.bounds());
                pendingLower.clear();
                terms.add(new Bounds(range));
                continue;
            }
            flushLower(pendingLower, terms);
            terms.add(term);
        }
        flushLower(pendingLower, terms);
        if (terms.isEmpty()) {
            terms.add(new Opaque(t, "no version found"));
        }
        return terms;
    }

    private static void flushLower(List<Bound> pendingLower, List<Term> terms) {
        if (!pendingLower.isEmpty()) {
            terms.add(new Bounds(List.copyOf(pendingLower)));
            pendingLower.clear();
        }
    }

    /** Splits on "|" outside parentheses; an unclosed parenthesis keeps the rest together. */
    private static List<String> splitTopLevel(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth = Math.max(0, depth - 1);
            } else if (c == '|' && depth == 0) {
                out.add(s.substring(start, i));
                start = i + 1;
            }
        }
        out.add(s.substring(start));
        return out;
    }

    private static boolean balanced(String s) {
        int depth = 0;
        for (char c : s.toCharArray()) {
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (depth < 0) {
                return false;
            }
        }
        return depth == 0;
    }

    /** One alternative; returns null when it added several terms itself (a list of releases). */
    private static Term parsePart(String part, List<String> names, List<Term> terms) {
        String p = part;
        String condition = null;
        int paren = p.indexOf('(');
        if (paren == 0) {
            return opaque(p, names, "a condition or variant, not a version");
        }
        if (paren > 0) {
            String tail = p.substring(paren).strip();
            p = p.substring(0, paren).strip();
            if (!NOTE.matcher(tail.substring(1)).matches()) {
                condition = tail.replaceAll("^\\(+|\\)+$", "").strip();
            }
        }
        if (isProse(p)) {
            return new Opaque(part, "the advisory gives a date or prose, not a version");
        }
        Matcher cond = TRAILING_CONDITION.matcher(p);
        if (cond.matches()) {
            p = cond.group(1).strip();
            condition = condition == null ? cond.group(2).strip() : cond.group(2).strip() + " " + condition;
        } else if (p.matches("(?i)^(with|on|for|running)\\b.*")) {
            return opaque(part, names, "a condition or variant, not a version");
        }
        Term term = parseCore(p, names, terms);
        if (term == null) {
            return null;
        }
        return condition == null || condition.isEmpty() || term instanceof Opaque ? term
                : new Conditional(term, condition);
    }

    private static Term parseCore(String p, List<String> names, List<Term> terms) {
        Matcher below = AND_BELOW.matcher(p);
        if (below.matches()) {
            return bound(Op.LE, below.group(1), p, names);
        }
        Matcher above = AND_ABOVE.matcher(p);
        if (above.matches()) {
            return bound(Op.GE, above.group(1), p, names);
        }
        if (ALL.matcher(p).matches()) {
            return new AnyVersion();
        }
        Matcher letters = LETTER_RANGE.matcher(p);
        if (letters.matches()) {
            return new Bounds(List.of(new Bound(Op.GE, LooseVersion.parse(letters.group(1))),
                    new Bound(Op.LE, LooseVersion.parse(letters.group(2)))));
        }
        Matcher releases = RELEASE_LIST.matcher(p);
        if (releases.matches()) {
            for (String v : releases.group(1).split(" ")) {
                terms.add(new Exact(LooseVersion.parse(v)));
            }
            return null;
        }
        if (p.matches("(?i)^\\S+ and \\S+$") && !p.contains("<") && !p.contains(">")) {
            for (String v : p.split("(?i) and ")) {
                Term t = exact(v, v, names);
                terms.add(t);
            }
            return null;
        }
        if (p.startsWith("<") || p.startsWith(">") || p.startsWith("=") || p.startsWith("!")) {
            List<Bound> bounds = new ArrayList<>();
            Matcher m = OPERATOR_ITEM.matcher(p);
            int end = 0;
            while (m.find()) {
                if (m.start() != end && !p.substring(end, m.start()).isBlank()) {
                    return new Opaque(p, "cannot read this range");
                }
                Op op = Op.of(m.group(1));
                String operand = m.group(2).strip();
                if (operand.matches(".*\\s/.*|.*/\\s.*")) {
                    return new Opaque(p, "cannot read this list");
                }
                LooseVersion v = LooseVersion.parse(operand);
                if (!comparable(v)) {
                    return opaque(p, names, "the bound is not a version");
                }
                bounds.add(new Bound(op, v));
                end = m.end();
            }
            if (bounds.isEmpty() || end != p.length()) {
                return new Opaque(p, "cannot read this range");
            }
            if (bounds.size() == 1 && bounds.get(0).op() == Op.EQ) {
                return new Exact(bounds.get(0).version());
            }
            return new Bounds(bounds);
        }
        Matcher infix = INFIX_RANGE.matcher(p);
        if (infix.matches()) {
            LooseVersion low = LooseVersion.parse(infix.group(1).strip());
            LooseVersion high = LooseVersion.parse(infix.group(3).strip());
            if (comparable(low) && comparable(high)) {
                return new Bounds(List.of(new Bound(Op.GE, low), new Bound(Op.of(infix.group(2)), high)));
            }
            return new Opaque(p, "cannot read this range");
        }
        return exact(p, p, names);
    }

    private static Term bound(Op op, String version, String part, List<String> names) {
        LooseVersion v = LooseVersion.parse(version);
        return comparable(v) ? new Bounds(List.of(new Bound(op, v))) : opaque(part, names, "the bound is not a version");
    }

    private static Term exact(String text, String part, List<String> names) {
        LooseVersion v = LooseVersion.parse(text);
        if (text.matches(".*\\s/.*|.*/\\s.*")) {
            return new Opaque(part, "cannot read this list");
        }
        if (!comparable(v)) {
            return opaque(part, names, "the advisory names a product variant, not a version");
        }
        if (!text.contains(".") && text.matches(".*\\d.*") && text.strip().length() >= 3) {
            names.add(text.strip()); // maybe a model number: "MMT-1715", "2490C", "24950"
        }
        return new Exact(v);
    }

    private static Term opaque(String part, List<String> names, String why) {
        String variant = part.replaceAll("^\\(+|\\)+$", "").strip();
        if (!variant.isEmpty()) {
            names.add(variant);
        }
        return new Opaque(part, why);
    }

    /** A version the loose rules can compare: it has segments, a digit or a lone letter, and no foreign words. */
    private static boolean comparable(LooseVersion v) {
        if (v.isEmpty() || !v.foreignWords().isEmpty()) {
            return false;
        }
        return v.hasDigit() || v.segments().size() == 1 && v.segments().get(0).text().length() == 1;
    }

    private static boolean isProse(String p) {
        String lower = p.toLowerCase(Locale.ROOT);
        if (PROSE_WORDS.matcher(lower).find() || ISO_DATE.matcher(lower).find()) {
            return true;
        }
        for (String token : lower.split("[^a-z]+")) {
            if (MONTHS.contains(token)) {
                return true;
            }
        }
        return false;
    }

}
