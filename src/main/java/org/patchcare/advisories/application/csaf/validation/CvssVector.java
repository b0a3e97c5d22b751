package org.patchcare.advisories.application.csaf.validation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A CVSS v2.0, v3.0 or v3.1 vector with its base, temporal and environmental scores computed as the FIRST
 * specifications define them (metrics missing from the vector count as "not defined"), and the names CSAF uses for
 * each metric's JSON property and values. Used by mandatory tests 6.1.9 and 6.1.10 and optional test 6.2.19.
 */
final class CvssVector {

    /** A metric: its abbreviation in the vector, its CSAF property name and the property value per vector value. */
    record Metric(String abbreviation, String property, Map<String, String> values) {
    }

    record Scores(double base, double temporal, double environmental) {
    }

    private static final String NOT_DEFINED = "NOT_DEFINED";

    private static final List<Metric> V3_METRICS = List.of(
            metric("AV", "attackVector", "N", "NETWORK", "A", "ADJACENT_NETWORK", "L", "LOCAL", "P", "PHYSICAL"),
            metric("AC", "attackComplexity", "L", "LOW", "H", "HIGH"),
            metric("PR", "privilegesRequired", "N", "NONE", "L", "LOW", "H", "HIGH"),
            metric("UI", "userInteraction", "N", "NONE", "R", "REQUIRED"),
            metric("S", "scope", "U", "UNCHANGED", "C", "CHANGED"),
            metric("C", "confidentialityImpact", "N", "NONE", "L", "LOW", "H", "HIGH"),
            metric("I", "integrityImpact", "N", "NONE", "L", "LOW", "H", "HIGH"),
            metric("A", "availabilityImpact", "N", "NONE", "L", "LOW", "H", "HIGH"),
            metric("E", "exploitCodeMaturity", "X", NOT_DEFINED, "U", "UNPROVEN", "P", "PROOF_OF_CONCEPT",
                    "F", "FUNCTIONAL", "H", "HIGH"),
            metric("RL", "remediationLevel", "X", NOT_DEFINED, "O", "OFFICIAL_FIX", "T", "TEMPORARY_FIX",
                    "W", "WORKAROUND", "U", "UNAVAILABLE"),
            metric("RC", "reportConfidence", "X", NOT_DEFINED, "U", "UNKNOWN", "R", "REASONABLE", "C", "CONFIRMED"),
            metric("CR", "confidentialityRequirement", "X", NOT_DEFINED, "L", "LOW", "M", "MEDIUM", "H", "HIGH"),
            metric("IR", "integrityRequirement", "X", NOT_DEFINED, "L", "LOW", "M", "MEDIUM", "H", "HIGH"),
            metric("AR", "availabilityRequirement", "X", NOT_DEFINED, "L", "LOW", "M", "MEDIUM", "H", "HIGH"),
            metric("MAV", "modifiedAttackVector", "X", NOT_DEFINED, "N", "NETWORK", "A", "ADJACENT_NETWORK",
                    "L", "LOCAL", "P", "PHYSICAL"),
            metric("MAC", "modifiedAttackComplexity", "X", NOT_DEFINED, "L", "LOW", "H", "HIGH"),
            metric("MPR", "modifiedPrivilegesRequired", "X", NOT_DEFINED, "N", "NONE", "L", "LOW", "H", "HIGH"),
            metric("MUI", "modifiedUserInteraction", "X", NOT_DEFINED, "N", "NONE", "R", "REQUIRED"),
            metric("MS", "modifiedScope", "X", NOT_DEFINED, "U", "UNCHANGED", "C", "CHANGED"),
            metric("MC", "modifiedConfidentialityImpact", "X", NOT_DEFINED, "N", "NONE", "L", "LOW", "H", "HIGH"),
            metric("MI", "modifiedIntegrityImpact", "X", NOT_DEFINED, "N", "NONE", "L", "LOW", "H", "HIGH"),
            metric("MA", "modifiedAvailabilityImpact", "X", NOT_DEFINED, "N", "NONE", "L", "LOW", "H", "HIGH"));

