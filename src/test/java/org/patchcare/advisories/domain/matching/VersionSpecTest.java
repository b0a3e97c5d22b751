package org.patchcare.advisories.domain.matching;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.patchcare.advisories.domain.matching.Containment.NO;
import static org.patchcare.advisories.domain.matching.Containment.UNKNOWN;
import static org.patchcare.advisories.domain.matching.Containment.YES;

class VersionSpecTest {

    private static Containment in(String spec, String device) {
        return VersionSpec.parse(spec).contains(device);
    }

    @ParameterizedTest(name = "{1} in \"{0}\" → {2}")
    @CsvSource(delimiter = ';', value = {
            // exact versions
            "4.3; 4.3; YES", "4.3; 4.3.0; YES", "4.3; 4.4; NO", "4.3; 4.3.1; UNKNOWN", "1.1.3 Build 10; 1.1.3 Build 10; YES",
            "1.1.3 Build 10; 1.1.3; UNKNOWN", "5.89.05b; 5.89.05b; YES", "5.89.05b; 5.89.05; UNKNOWN",
            // vers
            "vers:all/*; 1.0; YES", "vers:all/*; anything at all; YES", "vers:all/<V5.7; V5.6.2; YES", "vers:all/<V5.7; 5.7; NO",
            "vers:all/>=V7.80<V9.40; 8.1; YES", "vers:all/>=V7.80<V9.40; V9.40; NO", "vers:all/>=V7.80<V9.40; 7.9; NO",
            "vers:npm/>=1.0.0|<2.0.0; 1.4.2; YES", "vers:npm/>=1.0.0|<2.0.0; 2.0.0; NO", "vers:npm/>=1.0.0|<2.0.0; B.12; UNKNOWN",
            "vers:maven/>=1.0|<2.0; 1.0-alpha; UNKNOWN", "vers:generic/<1.2.3; B.12; UNKNOWN",
            // bounds
            "<= 2.3.0; 2.3.0; YES", "<= 2.3.0; 2.2.9; YES", "<= 2.3.0; 2.3.1; NO", "< 012U000040; 012U000039; YES",
            "< 012U000040; 012U000040; NO", "< 012U000040; 1.2; UNKNOWN", "<= B.12; B.9; YES", "<= B.12; B.13; NO",
            "<= B.12; 4.3; UNKNOWN", "<= B.12; A.20; YES", "<= B.12; C.01; NO", "<= K; J; YES", "<= K; L; NO",
            "< 1.003; 1.002; YES", "< 1.003; 1.3; UNKNOWN", "< 4.06; 4.05; YES", "<= R4.1L1; R4.1L0; YES",
            "<= U61 |<= L81; U55; YES", "<= U61 |<= L81; L81; YES", "<= U61 |<= L81; U62; NO", "<= U61 |<= L81; X10; UNKNOWN", "<= D25; D24; YES",
            "<= 4107600010.23; 2.1; UNKNOWN", ">= 2003 | <= 2006; 3.1; UNKNOWN", ">= 2003 | <= 2006; 2005; YES",
            "< V6.0 SP9 Upd4; V6.0 SP8; YES", "< 1.8.4 Service Pack 01; 1.7.2; YES", "< 1.8.4 Service Pack 01; 1.8.5; NO",
            // ranges written as lower | upper, infix, concatenated
            ">= 1.0.0 | <= 1.1.1; 1.0.5; YES", ">= 1.0.0 | <= 1.1.1; 1.2; NO", ">= 1.0.0 | <= 1.1.1; 0.9; NO",
            ">=5.3|<=6.4; 6.4; YES", ">= 1.2 < 1.5; 1.4; YES", ">= 1.2 < 1.5; 1.5; NO", "A10 < A11; A10; YES",
            "A10 < A11; A11; NO", "A.01 <= C.0x | 4.0; B.07; YES", "A.01 <= C.0x | 4.0; 4.0; YES",
            "A.01 <= C.0x | 4.0; C.05; YES", "A.01 <= C.0x | 4.0; C.10; NO", ">=BT02 | <= BT06; BT04; YES",
            ">=BT02 | <= BT06; BT07; NO", ">= v7.0; 8.2; YES", ">= v7.0; 6.9; NO",
            // wildcards
            "2.x; 2.7; YES", "2.X; 3.0; NO", "12.2.x.x; 12.2.4.1; YES", "<= 12.2.x.x; 12.2.9; YES", "<= 12.2.x.x; 12.3; NO",
            "< 3.x; 2.9; YES", "< 3.x; 3.1; NO", "<= 11.x; 11.9; YES", "<= 11.x; 12.0; NO", "< 8.1x; 8.05; YES",
            "< 8.1x; 8.12; NO", "< 8.1x; 8.2; UNKNOWN", ">= 7.4x | <= 8.0x; 7.51; YES", ">= 7.4x | <= 8.0x; 8.11; NO",
            // words and lists
            "all versions; 3.1; YES", "All; 0.1; YES", "2.3.6 and below; 2.3.6; YES", "2.3.6 and below; 2.4; NO",
            "04.00.00 or newer; 04.01.00; YES", "04.00.00 or newer; 03.09.00; NO", "2131 and 2141; 2141; YES",
            "2131 and 2141; 2151; NO", "1.1 | 1.2 | 1.4 | 1.5; 1.4; YES", "1.1 | 1.2 | 1.4 | 1.5; 1.3; NO",
            "(Release 1.3.2 1.4.0 1.4.1 1.4.3 1.4.5); 1.4.1; YES", "(Release 1.3.2 1.4.0 1.4.1 1.4.3 1.4.5); 1.4.2; NO",
            "Rev B-M; F; YES", "Rev B-M; N; NO", "Rev J-M | (X3/MX100 for Rev M only); K; YES",
            "4.20 | 4.20 SR1 | 4.30; 4.20 SR1; YES", "4.20 | 4.20 SR1 | 4.30; 4.25; NO",
            // notes are dropped, conditions make YES unknown but keep NO
            "<= 1.54 (integrated into GE MobileLink); 1.50; YES", "* (end-of-life 2011); 9; YES",
            "v6.x model 35700BAX; 6.2; UNKNOWN", "v6.x model 35700BAX; 8.1; NO", "<=11.2 on Windows 8.1 with IIS 7.5; 11.0; UNKNOWN",
            "<=11.2 on Windows 8.1 with IIS 7.5; 12.0; NO",
            "v9.x (with Wireless Battery Module >= v22D19 | <= v22D28); 9.1; UNKNOWN",
            "6.x (Wireless Battery Modules (16 | 16D38 | 17 | 17D19 | >= 20D29 | <= v20D32 | >= 22D24 | <= v22D28); 7.1; NO",
            "6.02 (excluding Version 5.83 Version 5.92 and all subsequent minor releases); 6.02; UNKNOWN",
            "* running on old, unsupported operating systems such as Windows 2000; 1.0; UNKNOWN",
            // prose, dates, variants
            "distributed  < april 1, 2018; 1.0; UNKNOWN", "<May 2018; 1.0; UNKNOWN", "< august 28; 2.0; UNKNOWN",
            "with wireless option (shipped between 2016-August 2018); 1.0; UNKNOWN", "Accu-Chek Inform II; 1.0; UNKNOWN",
            "MMT-1715 | MMT-1754 | MMT-1755; 4.3; UNKNOWN", "2nd Edition; 2.0; UNKNOWN", "882160 Gemini Dual; 882160; UNKNOWN",
            "Version A, Firmware A.03.09; A.03.09; UNKNOWN", "IGS; 1.0; UNKNOWN", "CR-IR 357; 4.1; UNKNOWN",
            "< 7.03 /7.04; 7.02; UNKNOWN", "vers:all/<V14.2023-08-23; V14.2023-08-01; YES"})
    void answers_yes_no_or_unknown_for_the_real_version_texts(String spec, String device, Containment expected) {
        assertThat(in(spec, device)).as(VersionSpec.parse(spec).check(device).explanation()).isEqualTo(expected);
    }

