package org.patchcare.advisories.application.vex;

import us.springett.cvss.Cvss;
import us.springett.cvss.CvssV2;
import us.springett.cvss.CvssV3;
import us.springett.cvss.CvssV3_1;
import us.springett.cvss.CvssV4;
import us.springett.cvss.MalformedVectorException;

import java.util.Optional;

/**
 * A CVSS vector read with the cvss-calculator: its version, the vector as written (without the parentheses some
 * sources put around v2 vectors) and the base score and severity computed from it.
 *
 * @param version "2.0", "3.0", "3.1" or "4.0"
 */
record CvssScore(String version, String vector, double baseScore, String severity) {

    /** The score of a vector, or empty when the vector is missing or cannot be read. */
    static Optional<CvssScore> parse(String vector) {
        String text = VexAssessment.blankToNull(vector);
        if (text == null) {
            return Optional.empty();
        }
        if (text.startsWith("(") && text.endsWith(")")) {
            text = text.substring(1, text.length() - 1);
        }
        Cvss cvss;
        try {
            cvss = Cvss.fromVector(text);
        } catch (MalformedVectorException | IllegalArgumentException e) {
            return Optional.empty(); // the writers show the unreadable vector as text
        }
        String version = switch (cvss) {
            case null -> null;
            case CvssV3_1 ignored -> "3.1"; // CvssV3_1 extends CvssV3: test it first
            case CvssV3 ignored -> "3.0";
            case CvssV2 ignored -> "2.0";
            case CvssV4 ignored -> "4.0";
            default -> null;
        };
        if (version == null) {
            return Optional.empty();
        }
        double base = cvss.calculateScore().getBaseScore();
        return Optional.of(new CvssScore(version, text, base, severity(base)));
    }

    /** The qualitative severity of a score (CVSS v3 and v4 scale; v2 has none of its own). */
    static String severity(double score) {
        if (score == 0.0) {
            return "NONE";
        }
        if (score < 4.0) {
            return "LOW";
        }
        if (score < 7.0) {
            return "MEDIUM";
        }
        return score < 9.0 ? "HIGH" : "CRITICAL";
    }
}
