package org.patchcare.risk.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Every row of CERT/CC's published SSVC tables (src/test/resources/ssvc) against PatchCare's. */
class SsvcTablesTest {

    private static List<String[]> rows(String file) throws IOException {
        try (InputStream in = SsvcTablesTest.class.getResourceAsStream("/ssvc/" + file)) {
            List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).toList();
            List<String[]> out = new ArrayList<>();
            for (String l : lines) {
                out.add(l.split(","));
            }
            return out;
        }
    }

    private static <E extends Enum<E>> E value(Class<E> type, String label) {
        for (E e : type.getEnumConstants()) {
            String l = e.name().toLowerCase(Locale.ROOT).replace('_', ' ').replace("public poc", "public poc");
            if (l.equals(label) || l.replace(' ', '-').equals(label)) {
                return e;
            }
        }
        throw new AssertionError("no " + type.getSimpleName() + " for '" + label + "'");
    }

    @Test
    void every_one_of_the_72_deployer_rows_gives_the_published_outcome() throws IOException {
        List<String[]> rows = rows("deployer_patch_application_priority_1_0_0.csv");
        assertThat(rows).hasSize(72);
        List<String> mismatches = new ArrayList<>();
        for (String[] r : rows) {
            Outcome got = SsvcTables.outcome(value(Exploitation.class, r[1]), value(SystemExposure.class, r[2]),
                    value(Automatable.class, r[3]), value(HumanImpact.class, r[4]));
            if (got != value(Outcome.class, r[5])) {
                mismatches.add("row " + r[0] + ": expected " + r[5] + ", got " + got);
            }
        }
        assertThat(mismatches).isEmpty();
    }

    @Test
    void every_one_of_the_16_human_impact_rows_gives_the_published_value() throws IOException {
        List<String[]> rows = rows("human_impact_1_0_0.csv");
        assertThat(rows).hasSize(16);
        for (String[] r : rows) {
            assertThat(SsvcTables.humanImpact(value(SafetyImpact.class, r[1]), value(MissionImpact.class, r[2])))
                    .as("row %s", r[0]).isEqualTo(value(HumanImpact.class, r[3]));
        }
    }

    @Test
    void only_active_exploitation_of_an_open_automatable_device_with_high_impact_is_immediate() {
        int immediate = 0;
        for (Exploitation e : Exploitation.values()) {
            for (SystemExposure x : SystemExposure.values()) {
                for (Automatable a : Automatable.values()) {
                    for (HumanImpact h : HumanImpact.values()) {
                        if (SsvcTables.outcome(e, x, a, h) == Outcome.IMMEDIATE) {
                            immediate++;
                            assertThat(e).isEqualTo(Exploitation.ACTIVE);
                            assertThat(x).isEqualTo(SystemExposure.OPEN);
                        }
                    }
                }
            }
        }
        assertThat(immediate).isEqualTo(3);
    }
}
