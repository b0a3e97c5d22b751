package org.patchcare.patching.application;

import org.junit.jupiter.api.Test;
import org.patchcare.patching.application.PatchViews.PatchRecordView;
import org.patchcare.patching.domain.PatchAction;
import org.patchcare.patching.domain.PatchResult;
import org.patchcare.patching.domain.PatchStatus;

import java.io.StringWriter;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The CSV export of patch records: one header, one row per record over every page, formulas defused. */
class PatchCsvTest {

    private static PatchRecordView row(int i, String notes) {
        Instant t = Instant.parse("2026-11-20T15:00:00Z");
        return new PatchRecordView("p" + i, "cr-1", "CR-0001", "BME-000" + i, "Alaris 8015", "ICU", false,
                PatchStatus.VERIFIED, PatchAction.SOFTWARE_UPDATE, "12.1.2", "12.1.3", null, "J. Miller", notes,
                PatchResult.SUCCESS, t, "biomed", t, "biomed", "Self-test, alarms", true, t.plusSeconds(600), "itsec",
                null, null, null, null, 1, 3, Set.of());
    }

    @Test
    void writes_every_page_with_quoted_text_utc_times_and_a_defused_formula() {
        List<PatchRecordView> all = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            all.add(row(i, i == 3 ? "=HYPERLINK(\"http://evil\")" : "note " + i));
        }
        StringWriter out = new StringWriter();
        List<Integer> offsets = new ArrayList<>();
        PatchCsv.write(out, offset -> {
            offsets.add(offset);
            return all.subList(Math.min(offset, all.size()), Math.min(offset + 2, all.size()));
        }, 2);

        List<String> lines = out.toString().lines().toList();
        assertThat(offsets).containsExactly(0, 2, 4);
        assertThat(lines).hasSize(6);
        assertThat(lines.getFirst()).isEqualTo(String.join(",", PatchCsv.HEADER));
        assertThat(lines.get(1)).startsWith("p0,CR-0001,BME-0000,Alaris 8015,ICU,no,VERIFIED,SOFTWARE_UPDATE,12.1.2,"
                + "12.1.3,,J. Miller,SUCCESS,2026-11-20T15:00:00Z,biomed,2026-11-20T15:00:00Z,biomed,"
                + "2026-11-20T15:10:00Z,itsec,\"Self-test, alarms\",,,,1,note 0");
        assertThat(lines.get(4)).endsWith(",\"'=HYPERLINK(\"\"http://evil\"\")\"");
    }
}