    @Test
    void explains_its_answer_for_people() {
        assertThat(VersionSpec.parse("<= 4.5").check("4.3").explanation()).isEqualTo("4.3 ≤ 4.5");
        assertThat(VersionSpec.parse("<= 4.5").check("4.6").explanation()).isEqualTo("4.6 > 4.5");
        assertThat(VersionSpec.parse(">= 1.0.0 | <= 1.1.1").check("1.0.5").explanation())
                .isEqualTo("1.0.5 ≥ 1.0.0 and ≤ 1.1.1");
        assertThat(VersionSpec.parse("<= B.12").check("4.3").explanation()).isEqualTo("cannot compare 4.3 with B.12");
        assertThat(VersionSpec.parse("distributed  < april 1, 2018").check("1.0").explanation())
                .startsWith("the advisory gives a date or prose, not a version");
        assertThat(VersionSpec.parse("v6.x model 35700BAX").check("6.2").explanation())
                .isEqualTo("6.2 in v6.x, but only model 35700BAX");
    }

    @Test
    void a_device_without_software_version_is_only_known_for_all_versions() {
        assertThat(in("vers:all/*", null)).isEqualTo(YES);
        assertThat(in("<= 2.3.0", " ")).isEqualTo(UNKNOWN);
        assertThat(in(null, "1.0")).isEqualTo(UNKNOWN);
    }

