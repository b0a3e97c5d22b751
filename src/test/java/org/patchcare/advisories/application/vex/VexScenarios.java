package org.patchcare.advisories.application.vex;

import org.patchcare.testsupport.TestData;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * VEX requests built from real public documents: the CVEs, CVSS vectors, vendors and product names of CISA advisories
 * ICSMA-20-170-04 (Baxter Spectrum), ICSMA-17-017-01 (BD Alaris 8000), ICSMA-20-049-02 (GE Vivid) and the CVE record
 * of CVE-2024-5176 (Baxter Welch Allyn Configuration Tool, CVSS v4.0), placed on demo-like hospital devices.
 */
final class VexScenarios {

    static final ObjectMapper JSON = new ObjectMapper();
    static final Instant NOW = Instant.parse("2026-11-23T09:30:12.345678Z");
    static final String HOSPITAL = "St. Elsewhere Regional Hospital";
    static final String NAMESPACE = "https://it.st-elsewhere.example.org";
    static final String MODEL = "model-5f0c2a43-9a4e-4d3f-8a61-2c1f8f3d7b10";

    /** One vulnerability of a real advisory. */
    record AdvisoryVulnerability(String trackingId, String title, String vendor, String cve, String vector,
            BigDecimal baseScore) {
    }

    /** The vulnerabilities of a CISA advisory, in document order, with their first CVSS v3 score. */
    static List<AdvisoryVulnerability> advisory(String file) {
        JsonNode doc = JSON.readTree(TestData.file("csaf/icsma/" + file));
        String id = doc.path("document").path("tracking").path("id").asString();
        String title = doc.path("document").path("title").asString();
        String vendor = doc.path("product_tree").path("branches").get(0).path("name").asString();
        List<AdvisoryVulnerability> out = new ArrayList<>();
        for (JsonNode v : doc.path("vulnerabilities")) {
            JsonNode cvss = v.path("scores").get(0).path("cvss_v3");
            out.add(new AdvisoryVulnerability(id, title, vendor, v.path("cve").asString(),
                    cvss.path("vectorString").asString(), cvss.path("baseScore").decimalValue()));
        }
        return out;
    }

    static VexStatement statement(AdvisoryVulnerability v, String state, String justification, String detail,
            String updatedAt, String... devices) {
        return new VexStatement(v.cve(), state, justification, detail, v.trackingId(), v.title(), v.baseScore(),
                v.vector(), Instant.parse(updatedAt), List.of(devices));
    }

    static VexStatement withoutCvss(AdvisoryVulnerability v, String state, String updatedAt, String... devices) {
        return new VexStatement(v.cve(), state, null, null, v.trackingId(), v.title(), null, null,
                Instant.parse(updatedAt), List.of(devices));
    }

    static List<AdvisoryVulnerability> baxter() {
        return advisory("icsma-20-170-04.json");
    }

    static VexProduct spectrum800() {
        return new VexProduct(MODEL + "@8.00.01", "Baxter", "Baxter Spectrum", "8.00.01", "35700BAX2",
                List.of("ICU-0042", "ICU-0043"));
    }

    static VexProduct spectrum801() {
        return new VexProduct(MODEL + "@8.01.00", "Baxter", "Baxter Spectrum", "8.01.00", "35700BAX2",
                List.of("ED-0007"));
    }

    /**
     * All devices of one model (Baxter Spectrum 35700BAX2) in two software versions, with the six CVEs of
     * ICSMA-20-170-04 in all four states: ICU-0042 and ICU-0043 run 8.00.01, ED-0007 runs 8.01.00.
     * <ul>
     * <li>CVE-2020-12039: not affected (cannot be controlled by adversary, with detail) on all three;</li>
     * <li>CVE-2020-12040: affected, with a mitigation as detail, on all three;</li>
     * <li>CVE-2020-12045: affected without detail on 8.00.01, fixed with detail on ED-0007;</li>
     * <li>CVE-2020-12041: under investigation on all three, recorded without CVSS;</li>
     * <li>CVE-2020-12047: ICU-0042 not affected but ICU-0043 affected (8.00.01 disagrees), ED-0007 not affected
     * (inline mitigations, no detail);</li>
     * <li>CVE-2020-12043: fixed on all three.</li>
     * </ul>
     */
    static VexRequest modelExport() {
        List<AdvisoryVulnerability> b = baxter();
        List<VexStatement> statements = List.of(
                statement(b.get(0), "NOT_AFFECTED", "vulnerable_code_cannot_be_controlled_by_adversary",
                        "The pumps stay in the locked ICU and ED stores; the serial port is sealed.",
                        "2026-10-01T08:00:00Z", "ICU-0042", "ICU-0043", "ED-0007"),
                statement(b.get(1), "AFFECTED", null,
                        "Pumps isolated on medical device VLAN 120 until the battery module update.",
                        "2026-10-02T10:15:00Z", "ICU-0042", "ICU-0043", "ED-0007"),
                statement(b.get(2), "AFFECTED", null, null, "2026-10-03T11:00:00Z", "ICU-0042", "ICU-0043"),
                statement(b.get(2), "FIXED", null, "Wireless battery module updated to v22D29 (CR-2026-118).",
                        "2026-11-02T14:45:00Z", "ED-0007"),
                withoutCvss(b.get(3), "UNDER_INVESTIGATION", "2026-11-20T16:00:00Z", "ICU-0042", "ICU-0043",
                        "ED-0007"),
                statement(b.get(4), "NOT_AFFECTED", "component_not_present", "No wireless battery module fitted.",
                        "2026-10-05T09:00:00Z", "ICU-0042"),
                statement(b.get(4), "AFFECTED", null, null, "2026-10-06T09:00:00Z", "ICU-0043"),
                statement(b.get(4), "NOT_AFFECTED", "inline_mitigations_already_exist", null,
                        "2026-10-07T09:00:00Z", "ED-0007"),
                statement(b.get(5), "FIXED", null, null, "2026-11-10T07:30:00Z", "ICU-0042", "ICU-0043",
                        "ED-0007"));
        return new VexRequest("PATCHCARE-VEX-" + MODEL + "-2026-11-23", "VEX for Baxter Spectrum 35700BAX2",
                HOSPITAL, NAMESPACE, NOW, List.of(spectrum800(), spectrum801()), statements);
    }

