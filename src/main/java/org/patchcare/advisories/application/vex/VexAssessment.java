package org.patchcare.advisories.application.vex;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A checked {@link VexRequest} with its statements resolved onto its products: one {@link Verdict} per vulnerability
 * and product. Both writers start here, so that the CSAF and the CycloneDX export say the same thing.
 */
final class VexAssessment {

    static final Pattern CVE = Pattern.compile("^CVE-([0-9]{4})-([0-9]{4,})$", Pattern.CASE_INSENSITIVE);

    /** The state one statement gives one device. */
    record DeviceState(String deviceKey, VexState state, VexStatement statement, Instant updatedAt) {
    }

    /**
     * The state of one product for one vulnerability: the most cautious state of its devices (see {@link VexState})
     * and, among the statements giving it, the most recently updated one ({@code decisive}).
     */
    record Verdict(String vulnerabilityId, VexProduct product, VexState state, String justification, String detail,
            VexStatement decisive, Instant updatedAt, List<DeviceState> devices) {

        /** Whether the product's devices were given different states or justifications. */
        boolean mixed() {
            return devices.stream().map(d -> d.state() + "/" + justificationOf(d.state(), d.statement()))
                    .distinct().count() > 1;
        }
    }

    /** One vulnerability with the verdicts of the products it concerns, in product order. */
    record Vulnerability(String id, boolean isCve, List<Verdict> verdicts) {

        /** The distinct advisories (tracking id and title) of the statements on this vulnerability. */
        List<VexStatement> advisories() {
            Map<String, VexStatement> byAdvisory = new LinkedHashMap<>();
            for (Verdict verdict : verdicts) {
                for (DeviceState device : verdict.devices()) {
                    VexStatement s = device.statement();
                    if (s.advisoryTrackingId() != null || s.advisoryTitle() != null) {
                        byAdvisory.putIfAbsent(s.advisoryTrackingId() + "\u0000" + s.advisoryTitle(), s);
                    }
                }
            }
            return List.copyOf(byAdvisory.values());
        }
    }

    private final VexRequest request;
    private final List<Vulnerability> vulnerabilities;
    private final List<VexProduct> usedProducts;

    private VexAssessment(VexRequest request, List<Vulnerability> vulnerabilities, List<VexProduct> usedProducts) {
        this.request = request;
        this.vulnerabilities = vulnerabilities;
        this.usedProducts = usedProducts;
    }

    VexRequest request() {
        return request;
    }

    /** The vulnerabilities, CVEs first in numeric order, then other ids alphabetically. */
    List<Vulnerability> vulnerabilities() {
        return vulnerabilities;
    }

    /** The products at least one statement applies to, in request order. */
    List<VexProduct> usedProducts() {
        return usedProducts;
    }

    /** Checks the request and resolves its statements; throws {@link InvalidVexRequestException} naming the fault. */
    static VexAssessment of(VexRequest request) {
        Objects.requireNonNull(request, "request");
        require(request.documentId(), "document id");
        if (!request.documentId().equals(request.documentId().strip())) {
            throw new InvalidVexRequestException("The document id \"" + request.documentId()
                    + "\" must not begin or end with blanks.");
        }
        require(request.title(), "document title");
        require(request.publisherName(), "publisher name");
        requireNamespace(request.publisherNamespace());
        if (request.now() == null) {
            throw new InvalidVexRequestException("The export time (now) is missing.");
        }
        Map<String, VexProduct> byDeviceKey = productsByDeviceKey(request.products());

        Map<String, Map<String, List<DeviceState>>> byVulnerability = new LinkedHashMap<>();
        for (VexStatement statement : request.statements()) {
            String id = vulnerabilityId(statement);
            VexState state = VexState.parse(statement.state());
            String justification = justificationOf(state, statement);
            if (state == VexState.NOT_AFFECTED && statement.justification() != null && justification == null) {
                throw new InvalidVexRequestException("The statement on " + id + " gives the justification \""
                        + statement.justification() + "\", which is not a CSAF flag label: expected one of "
                        + VexState.JUSTIFICATIONS + ".");
            }
            if (statement.deviceKeys().isEmpty()) {
                throw new InvalidVexRequestException("The statement on " + id + " names no device.");
            }
            Instant updatedAt = statement.updatedAt() != null ? statement.updatedAt() : request.now();
            for (String deviceKey : new LinkedHashSet<>(statement.deviceKeys())) {
                VexProduct product = byDeviceKey.get(deviceKey);
                if (product == null) {
                    throw new InvalidVexRequestException("The statement on " + id + " names device \"" + deviceKey
                            + "\", which is neither a product key nor a device of a product in this request.");
                }
                byVulnerability.computeIfAbsent(id, k -> new LinkedHashMap<>())
                        .computeIfAbsent(product.key(), k -> new ArrayList<>())
                        .add(new DeviceState(deviceKey, state, statement, updatedAt));
            }
        }

        List<Vulnerability> vulnerabilities = new ArrayList<>();
        Set<String> used = new LinkedHashSet<>();
        for (Map.Entry<String, Map<String, List<DeviceState>>> entry : byVulnerability.entrySet()) {
            List<Verdict> verdicts = new ArrayList<>();
            for (VexProduct product : request.products()) {
                List<DeviceState> devices = entry.getValue().get(product.key());
                if (devices != null) {
                    verdicts.add(verdict(entry.getKey(), product, devices));
                    used.add(product.key());
                }
            }
            vulnerabilities.add(new Vulnerability(entry.getKey(), CVE.matcher(entry.getKey()).matches(),
                    List.copyOf(verdicts)));
        }
        vulnerabilities.sort(Comparator.comparing(Vulnerability::id, VexAssessment::compareIds));
        List<VexProduct> usedProducts = request.products().stream().filter(p -> used.contains(p.key())).toList();
        return new VexAssessment(request, List.copyOf(vulnerabilities), usedProducts);
    }