    private static final List<Metric> V2_METRICS = List.of(
            metric("AV", "accessVector", "L", "LOCAL", "A", "ADJACENT_NETWORK", "N", "NETWORK"),
            metric("AC", "accessComplexity", "H", "HIGH", "M", "MEDIUM", "L", "LOW"),
            metric("Au", "authentication", "M", "MULTIPLE", "S", "SINGLE", "N", "NONE"),
            metric("C", "confidentialityImpact", "N", "NONE", "P", "PARTIAL", "C", "COMPLETE"),
            metric("I", "integrityImpact", "N", "NONE", "P", "PARTIAL", "C", "COMPLETE"),
            metric("A", "availabilityImpact", "N", "NONE", "P", "PARTIAL", "C", "COMPLETE"),
            metric("E", "exploitability", "ND", NOT_DEFINED, "U", "UNPROVEN", "POC", "PROOF_OF_CONCEPT",
                    "F", "FUNCTIONAL", "H", "HIGH"),
            metric("RL", "remediationLevel", "ND", NOT_DEFINED, "OF", "OFFICIAL_FIX", "TF", "TEMPORARY_FIX",
                    "W", "WORKAROUND", "U", "UNAVAILABLE"),
            metric("RC", "reportConfidence", "ND", NOT_DEFINED, "UC", "UNCONFIRMED", "UR", "UNCORROBORATED",
                    "C", "CONFIRMED"),
            metric("CDP", "collateralDamagePotential", "ND", NOT_DEFINED, "N", "NONE", "L", "LOW",
                    "LM", "LOW_MEDIUM", "MH", "MEDIUM_HIGH", "H", "HIGH"),
            metric("TD", "targetDistribution", "ND", NOT_DEFINED, "N", "NONE", "L", "LOW", "M", "MEDIUM", "H", "HIGH"),
            metric("CR", "confidentialityRequirement", "ND", NOT_DEFINED, "L", "LOW", "M", "MEDIUM", "H", "HIGH"),
            metric("IR", "integrityRequirement", "ND", NOT_DEFINED, "L", "LOW", "M", "MEDIUM", "H", "HIGH"),
            metric("AR", "availabilityRequirement", "ND", NOT_DEFINED, "L", "LOW", "M", "MEDIUM", "H", "HIGH"));

    private static final List<String> V2_BASE = List.of("AV", "AC", "Au", "C", "I", "A");
    private static final List<String> V3_BASE = List.of("AV", "AC", "PR", "UI", "S", "C", "I", "A");

    private final String version;
    private final Map<String, String> values;

    private CvssVector(String version, Map<String, String> values) {
        this.version = version;
        this.values = values;
    }

    /**
     * Parses a vector; empty when it is not a well-formed vector of that version (unknown or repeated metrics,
     * unknown values, missing base metrics). {@code version} is "2.0", "3.0" or "3.1".
     */
    static Optional<CvssVector> parse(String version, String vector) {
        if (vector == null) {
            return Optional.empty();
        }
        String body;
        List<Metric> metrics;
        List<String> required;
        if (version.equals("2.0")) {
            body = vector;
            metrics = V2_METRICS;
            required = V2_BASE;
        } else if (version.equals("3.0") || version.equals("3.1")) {
            String prefix = "CVSS:" + version + "/";
            if (!vector.startsWith(prefix)) {
                return Optional.empty();
            }
            body = vector.substring(prefix.length());
            metrics = V3_METRICS;
            required = V3_BASE;
        } else {
            return Optional.empty();
        }
        Map<String, String> values = new LinkedHashMap<>();
        for (String part : body.split("/", -1)) {
            int colon = part.indexOf(':');
            if (colon < 0) {
                return Optional.empty();
            }
            String key = part.substring(0, colon);
            String value = part.substring(colon + 1);
            Metric metric = metrics.stream().filter(m -> m.abbreviation().equals(key)).findFirst().orElse(null);
            if (metric == null || !metric.values().containsKey(value) || values.put(key, value) != null) {
                return Optional.empty();
            }
        }
        if (!values.keySet().containsAll(required)) {
            return Optional.empty();
        }
        return Optional.of(new CvssVector(version, values));
    }

    String version() {
        return version;
    }

    List<Metric> metrics() {
        return version.equals("2.0") ? V2_METRICS : V3_METRICS;
    }

    /** Whether the vector itself gives this metric. */
    boolean defines(Metric metric) {
        return values.containsKey(metric.abbreviation());
    }

    /**
     * This vector completed with the metrics the CVSS object gives only as properties (e.g. a
     * {@code modifiedIntegrityImpact} without {@code MI} in the vector); the vector wins where both are given.
     */
    CvssVector withProperties(tools.jackson.databind.JsonNode cvss) {
        Map<String, String> merged = new LinkedHashMap<>(values);
        for (Metric metric : metrics()) {
            String property = Json.text(cvss, metric.property());
            if (property == null || merged.containsKey(metric.abbreviation())) {
                continue;
            }
            metric.values().entrySet().stream().filter(e -> e.getValue().equals(property)).findFirst()
                    .ifPresent(e -> merged.put(metric.abbreviation(), e.getKey()));
        }
        return new CvssVector(version, merged);
    }