    /** The CVSS v4.0 vector of CVE-2024-5176 from its CVE record. */
    static String cve20245176Vector() {
        JsonNode record = JSON.readTree(TestData.file("cve/from-vulnrichment/CVE-2024-5176.json"));
        for (JsonNode metric : record.path("containers").path("cna").path("metrics")) {
            if (metric.has("cvssV4_0")) {
                return metric.path("cvssV4_0").path("vectorString").asString();
            }
        }
        throw new IllegalStateException("CVE-2024-5176 has no CVSS v4.0 vector");
    }

    /**
     * Devices of several vendors, one product per device (keyed by asset tag): BD Alaris 8000 PC unit ICU-0101
     * (affected by CVE-2016-8375, a CVSS v3.0 vector), GE Vivid RAD-0012 without a software version or model number
     * (CVE-2020-6977 not affected, vulnerable code not in execute path; CVE-2024-1486 under investigation; both
     * CVSS v3.1), and a Welch Allyn Configuration Tool on BIOMED-0003 (CVE-2024-5176, CVSS v4.0, affected).
     */
    static VexRequest wardExport() {
        AdvisoryVulnerability alaris = advisory("icsma-17-017-01.json").getFirst();
        List<AdvisoryVulnerability> ge = advisory("icsma-20-049-02.json");
        JsonNode welch = JSON.readTree(TestData.file("cve/from-vulnrichment/CVE-2024-5176.json"));
        String welchTitle = welch.path("containers").path("cna").path("title").asString();
        List<VexProduct> products = List.of(
                new VexProduct("ICU-0101", alaris.vendor(), "Alaris 8000 PC unit", "9.19.2", "8000"),
                new VexProduct("RAD-0012", ge.getFirst().vendor(), "Vivid E95", null, null),
                new VexProduct("BIOMED-0003", "Baxter", "Welch Allyn Configuration Tool", "1.9.4.1", null));
        List<VexStatement> statements = List.of(
                statement(alaris, "AFFECTED", null, null, "2026-09-14T12:00:00Z", "ICU-0101"),
                statement(ge.get(0), "NOT_AFFECTED", "vulnerable_code_not_in_execute_path",
                        "The service port is disabled in this configuration.", "2026-08-30T10:00:00Z", "RAD-0012"),
                statement(ge.get(1), "UNDER_INVESTIGATION", null, "Waiting for GE's answer on product scope.",
                        "2026-11-21T15:20:00Z", "RAD-0012"),
                new VexStatement("CVE-2024-5176", "AFFECTED", null, null, null, welchTitle, new BigDecimal("9.4"),
                        cve20245176Vector(), Instant.parse("2026-11-01T09:00:00Z"), List.of("BIOMED-0003")));
        return new VexRequest("PATCHCARE-VEX-ICU-0042-2026-11-23", "VEX for ward devices", HOSPITAL, NAMESPACE,
                NOW, products, statements);
    }

    /** The smallest export: one device, one statement (BD Alaris 8000, CVE-2016-8375 fixed). */
    static VexRequest singleDeviceExport() {
        AdvisoryVulnerability alaris = advisory("icsma-17-017-01.json").getFirst();
        return new VexRequest("PATCHCARE-VEX-ICU-0101-2026-11-23", "VEX for ICU-0101", HOSPITAL, NAMESPACE, NOW,
                List.of(new VexProduct("ICU-0101", alaris.vendor(), "Alaris 8000 PC unit", "9.19.2", "8000")),
                List.of(statement(alaris, "FIXED", null, "Credentials rotated and flash encrypted by BD service.",
                        "2026-09-20T12:00:00Z", "ICU-0101")));
    }

    static List<VexRequest> all() {
        return List.of(modelExport(), wardExport(), singleDeviceExport());
    }

    /**
     * What each product must be listed as, per CVE, worked out from the statements: every device of a product
     * counts, and the product takes the first of AFFECTED, UNDER_INVESTIGATION, FIXED, NOT_AFFECTED that any of its
     * devices has.
     */
    static Map<String, Map<String, String>> expectedStates(VexRequest request) {
        List<String> caution = List.of("AFFECTED", "UNDER_INVESTIGATION", "FIXED", "NOT_AFFECTED");
        Map<String, Map<String, String>> expected = new TreeMap<>();
        for (VexStatement s : request.statements()) {
            for (String device : s.deviceKeys()) {
                VexProduct product = request.products().stream()
                        .filter(p -> p.key().equals(device) || p.deviceKeys().contains(device)).findFirst()
                        .orElseThrow();
                expected.computeIfAbsent(s.cve(), k -> new TreeMap<>()).merge(product.key(), s.state(),
                        (a, b) -> caution.indexOf(a) <= caution.indexOf(b) ? a : b);
            }
        }
        return expected;
    }

    private VexScenarios() {
    }
}
