package org.patchcare.advisories.application.vex;

import org.patchcare.advisories.application.vex.VexAssessment.DeviceState;
import org.patchcare.advisories.application.vex.VexAssessment.Verdict;
import org.patchcare.advisories.application.vex.VexAssessment.Vulnerability;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes a {@link VexRequest} as a CSAF 2.0 document of the VEX profile (category {@code csaf_vex}, section 4.5),
 * published by the hospital as a {@code user} of the products.
 *
 * <ul>
 * <li><b>Product tree:</b> vendor → product_name → product_version → product, the product id being
 * {@link VexProduct#key()}; the model number becomes a product identification helper. A product without a version
 * (or whose version text reads like a range, which test 6.1.31 forbids in a product_version) hangs directly below its
 * product_name branch. Products no statement applies to are left out.</li>
 * <li><b>Vulnerabilities:</b> one per CVE (test 6.1.23), each product in exactly one product_status list (the most
 * cautious state of its devices, see {@link VexState}); notes name the vendor advisories and, where a product's
 * devices were assessed differently, each device's state.</li>
 * <li><b>Not affected:</b> a flag with the justification label (one per product, test 6.1.33) and always a threat of
 * category {@code impact} (test 6.1.27.9) whose details are the statement's detail, else a sentence for the
 * label.</li>
 * <li><b>Affected:</b> a remediation (test 6.1.27.10): {@code mitigation} with the detail text when there is one,
 * else {@code vendor_fix} naming the vendor advisory, else {@code none_available}.</li>
 * <li><b>Fixed</b> with a detail: a {@code vendor_fix} remediation with it. <b>Under investigation:</b> a
 * {@code none_available} remediation (optional test 6.2.2) with the detail and the vendor advisory.</li>
 * <li><b>Scores:</b> CVSS v2, v3.0 and v3.1 vectors as {@code cvss_v2}/{@code cvss_v3}, the base score and severity
 * computed from the vector (test 6.1.9), for every product not fixed (optional test 6.2.19). A score without a
 * vector, a CVSS v4 vector (which CSAF 2.0 cannot carry) or an unreadable vector is written as a note.</li>
 * </ul>
 * Dates are RFC 3339 in UTC with milliseconds; every object's keys are sorted (optional test 6.2.13). The document
 * is marked TLP:AMBER: it tells which of the hospital's devices are exploitable.
 */
public final class CsafVexWriter {

    /** The TLP label of every exported document. */
    public static final String TLP_LABEL = "AMBER";
    static final String GENERATOR = "PatchCare";

    private static final DateTimeFormatter RFC3339 = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'",
            Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final Pattern FILENAME_CHARS = Pattern.compile("[^+\\-a-z0-9]+");
    private static final List<String> RANGE_OPERATORS = List.of("<", ">");
    private static final Pattern RANGE_WORD = Pattern.compile(
            "(^|\\s)(after|all|before|earlier|later|prior|versions)(\\s|$)", Pattern.CASE_INSENSITIVE);

    private final ObjectMapper mapper = JsonMapper.builder().build();

    /** The CSAF VEX document; throws {@link InvalidVexRequestException} for a request that cannot be exported. */
    public JsonNode write(VexRequest request) {
        VexAssessment assessment = VexAssessment.of(request);
        if (assessment.vulnerabilities().isEmpty()) {
            throw new InvalidVexRequestException("There is nothing to export: the request has no VEX statement, and"
                    + " a CSAF VEX document must list at least one vulnerability.");
        }
        ObjectNode root = mapper.createObjectNode();
        root.set("document", document(assessment));
        root.set("product_tree", productTree(assessment.usedProducts()));
        ArrayNode vulnerabilities = root.putArray("vulnerabilities");
        for (Vulnerability vulnerability : assessment.vulnerabilities()) {
            vulnerabilities.add(vulnerability(vulnerability, request));
        }
        return sorted(root);
    }

    /** The document of {@link #write}, pretty-printed. */
    public String toJson(VexRequest request) {
        return toJson(write(request));
    }

    /** A document, pretty-printed. */
    public String toJson(JsonNode document) {
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(document);
    }

    /**
     * The file name CSAF 2.0 (section 5.1) prescribes for a document: the tracking id in lower case, every run of
     * characters other than {@code + - a-z 0-9} replaced by {@code _}, and {@code .json}.
     */
    public static String fileName(String documentId) {
        return FILENAME_CHARS.matcher(documentId.toLowerCase(Locale.ROOT)).replaceAll("_") + ".json";
    }

    // --- document -----------------------------------------------------------------------------------------------

    private ObjectNode document(VexAssessment assessment) {
        VexRequest request = assessment.request();
        String now = date(request.now());
        ObjectNode document = mapper.createObjectNode();
        document.put("category", "csaf_vex");
        document.put("csaf_version", "2.0");
        document.put("lang", "en");
        document.put("title", request.title());
        ObjectNode distribution = document.putObject("distribution");
        distribution.put("text", "VEX statements of " + request.publisherName() + " on its own devices. Share"
                + " them only with those who need them to protect these devices.");
        distribution.putObject("tlp").put("label", TLP_LABEL);
        ObjectNode publisher = document.putObject("publisher");
        publisher.put("category", "user");
        publisher.put("name", request.publisherName());
        publisher.put("namespace", request.publisherNamespace());

        ArrayNode notes = document.putArray("notes");
        Set<String> devices = new LinkedHashSet<>();
        for (VexProduct product : assessment.usedProducts()) {
            devices.addAll(product.deviceKeys().isEmpty() ? List.of(product.key()) : product.deviceKeys());
        }
        notes.add(note("summary", "About this document", "VEX statements of " + request.publisherName() + " on "
                + count(assessment.vulnerabilities().size(), "vulnerability", "vulnerabilities") + " of "
                + count(assessment.usedProducts().size(), "product", "products") + " ("
                + count(devices.size(), "device", "devices") + "), exported from " + GENERATOR + " on " + now + "."));
        notes.add(note("general", "How to read the product status", "Each product is one device model in one"
                + " software version, as installed at " + request.publisherName() + ". When the devices of one"
                + " product were assessed differently, the product is listed with the most cautious of their"
                + " states (known affected, then under investigation, then fixed, then known not affected), and"
                + " the notes of the vulnerability give each device's state."));
        String deviceList = assessment.usedProducts().stream()
                .filter(p -> !p.deviceKeys().isEmpty())
                .map(p -> p.key() + " (" + fullName(p) + "): " + String.join(", ", p.deviceKeys()))
                .collect(Collectors.joining("\n"));
        if (!deviceList.isEmpty()) {
            notes.add(note("general", "Devices of each product", deviceList));
        }

        ObjectNode tracking = document.putObject("tracking");
        tracking.put("id", request.documentId());
        tracking.put("status", "final");
        tracking.put("version", "1");
        tracking.put("initial_release_date", now);
        tracking.put("current_release_date", now);
        ObjectNode generator = tracking.putObject("generator");
        generator.put("date", now);
        generator.putObject("engine").put("name", GENERATOR);
        ObjectNode revision = tracking.putArray("revision_history").addObject();
        revision.put("date", now);
        revision.put("number", "1");
        revision.put("summary", "Initial version.");
        return document;
    }

    // --- product tree -------------------------------------------------------------------------------------------

    private ObjectNode productTree(List<VexProduct> products) {
        Map<String, Map<String, List<VexProduct>>> byVendor = new LinkedHashMap<>();
        for (VexProduct product : products) {
            byVendor.computeIfAbsent(product.vendor().strip(), k -> new LinkedHashMap<>())
                    .computeIfAbsent(product.name().strip(), k -> new ArrayList<>()).add(product);
        }
        ObjectNode tree = mapper.createObjectNode();
        ArrayNode vendors = tree.putArray("branches");
        byVendor.forEach((vendor, byName) -> {
            ObjectNode vendorBranch = branch(vendors, "vendor", vendor);
            ArrayNode names = vendorBranch.putArray("branches");
            byName.forEach((name, versions) -> {
                List<VexProduct> versioned = versions.stream().filter(p -> productVersion(p) != null).toList();
                if (!versioned.isEmpty()) {
                    ArrayNode versionBranches = branch(names, "product_name", name).putArray("branches");
                    for (VexProduct product : versioned) {
                        branch(versionBranches, "product_version", productVersion(product))
                                .set("product", product(product));
                    }
                }
                // A branch holds either branches or one product: each product without a version gets its own.
                versions.stream().filter(p -> productVersion(p) == null)
                        .forEach(product -> branch(names, "product_name", name).set("product", product(product)));
            });
        });
        return tree;
    }

    private ObjectNode branch(ArrayNode siblings, String category, String name) {
        ObjectNode branch = siblings.addObject();
        branch.put("category", category);
        branch.put("name", name);
        return branch;
    }

    private ObjectNode product(VexProduct product) {
        ObjectNode node = mapper.createObjectNode();
        node.put("name", fullName(product));
        node.put("product_id", product.key());
        String modelNumber = VexAssessment.blankToNull(product.modelNumber());
        if (modelNumber != null) {
            node.putObject("product_identification_helper").putArray("model_numbers").add(modelNumber);
        }
        return node;
    }

    /** The version for a product_version branch, or null when there is none or it reads like a range (6.1.31). */
    static String productVersion(VexProduct product) {
        String version = VexAssessment.blankToNull(product.version());
        if (version == null || RANGE_OPERATORS.stream().anyMatch(version::contains)
                || RANGE_WORD.matcher(version).find()) {
            return null;
        }
        return version;
    }

    static String fullName(VexProduct product) {
        String vendor = product.vendor().strip();
        String name = product.name().strip();
        String full = name.toLowerCase(Locale.ROOT).startsWith(vendor.toLowerCase(Locale.ROOT)) ? name
                : vendor + " " + name;
        String version = VexAssessment.blankToNull(product.version());
        return version == null ? full : full + " " + version;
    }

    // --- vulnerabilities ----------------------------------------------------------------------------------------

    private ObjectNode vulnerability(Vulnerability vulnerability, VexRequest request) {
        ObjectNode node = mapper.createObjectNode();
        List<VexStatement> advisories = vulnerability.advisories();
        if (vulnerability.isCve()) {
            node.put("cve", vulnerability.id());
            ObjectNode reference = node.putArray("references").addObject();
            reference.put("category", "external");
            reference.put("summary", vulnerability.id() + " in the National Vulnerability Database");
            reference.put("url", "https://nvd.nist.gov/vuln/detail/" + vulnerability.id());
        } else {
            ObjectNode id = node.putArray("ids").addObject();
            id.put("system_name", advisories.isEmpty() || advisories.getFirst().advisoryTrackingId() == null
                    ? request.publisherName() : advisories.getFirst().advisoryTrackingId());
            id.put("text", vulnerability.id());
        }

        List<Verdict> verdicts = vulnerability.verdicts();
        ArrayNode notes = node.putArray("notes");
        for (VexStatement advisory : advisories) {
            String id = advisory.advisoryTrackingId();
            notes.add(note("description", id == null ? "Vendor advisory" : "Vendor advisory " + id,
                    advisoryLabel(advisory)));
        }
        notes.add(note("summary", "Assessment", assessmentSummary(request.publisherName(), verdicts)));
        String mixed = verdicts.stream().filter(Verdict::mixed).map(CsafVexWriter::deviceStates)
                .collect(Collectors.joining("\n"));
        if (!mixed.isEmpty()) {
            notes.add(note("details", "Devices assessed differently", mixed));
        }
        String unscored = verdicts.stream().filter(v -> v.state() != VexState.FIXED)
                .map(CsafVexWriter::scoreNote).flatMap(Optional::stream).distinct()
                .collect(Collectors.joining("\n"));
        if (!unscored.isEmpty()) {
            notes.add(note("other", "CVSS", unscored));
        }

        ObjectNode status = node.putObject("product_status");
        for (VexState state : VexState.values()) {
            List<String> ids = verdicts.stream().filter(v -> v.state() == state).map(v -> v.product().key()).toList();
            if (!ids.isEmpty()) {
                ArrayNode list = status.putArray(state.csafProductStatus());
                ids.forEach(list::add);
            }
        }

        addGrouped(node, "flags", verdicts, v -> v.state() == VexState.NOT_AFFECTED && v.justification() != null
                ? Map.of("label", v.justification()) : null, "product_ids");
        addGrouped(node, "threats", verdicts, CsafVexWriter::impact, "product_ids");
        addGrouped(node, "remediations", verdicts, CsafVexWriter::remediation, "product_ids");
        scores(node, verdicts);
        return node;
    }

    private static String assessmentSummary(String publisher, List<Verdict> verdicts) {
        List<String> parts = new ArrayList<>();
        for (VexState state : VexState.values()) {
            long n = verdicts.stream().filter(v -> v.state() == state).count();
            if (n > 0) {
                parts.add(count((int) n, "product", "products") + " " + switch (state) {
                    case AFFECTED -> "known affected";
                    case UNDER_INVESTIGATION -> "under investigation";
                    case FIXED -> "fixed";
                    case NOT_AFFECTED -> "known not affected";
                });
            }
        }
        return publisher + " assessed this vulnerability on its devices: " + String.join(", ", parts) + ".";
    }

    private static String deviceStates(Verdict verdict) {
        return verdict.product().key() + " is listed as " + label(verdict.state()) + "; its devices: "
                + verdict.devices().stream().map(d -> {
                    String justification = VexAssessment.justificationOf(d.state(), d.statement());
                    String advisory = d.statement().advisoryTrackingId();
                    return d.deviceKey() + " " + label(d.state())
                            + (justification == null ? "" : " (" + justification + ")")
                            + (advisory == null ? "" : " per " + advisory);
                }).collect(Collectors.joining(", ")) + ".";
    }

    private static String label(VexState state) {
        return state.name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    /** The impact statement of a verdict as {category, details}, or null. */
    private static Map<String, String> impact(Verdict verdict) {
        String details = switch (verdict.state()) {
            case NOT_AFFECTED -> verdict.detail() != null ? verdict.detail() : justificationSentence(verdict);
            default -> null;
        };
        return details == null ? null : Map.of("category", "impact", "details", details);
    }

    static String justificationSentence(Verdict verdict) {
        if (verdict.justification() == null) {
            return "Not affected; no justification is recorded.";
        }
        return "Not affected: " + switch (verdict.justification()) {
            case "component_not_present" -> "the vulnerable component is not present in the product.";
            case "vulnerable_code_not_present" -> "the vulnerable code is not present in the product.";
            case "vulnerable_code_not_in_execute_path" -> "the vulnerable code is never executed in the product.";
            case "vulnerable_code_cannot_be_controlled_by_adversary" ->
                    "the vulnerable code cannot be controlled by an attacker.";
            case "inline_mitigations_already_exist" -> "built-in protections keep the vulnerability from being"
                    + " exploited.";
            default -> throw new IllegalStateException("Unchecked justification " + verdict.justification());
        } + " (" + verdict.justification() + ")";
    }

    /** A CSAF remediation: its category and details. */
    record Action(String category, String details) {
    }

    /** The remediation of a verdict as {category, details}, or null. */
    private static Map<String, String> remediation(Verdict verdict) {
        Action action = switch (verdict.state()) {
            case AFFECTED -> actionStatement(verdict);
            case FIXED -> verdict.detail() == null ? null : new Action("vendor_fix", verdict.detail());
            case UNDER_INVESTIGATION -> investigation(verdict);
            case NOT_AFFECTED -> null;
        };
        return action == null ? null : Map.of("category", action.category(), "details", action.details());
    }

    /**
     * The remediation of a product under investigation (optional test 6.2.2 asks for one): {@code none_available},
     * as nothing is decided yet, with the detail text and the vendor advisory to read meanwhile.
     */
    private static Action investigation(Verdict verdict) {
        String details = verdict.detail() != null ? "Under investigation: " + verdict.detail()
                : "Under investigation; no remediation is decided yet.";
        String advisory = advisoryLabel(verdict.decisive());
        return new Action("none_available", advisory == null ? details
                : details + (details.endsWith(".") ? "" : ".") + " Vendor advisory: " + advisory + ".");
    }

    /**
     * The action statement for an affected product (test 6.1.27.10): {@code mitigation} with the detail text, else
     * {@code vendor_fix} naming the vendor advisory, else {@code none_available}.
     */
    static Action actionStatement(Verdict verdict) {
        if (verdict.detail() != null) {
            return new Action("mitigation", verdict.detail());
        }
        String advisory = advisoryLabel(verdict.decisive());
        if (advisory != null) {
            return new Action("vendor_fix", "Apply the vendor's fix described in advisory " + advisory + ".");
        }
        return new Action("none_available", "No remediation is recorded yet.");
    }

    /**
     * Adds an array of objects, one per distinct set of fields, each listing the ids of the products that share it and
     * the latest date of their statements.
     */
    private void addGrouped(ObjectNode parent, String arrayName, List<Verdict> verdicts,
            Function<Verdict, Map<String, String>> fields, String idsName) {
        Map<Map<String, String>, List<Verdict>> groups = new LinkedHashMap<>();
        for (Verdict verdict : verdicts) {
            Map<String, String> key = fields.apply(verdict);
            if (key != null) {
                groups.computeIfAbsent(new TreeMap<>(key), k -> new ArrayList<>()).add(verdict);
            }
        }
        if (groups.isEmpty()) {
            return;
        }
        ArrayNode array = parent.putArray(arrayName);
        groups.forEach((key, members) -> {
            ObjectNode item = array.addObject();
            key.forEach(item::put);
            item.put("date", date(members.stream().map(Verdict::updatedAt).max(Comparator.naturalOrder())
                    .orElseThrow()));
            ArrayNode ids = item.putArray(idsName);
            members.forEach(m -> ids.add(m.product().key()));
        });
    }

    private void scores(ObjectNode node, List<Verdict> verdicts) {
        Map<CvssScore, List<String>> byScore = new LinkedHashMap<>();
        for (Verdict verdict : verdicts) {
            if (verdict.state() == VexState.FIXED) {
                continue;
            }
            CvssScore.parse(verdict.decisive().cvssVector()).filter(s -> !s.version().equals("4.0"))
                    .ifPresent(s -> byScore.computeIfAbsent(s, k -> new ArrayList<>()).add(verdict.product().key()));
        }
        if (byScore.isEmpty()) {
            return;
        }
        ArrayNode scores = node.putArray("scores");
        byScore.forEach((score, products) -> {
            ObjectNode item = scores.addObject();
            ObjectNode cvss = item.putObject(score.version().equals("2.0") ? "cvss_v2" : "cvss_v3");
            cvss.put("version", score.version());
            cvss.put("vectorString", score.vector());
            cvss.put("baseScore", BigDecimal.valueOf(score.baseScore()));
            if (!score.version().equals("2.0")) {
                cvss.put("baseSeverity", score.severity());
            }
            ArrayNode ids = item.putArray("products");
            products.forEach(ids::add);
        });
    }

    /** A note about a score CSAF cannot carry as given, or empty. */
    private static Optional<String> scoreNote(Verdict verdict) {
        VexStatement s = verdict.decisive();
        String vector = VexAssessment.blankToNull(s.cvssVector());
        Optional<CvssScore> parsed = CvssScore.parse(vector);
        String recorded = s.cvss() == null ? null : s.cvss().stripTrailingZeros().toPlainString();
        if (vector == null) {
            return recorded == null ? Optional.empty()
                    : Optional.of("CVSS base score " + recorded + " as recorded, without a vector.");
        }
        if (parsed.isEmpty()) {
            return Optional.of("The CVSS vector " + vector + " cannot be read" + (recorded == null ? "."
                    : "; the recorded score is " + recorded + "."));
        }
        CvssScore score = parsed.get();
        if (score.version().equals("4.0")) {
            return Optional.of("CVSS v4.0 " + vector + ", base score " + score.baseScore() + " (" + score.severity()
                    + "); CSAF 2.0 has no field for CVSS v4.");
        }
        if (recorded != null && s.cvss().compareTo(BigDecimal.valueOf(score.baseScore())) != 0) {
            return Optional.of("The recorded score " + recorded + " differs from the base score " + score.baseScore()
                    + " of the vector " + vector + ", which the scores give.");
        }
        return Optional.empty();
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private ObjectNode note(String category, String title, String text) {
        ObjectNode note = mapper.createObjectNode();
        note.put("category", category);
        note.put("title", title);
        note.put("text", text);
        return note;
    }

    /**
     * The advisory of a statement in words: "id: title", the title alone when it already begins with the id (as
     * CISA's titles do), or whichever of the two is given; null when neither is.
     */
    static String advisoryLabel(VexStatement statement) {
        String id = VexAssessment.blankToNull(statement.advisoryTrackingId());
        String title = VexAssessment.blankToNull(statement.advisoryTitle());
        if (id == null || title == null) {
            return id == null ? title : id;
        }
        return title.startsWith(id) ? title : id + ": " + title;
    }

    static String date(Instant instant) {
        return RFC3339.format(instant);
    }

    private static String count(int n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }

    /** A copy of the tree with the keys of every object in alphabetical order. */
    private JsonNode sorted(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = mapper.createObjectNode();
            new TreeMap<>(node.properties().stream().collect(Collectors.toMap(Map.Entry::getKey,
                    Map.Entry::getValue))).forEach((k, v) -> copy.set(k, sorted(v)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = mapper.createArrayNode();
            node.forEach(child -> copy.add(sorted(child)));
            return copy;
        }
        return node;
    }
}
