package org.patchcare.downtime.application;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.junit.jupiter.api.Test;
import org.patchcare.downtime.domain.WindowStatus;

import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class IcsWriterTest {

    static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");

    static IcsWriter.Event event(String id, WindowStatus status, int sequence, String summary) {
        return new IcsWriter.Event(id, Instant.parse("2026-12-02T07:00:00Z"), Instant.parse("2026-12-02T09:00:00Z"),
                summary, "CR-1234ABCD Patch\nhttps://patchcare.example/change-requests/1",
                "https://patchcare.example/change-requests/1", sequence, status, null);
    }

    static Calendar parse(String ics) throws Exception {
        return new CalendarBuilder().build(new StringReader(ics));
    }

    static String prop(VEvent e, String name) {
        return e.getProperty(name).map(Property::getValue).orElse(null);
    }

    @Test
    void writes_a_valid_publish_calendar_that_parses_back() throws Exception {
        String ics = IcsWriter.write("PatchCare downtime ICU", List.of(event("w-1", WindowStatus.APPROVED, 3,
                "ED-CT-01 – Patch CT")), NOW);
        assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").contains("\r\nMETHOD:PUBLISH\r\n")
                .contains("\r\nVERSION:2.0\r\n").contains("\r\nCALSCALE:GREGORIAN\r\n")
                .contains("X-WR-CALNAME:PatchCare downtime ICU").contains("PRODID:" + IcsWriter.PRODID);
        Calendar cal = parse(ics);
        assertThat(cal.validate().hasErrors()).as(cal.validate().toString()).isFalse();
        List<VEvent> events = cal.getComponents("VEVENT");
        assertThat(events).hasSize(1);
        VEvent e = events.getFirst();
        assertThat(prop(e, "UID")).isEqualTo("w-1@patchcare");
        assertThat(prop(e, "SEQUENCE")).isEqualTo("3");
        assertThat(prop(e, "STATUS")).isEqualTo("CONFIRMED");
        assertThat(prop(e, "DTSTART")).isEqualTo("20261202T070000Z");
        assertThat(prop(e, "DTEND")).isEqualTo("20261202T090000Z");
        assertThat(prop(e, "DTSTAMP")).isEqualTo("20261123T100000Z");
        assertThat(prop(e, "DESCRIPTION")).contains("CR-1234ABCD").contains("\n");
    }

    @Test
    void uid_is_stable_and_status_follows_the_window() throws Exception {
        String first = IcsWriter.write("x", List.of(event("w-1", WindowStatus.PROPOSED, 0, "s")), NOW);
        String later = IcsWriter.write("x", List.of(event("w-1", WindowStatus.CANCELLED, 1, "s")), NOW.plusSeconds(60));
        VEvent a = parse(first).<VEvent>getComponents("VEVENT").getFirst();
        VEvent b = parse(later).<VEvent>getComponents("VEVENT").getFirst();
        assertThat(prop(a, "UID")).isEqualTo(prop(b, "UID"));
        assertThat(prop(a, "STATUS")).isEqualTo("TENTATIVE");
        assertThat(prop(b, "STATUS")).isEqualTo("CANCELLED");
        assertThat(prop(b, "SEQUENCE")).isEqualTo("1");
        assertThat(IcsWriter.status(WindowStatus.IN_PROGRESS).getValue()).isEqualTo("CONFIRMED");
        assertThat(IcsWriter.status(WindowStatus.DONE).getValue()).isEqualTo("CONFIRMED");
    }

    @Test
    void folds_long_non_ascii_lines_at_75_octets_and_unfolds_them_back() throws Exception {
        String summary = "ÄÖÜ-Beatmungsgerät Intensivstation Süd – Sicherheitsupdate für Ventilator Évita ñandú "
                .repeat(3).strip();
        String ics = IcsWriter.write("Intensivstation Süd", List.of(event("w-2", WindowStatus.PROPOSED, 0, summary)),
                NOW);
        String[] lines = ics.split("\r\n");
        for (int i = 0; i < lines.length; i++) {
            int octets = lines[i].getBytes(StandardCharsets.UTF_8).length;
            assertThat(octets).as(lines[i]).isLessThanOrEqualTo(75);
            if (i + 1 < lines.length && lines[i + 1].startsWith(" ")) {
                // folded only where the next character would not fit: no short continuation lines (folding twice)
                String next = new String(Character.toChars(lines[i + 1].codePointAt(1)));
                assertThat(octets + next.getBytes(StandardCharsets.UTF_8).length).as("folded early: " + lines[i])
                        .isGreaterThan(75);
            }
        }
        assertThat(ics).contains("\r\n ");
        VEvent e = parse(ics).<VEvent>getComponents("VEVENT").getFirst();
        assertThat(prop(e, "SUMMARY")).isEqualTo(summary);
    }

    @Test
    void an_empty_feed_is_still_a_valid_calendar() throws Exception {
        Calendar cal = parse(IcsWriter.write("empty", List.of(), NOW));
        assertThat(cal.getComponents("VEVENT")).isEmpty();
        assertThat(cal.getProperty("METHOD").map(Property::getValue)).hasValue("PUBLISH");
    }
}