    /** The CSAF property value the vector implies for a metric ("NOT_DEFINED" for an absent optional metric). */
    String propertyValue(Metric metric) {
        String value = values.get(metric.abbreviation());
        if (value == null) {
            return NOT_DEFINED;
        }
        return metric.values().get(value);
    }

    Scores scores() {
        return version.equals("2.0") ? scoresV2() : scoresV3();
    }

    /** CVSS v3 qualitative rating of a score. */
    static String severity(double score) {
        if (score == 0.0) {
            return "NONE";
        } else if (score < 4.0) {
            return "LOW";
        } else if (score < 7.0) {
            return "MEDIUM";
        } else if (score < 9.0) {
            return "HIGH";
        }
        return "CRITICAL";
    }

    // ---- CVSS v3.0 / v3.1 (FIRST CVSS v3.1 specification, section 7; v3.0 differs in rounding and MS:C impact) ----

    private String v(String metric, String fallback) {
        String value = values.get(metric);
        return value == null || value.equals("X") ? fallback : value;
    }

    private Scores scoresV3() {
        boolean changed = v("S", "U").equals("C");
        double iss = 1 - (1 - cia(v("C", "N"))) * (1 - cia(v("I", "N"))) * (1 - cia(v("A", "N")));
        double impact = changed ? 7.52 * (iss - 0.029) - 3.25 * Math.pow(iss - 0.02, 15) : 6.42 * iss;
        double exploitability = 8.22 * av(v("AV", "N")) * ac(v("AC", "L")) * pr(v("PR", "N"), changed)
                * ui(v("UI", "N"));
        double base;
        if (impact <= 0) {
            base = 0;
        } else if (changed) {
            base = roundUp(Math.min(1.08 * (impact + exploitability), 10));
        } else {
            base = roundUp(Math.min(impact + exploitability, 10));
        }
        double temporalFactor = e3(v("E", "X")) * rl3(v("RL", "X")) * rc3(v("RC", "X"));
        double temporal = roundUp(base * temporalFactor);

        boolean modifiedChanged = v("MS", v("S", "U")).equals("C");
        double miss = Math.min(1 - (1 - req(v("CR", "X")) * cia(v("MC", v("C", "N"))))
                * (1 - req(v("IR", "X")) * cia(v("MI", v("I", "N"))))
                * (1 - req(v("AR", "X")) * cia(v("MA", v("A", "N")))), 0.915);
        double modifiedImpact;
        if (!modifiedChanged) {
            modifiedImpact = 6.42 * miss;
        } else if (version.equals("3.0")) {
            modifiedImpact = 7.52 * (miss - 0.029) - 3.25 * Math.pow(miss - 0.02, 15);
        } else {
            modifiedImpact = 7.52 * (miss - 0.029) - 3.25 * Math.pow(miss * 0.9731 - 0.02, 13);
        }
        double modifiedExploitability = 8.22 * av(v("MAV", v("AV", "N"))) * ac(v("MAC", v("AC", "L")))
                * pr(v("MPR", v("PR", "N")), modifiedChanged) * ui(v("MUI", v("UI", "N")));
        double environmental;
        if (modifiedImpact <= 0) {
            environmental = 0;
        } else if (modifiedChanged) {
            environmental = roundUp(roundUp(Math.min(1.08 * (modifiedImpact + modifiedExploitability), 10))
                    * temporalFactor);
        } else {
            environmental = roundUp(roundUp(Math.min(modifiedImpact + modifiedExploitability, 10)) * temporalFactor);
        }
        return new Scores(base, temporal, environmental);
    }

    private double roundUp(double value) {
        if (version.equals("3.0")) {
            return Math.ceil(value * 10) / 10;
        }
        long scaled = Math.round(value * 100000);
        if (scaled % 10000 == 0) {
            return scaled / 100000.0;
        }
        return (Math.floor(scaled / 10000.0) + 1) / 10.0;
    }

    private static double av(String v) {
        return switch (v) {
            case "N" -> 0.85;
            case "A" -> 0.62;
            case "L" -> 0.55;
            default -> 0.2;
        };
    }

    private static double ac(String v) {
        return v.equals("L") ? 0.77 : 0.44;
    }

    private static double pr(String v, boolean scopeChanged) {
        return switch (v) {
            case "N" -> 0.85;
            case "L" -> scopeChanged ? 0.68 : 0.62;
            default -> scopeChanged ? 0.5 : 0.27;
        };
    }

    private static double ui(String v) {
        return v.equals("N") ? 0.85 : 0.62;
    }