    private static Verdict verdict(String id, VexProduct product, List<DeviceState> devices) {
        DeviceState decisive = devices.stream()
                .min(Comparator.comparing(DeviceState::state).thenComparing(DeviceState::updatedAt,
                        Comparator.reverseOrder()))
                .orElseThrow();
        VexStatement statement = decisive.statement();
        return new Verdict(id, product, decisive.state(), justificationOf(decisive.state(), statement),
                blankToNull(statement.detail()), statement, decisive.updatedAt(), List.copyOf(devices));
    }

    /** The CSAF label justifying a not-affected statement, or null (for other states, or when none is given). */
    static String justificationOf(VexState state, VexStatement statement) {
        if (state != VexState.NOT_AFFECTED || statement.justification() == null) {
            return null;
        }
        String label = statement.justification().strip().toLowerCase(Locale.ROOT);
        return VexState.JUSTIFICATIONS.contains(label) ? label : null;
    }

    private static String vulnerabilityId(VexStatement statement) {
        String id = blankToNull(statement.cve());
        if (id == null) {
            throw new InvalidVexRequestException("A statement" + (statement.advisoryTrackingId() == null ? ""
                    : " of advisory " + statement.advisoryTrackingId()) + " has no CVE id.");
        }
        id = id.strip();
        return CVE.matcher(id).matches() ? id.toUpperCase(Locale.ROOT) : id;
    }

    private static Map<String, VexProduct> productsByDeviceKey(List<VexProduct> products) {
        Map<String, VexProduct> byKey = new LinkedHashMap<>();
        Map<String, VexProduct> byDeviceKey = new LinkedHashMap<>();
        for (VexProduct product : products) {
            require(product.key(), "product key");
            require(product.vendor(), "vendor of product " + product.key());
            require(product.name(), "name of product " + product.key());
            if (byKey.putIfAbsent(product.key(), product) != null) {
                throw new InvalidVexRequestException("The product key \"" + product.key()
                        + "\" is given to two products; each product needs its own key.");
            }
            Set<String> keys = new LinkedHashSet<>();
            keys.add(product.key());
            keys.addAll(product.deviceKeys());
            for (String key : keys) {
                VexProduct other = byDeviceKey.putIfAbsent(key, product);
                if (other != null) {
                    throw new InvalidVexRequestException("Device \"" + key + "\" belongs to two products, \""
                            + other.key() + "\" and \"" + product.key() + "\"; a device has one software version.");
                }
            }
        }
        return byDeviceKey;
    }

    private static void requireNamespace(String namespace) {
        require(namespace, "publisher namespace");
        try {
            URI uri = new URI(namespace);
            if (!uri.isAbsolute() || uri.getHost() == null) {
                throw new InvalidVexRequestException("The publisher namespace \"" + namespace
                        + "\" is not an absolute URL such as https://hospital.example.org.");
            }
        } catch (URISyntaxException e) {
            throw new InvalidVexRequestException("The publisher namespace \"" + namespace + "\" is not a URL: "
                    + e.getReason() + ".");
        }
    }

    private static void require(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new InvalidVexRequestException("The " + what + " is missing.");
        }
    }

    static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** CVE ids by year and number, before any other id; other ids alphabetically. */
    static int compareIds(String a, String b) {
        Matcher ma = CVE.matcher(a);
        Matcher mb = CVE.matcher(b);
        boolean ca = ma.matches();
        boolean cb = mb.matches();
        if (ca && cb) {
            int byYear = Integer.compare(Integer.parseInt(ma.group(1)), Integer.parseInt(mb.group(1)));
            return byYear != 0 ? byYear : new java.math.BigInteger(ma.group(2)).compareTo(
                    new java.math.BigInteger(mb.group(2)));
        }
        if (ca != cb) {
            return ca ? -1 : 1;
        }
        return a.compareTo(b);
    }
}
