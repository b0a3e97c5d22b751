package org.patchcare.advisories.application.csaf.validation;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import us.springett.cvss.Cvss;
import us.springett.cvss.Score;

import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.SoftAssertions.assertSoftly;

/**
 * PatchCare's CVSS scoring (used by tests 6.1.9 and 6.2.19) against an independent implementation, the
 * cvss-calculator library, and against the scores CISA published.
 */
class CvssVectorTest {

    private static final String[] AV = {"N", "A", "L", "P"};

    /** Every CVSS vector in the CSAF test files, by key (cvss_v2 or cvss_v3) and version. */
    private static Set<List<String>> vectorsInTestData() {
        Set<List<String>> vectors = new LinkedHashSet<>();
        for (String folder : List.of("csaf/icsma", "csaf/icsa", "csaf/oasis-valid", "csaf/oasis-invalid")) {
            for (Path file : CsafTestFiles.jsonFiles(folder)) {
                for (JsonNode vulnerability : CsafTestFiles.read(file).path("vulnerabilities")) {
                    for (JsonNode score : vulnerability.path("scores")) {
                        JsonNode v2 = score.path("cvss_v2");
                        JsonNode v3 = score.path("cvss_v3");
                        if (v2.has("vectorString")) {
                            vectors.add(List.of("2.0", v2.path("vectorString").asString()));
                        }
                        if (v3.has("vectorString")) {
                            vectors.add(List.of(v3.path("version").asString(), v3.path("vectorString").asString()));
                        }
                    }
                }
            }
        }
        return vectors;
    }

    @Test
    void scores_every_v3_1_and_v2_vector_of_the_test_data_like_the_cvss_calculator_library() {
        Set<List<String>> vectors = vectorsInTestData();
        assertThat(vectors).anyMatch(v -> v.getFirst().equals("3.1")).anyMatch(v -> v.getFirst().equals("2.0"));

        assertSoftly(softly -> {
            for (List<String> v : vectors) {
                if (v.getFirst().equals("3.0") || CvssVector.parse(v.get(0), v.get(1)).isEmpty()) {
                    continue;
                }
                CvssVector.Scores mine = CvssVector.parse(v.get(0), v.get(1)).orElseThrow().scores();
                Score reference = Cvss.fromVector(v.get(1)).calculateScore();
                softly.assertThat(mine.base()).as("base of %s", v).isEqualTo(reference.getBaseScore());
                softly.assertThat(mine.temporal()).as("temporal of %s", v).isEqualTo(reference.getTemporalScore());
                if (v.getFirst().equals("3.1")) {
                    softly.assertThat(mine.environmental()).as("environmental of %s", v)
                            .isEqualTo(reference.getEnvironmentalScore());
                }
            }
        });
    }

    @Test
    void scores_generated_v3_1_vectors_with_temporal_and_environmental_metrics_like_the_library() {
        Random random = new Random(20260101);
        assertSoftly(softly -> {
            for (int i = 0; i < 20_000; i++) {
                String vector = "CVSS:3.1/AV:" + pick(random, AV) + "/AC:" + pick(random, "L", "H")
                        + "/PR:" + pick(random, "N", "L", "H") + "/UI:" + pick(random, "N", "R")
                        + "/S:" + pick(random, "U", "C") + "/C:" + pick(random, "N", "L", "H")
                        + "/I:" + pick(random, "N", "L", "H") + "/A:" + pick(random, "N", "L", "H")
                        + "/E:" + pick(random, "X", "U", "P", "F", "H") + "/RL:" + pick(random, "X", "O", "T", "W", "U")
                        + "/RC:" + pick(random, "X", "U", "R", "C") + "/CR:" + pick(random, "X", "L", "M", "H")
                        + "/IR:" + pick(random, "X", "L", "M", "H") + "/AR:" + pick(random, "X", "L", "M", "H")
                        + "/MAV:" + pick(random, "X", "N", "A", "L", "P") + "/MAC:" + pick(random, "X", "L", "H")
                        + "/MPR:" + pick(random, "X", "N", "L", "H") + "/MUI:" + pick(random, "X", "N", "R")
                        + "/MS:" + pick(random, "X", "U", "C") + "/MC:" + pick(random, "X", "N", "L", "H")
                        + "/MI:" + pick(random, "X", "N", "L", "H") + "/MA:" + pick(random, "X", "N", "L", "H");
                CvssVector.Scores mine = CvssVector.parse("3.1", vector).orElseThrow().scores();
                Score reference = Cvss.fromVector(vector).calculateScore();
                softly.assertThat(List.of(mine.base(), mine.temporal(), mine.environmental())).as(vector)
                        .isEqualTo(List.of(reference.getBaseScore(), reference.getTemporalScore(),
                                reference.getEnvironmentalScore()));
            }
        });
    }

    @Test
    void gives_cisas_published_v3_0_base_scores_and_severities() {
        int checked = 0;
        for (Path file : CsafTestFiles.jsonFiles("csaf/icsma")) {
            for (JsonNode vulnerability : CsafTestFiles.read(file).path("vulnerabilities")) {
                for (JsonNode score : vulnerability.path("scores")) {
                    JsonNode cvss = score.path("cvss_v3");
                    if (!cvss.path("version").asString().equals("3.0")) {
                        continue;
                    }
                    double base = CvssVector.parse("3.0", cvss.path("vectorString").asString()).orElseThrow()
                            .scores().base();
                    assertThat(base).as("%s in %s", cvss, file).isEqualTo(cvss.path("baseScore").asDouble());
                    assertThat(CvssVector.severity(base)).isEqualTo(cvss.path("baseSeverity").asString());
                    checked++;
                }
            }
        }
        assertThat(checked).isGreaterThan(300);
    }

    @Test
    void refuses_vectors_of_another_version_or_with_unknown_repeated_or_missing_metrics() {
        assertThat(CvssVector.parse("3.1", "CVSS:3.0/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")).isEmpty();
        assertThat(CvssVector.parse("3.1", "CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H")).isEmpty();
        assertThat(CvssVector.parse("3.1", "CVSS:3.1/AV:N/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")).isEmpty();
        assertThat(CvssVector.parse("3.1", "CVSS:3.1/AV:Q/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H")).isEmpty();
        assertThat(CvssVector.parse("2.0", "AV:N/AC:L/Au:N/C:C/I:C")).isEmpty();
        assertThat(CvssVector.parse("2.0", "AV:N/AC:L/Au:N/C:C/I:C/A:C")).isPresent();
    }

    private static String pick(Random random, String... values) {
        return values[random.nextInt(values.length)];
    }
}