    private static double cia(String v) {
        return switch (v) {
            case "H" -> 0.56;
            case "L" -> 0.22;
            default -> 0;
        };
    }

    private static double e3(String v) {
        return switch (v) {
            case "F" -> 0.97;
            case "P" -> 0.94;
            case "U" -> 0.91;
            default -> 1;
        };
    }

    private static double rl3(String v) {
        return switch (v) {
            case "W" -> 0.97;
            case "T" -> 0.96;
            case "O" -> 0.95;
            default -> 1;
        };
    }

    private static double rc3(String v) {
        return switch (v) {
            case "R" -> 0.96;
            case "U" -> 0.92;
            default -> 1;
        };
    }

    private static double req(String v) {
        return switch (v) {
            case "H" -> 1.5;
            case "L" -> 0.5;
            default -> 1;
        };
    }

    // ---- CVSS v2 (FIRST CVSS v2 guide, section 3.2) ----

    private String v2(String metric) {
        String value = values.get(metric);
        return value == null ? "ND" : value;
    }

    private Scores scoresV2() {
        double c = cia2(v2("C"));
        double i = cia2(v2("I"));
        double a = cia2(v2("A"));
        double impact = 10.41 * (1 - (1 - c) * (1 - i) * (1 - a));
        double exploitability = 20 * av2(v2("AV")) * ac2(v2("AC")) * au2(v2("Au"));
        double base = baseV2(impact, exploitability);
        double temporalFactor = e2(v2("E")) * rl2(v2("RL")) * rc2(v2("RC"));
        double temporal = round1(base * temporalFactor);
        double adjustedImpact = Math.min(10, 10.41 * (1 - (1 - c * req2(v2("CR"))) * (1 - i * req2(v2("IR")))
                * (1 - a * req2(v2("AR")))));
        double adjustedTemporal = round1(baseV2(adjustedImpact, exploitability) * temporalFactor);
        double environmental = round1((adjustedTemporal + (10 - adjustedTemporal) * cdp(v2("CDP")))
                * td(v2("TD")));
        return new Scores(base, temporal, environmental);
    }

    private static double baseV2(double impact, double exploitability) {
        double f = impact == 0 ? 0 : 1.176;
        return round1((0.6 * impact + 0.4 * exploitability - 1.5) * f);
    }

    /**
     * Rounds to one decimal as the reference calculators do (NVD's, FIRST's examples, cvss-calculator): in binary
     * floating point, so 9.0 x 0.95 = 8.549999... gives 8.5. Producers compute their scores that way.
     */
    private static double round1(double value) {
        return Math.round(value * 10) / 10.0;
    }

    private static double av2(String v) {
        return switch (v) {
            case "L" -> 0.395;
            case "A" -> 0.646;
            default -> 1.0;
        };
    }

    private static double ac2(String v) {
        return switch (v) {
            case "H" -> 0.35;
            case "M" -> 0.61;
            default -> 0.71;
        };
    }

    private static double au2(String v) {
        return switch (v) {
            case "M" -> 0.45;
            case "S" -> 0.56;
            default -> 0.704;
        };
    }

    private static double cia2(String v) {
        return switch (v) {
            case "P" -> 0.275;
            case "C" -> 0.660;
            default -> 0;
        };
    }

    private static double e2(String v) {
        return switch (v) {
            case "U" -> 0.85;
            case "POC" -> 0.9;
            case "F" -> 0.95;
            default -> 1;
        };
    }

    private static double rl2(String v) {
        return switch (v) {
            case "OF" -> 0.87;
            case "TF" -> 0.90;
            case "W" -> 0.95;
            default -> 1;
        };
    }

    private static double rc2(String v) {
        return switch (v) {
            case "UC" -> 0.90;
            case "UR" -> 0.95;
            default -> 1;
        };
    }

    private static double cdp(String v) {
        return switch (v) {
            case "L" -> 0.1;
            case "LM" -> 0.3;
            case "MH" -> 0.4;
            case "H" -> 0.5;
            default -> 0;
        };
    }

    private static double td(String v) {
        return switch (v) {
            case "N" -> 0;
            case "L" -> 0.25;
            case "M" -> 0.75;
            default -> 1;
        };
    }

    private static double req2(String v) {
        return switch (v) {
            case "L" -> 0.5;
            case "H" -> 1.51;
            default -> 1;
        };
    }

    private static Metric metric(String abbreviation, String property, String... pairs) {
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            values.put(pairs[i], pairs[i + 1]);
        }
        return new Metric(abbreviation, property, Map.copyOf(values));
    }
}