    @Test
    void offers_variants_and_model_numbers_written_as_versions_to_the_name_matcher() {
        assertThat(VersionSpec.parse("MMT-1715 | MMT-1754 | MMT-1755").listedNames())
                .containsExactly("MMT-1715", "MMT-1754", "MMT-1755");
        assertThat(VersionSpec.parse("Accu-Chek Inform II").listedNames()).containsExactly("Accu-Chek Inform II");
        assertThat(VersionSpec.parse("<= 2.3.0").listedNames()).isEmpty();
        assertThat(VersionSpec.parse("vers:all/*").coversAllVersions()).isTrue();
        assertThat(VersionSpec.parse("* running on old systems").coversAllVersions()).as("a condition").isFalse();
    }

    /** Every distinct version string of the 107 ICSMA and 21 ICSA files. */
    static List<String> realVersionTexts() {
        TreeSet<String> texts = new TreeSet<>();
        Stream.concat(RealAdvisories.icsma().stream(), RealAdvisories.icsa().stream())
                .flatMap(a -> a.products().stream()).map(AdvisoryProduct::versionText).filter(Objects::nonNull)
                .forEach(texts::add);
        return List.copyOf(texts);
    }

    @Test
    void every_real_version_text_parses_and_contains_the_versions_it_names() throws IOException {
        List<String> texts = realVersionTexts();
        List<String> unknownOnly = new ArrayList<>();
        List<String> lines = new ArrayList<>();
        for (String text : texts) {
            VersionSpec spec = VersionSpec.parse(text);
            assertThat(spec.describe()).as(text).isNotBlank();
            if (spec.isUnknownOnly()) {
                unknownOnly.add(text);
            }
            lines.add("| `" + text.replace("|", "\\|") + "` | " + spec.describe().replace("|", "\\|") + " | "
                    + (spec.isUnknownOnly() ? "UNKNOWN only" : "") + " |");
            // each version the text names (a version, or an inclusive bound) must lie in it
            for (VersionSpec.Term term : spec.terms()) {
                VersionSpec.Term inner = term instanceof VersionSpec.Conditional c ? c.term() : term;
                Containment expected = term instanceof VersionSpec.Conditional ? UNKNOWN : YES;
                List<LooseVersion> named = switch (inner) {
                    case VersionSpec.Exact e when !e.version().isWildcard() -> List.of(e.version());
                    case VersionSpec.Bounds b when b.bounds().stream().allMatch(x -> x.op() == VersionSpec.Op.LE
                            || x.op() == VersionSpec.Op.GE) && b.bounds().size() == 1
                            && !b.bounds().get(0).version().isWildcard() -> List.of(b.bounds().get(0).version());
                    default -> List.of();
                };
                for (LooseVersion v : named) {
                    assertThat(spec.contains(v.text())).as("\"%s\" contains %s", text, v.text()).isEqualTo(expected);
                }
            }
        }
        Path report = Path.of("target", "version-texts.md");
        Files.createDirectories(report.getParent());
        Files.writeString(report, "# Version texts of the ICSMA and ICSA advisories\n\n" + texts.size()
                + " distinct texts, " + unknownOnly.size() + " of them UNKNOWN only.\n\n| text | understood as | |\n|---|---|---|\n"
                + String.join("\n", lines) + "\n");
        System.out.printf("%d distinct version texts, %d UNKNOWN only: %s%n", texts.size(), unknownOnly.size(),
                unknownOnly);
        assertThat(texts).hasSizeGreaterThan(300);
        // Measured: the UNKNOWN-only texts are the dates, prose and product variants; none of them is a version.
        assertThat(unknownOnly).allSatisfy(t -> assertThat(VersionSpec.parse(t).contains("1.0")).isEqualTo(UNKNOWN));
        assertThat(unknownOnly).hasSizeLessThanOrEqualTo(texts.size() * 12 / 100);
        assertThat(unknownOnly).contains("distributed  < april 1, 2018", "<May 2018", "Accu-Chek Inform II")
                .doesNotContain("<= B.12", "< 012U000040", "vers:all/*", "MMT-1715 | MMT-1754 | MMT-1755");
    }

    @Test
    void never_answers_no_for_a_version_of_another_numbering() {
        for (String text : realVersionTexts()) {
            VersionSpec spec = VersionSpec.parse(text);
            for (String foreign : List.of("Build ABC", "Q4", "firmware", "")) {
                assertThat(spec.contains(foreign)).as("\"%s\" with device version \"%s\"", text, foreign)
                        .isNotEqualTo(NO);
            }
        }
    }
}
