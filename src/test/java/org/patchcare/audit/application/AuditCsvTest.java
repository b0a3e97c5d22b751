package org.patchcare.audit.application;

import org.junit.jupiter.api.Test;
import org.patchcare.shared.domain.InvalidInputException;

import java.io.StringWriter;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AuditCsvTest {

    private static AuditRecord entry(String key, List<AuditRecord.Change> changes, String reason) {
        return new AuditRecord(Instant.parse("2026-11-24T08:00:00Z"), "biomed", "Device", key, "UPDATE", changes, reason);
    }

    @Test
    void writes_a_bom_a_header_and_one_row_per_changed_field_with_formulas_defused() {
        StringWriter out = new StringWriter();
        long n = AuditCsv.write(out, offset -> offset == 0 ? List.of(
                entry("ICU-1", List.of(new AuditRecord.Change("notes", null, "=cmd|' /C calc'!A0"),
                        new AuditRecord.Change("status", "IN_SERVICE", "RETIRED")), "end of life, \"really\""),
                entry("ICU-2", List.of(), "@reason")) : List.of(), 2);
        assertThat(n).isEqualTo(2);
        assertThat(out.toString()).isEqualTo("\uFEFFoccurredAt,actor,entityType,entityKey,action,field,from,to,reason\r\n"
                + "2026-11-24T08:00:00Z,biomed,Device,ICU-1,UPDATE,notes,,'=cmd|' /C calc'!A0,\"end of life, \"\"really\"\"\"\r\n"
                + "2026-11-24T08:00:00Z,biomed,Device,ICU-1,UPDATE,status,IN_SERVICE,RETIRED,\"end of life, \"\"really\"\"\"\r\n"
                + "2026-11-24T08:00:00Z,biomed,Device,ICU-2,UPDATE,,,,'@reason\r\n");
    }

    @Test
    void pages_until_a_short_page() {
        StringWriter out = new StringWriter();
        List<Integer> asked = new java.util.ArrayList<>();
        long n = AuditCsv.write(out, offset -> {
            asked.add(offset);
            return offset < 4 ? List.of(entry("A" + offset, List.of(), null), entry("B" + offset, List.of(), null))
                    : List.of(entry("C", List.of(), null));
        }, 2);
        assertThat(n).isEqualTo(5);
        assertThat(asked).containsExactly(0, 2, 4);
    }

    @Test
    void a_filter_refuses_unknown_actions_reversed_ranges_and_long_text_naming_the_field() {
        assertThatThrownBy(() -> new AuditFilter(null, null, null, null, null, "ERASE", null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("CREATE, UPDATE, DELETE, EVENT");
        assertThatThrownBy(() -> new AuditFilter(Instant.parse("2026-11-24T00:00:00Z"),
                Instant.parse("2026-11-23T00:00:00Z"), null, null, null, null, null))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> new AuditFilter(null, null, null, null, null, null, "x".repeat(201)))
                .isInstanceOf(InvalidInputException.class);
        AuditFilter f = new AuditFilter(null, null, "  biomed ", " ", null, "update", null);
        assertThat(f.actor()).isEqualTo("biomed");
        assertThat(f.entityType()).isNull();
        assertThat(f.action()).isEqualTo("UPDATE");
        assertThat(f.describe()).isEqualTo("actor=biomed, action=UPDATE");
        assertThat(AuditFilter.all().describe()).isEqualTo("everything");
    }

    @Test
    void an_export_ends_by_the_second_after_it_began_and_keeps_an_earlier_end() {
        Instant began = Instant.parse("2026-11-24T04:23:30.456Z");
        assertThat(AuditFilter.all().endingBy(began).to()).isEqualTo(Instant.parse("2026-11-24T04:23:31Z"));
        AuditFilter earlier = new AuditFilter(null, Instant.parse("2026-11-01T00:00:00Z"), null, null, null, null, null);
        assertThat(earlier.endingBy(began)).isSameAs(earlier);
    }
}
