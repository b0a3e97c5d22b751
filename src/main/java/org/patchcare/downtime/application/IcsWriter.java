package org.patchcare.downtime.application;

import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.patchcare.downtime.domain.WindowStatus;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Writes downtime windows as an iCalendar (RFC 5545) feed with ical4j: one VEVENT per window with a stable UID (the
 * window's id + "@patchcare"), start and end in UTC, SEQUENCE from the window and STATUS TENTATIVE (proposed),
 * CONFIRMED (approved, in progress, done) or CANCELLED, so a subscribed client updates and removes events. ical4j
 * validates the calendar and folds long lines at 75 octets. Pure: no database, unit-tested.
 */
public final class IcsWriter {

    public static final String PRODID = "-//PatchCare//Downtime windows//EN";
    public static final String MEDIA_TYPE = "text/calendar; charset=utf-8";
    public static final String UID_SUFFIX = "@patchcare";
    /** iTIP (RFC 5546) wants an ORGANIZER on a published event; PatchCare itself, at an address that takes no mail. */
    public static final String ORGANIZER = "mailto:noreply@patchcare.invalid";
    static final int FOLD_OCTETS = 75;

    private IcsWriter() {
    }

    /** One window as a calendar event; {@code link} is the deep link into PatchCare (may be null). */
    public record Event(String windowId, Instant start, Instant end, String summary, String description, String link,
                        int sequence, WindowStatus status, Instant lastModified) {
    }

    public static String write(String calendarName, List<Event> events, Instant now) {
        Calendar cal = new Calendar();
        cal.add(new ProdId(PRODID));
        cal.add(ImmutableVersion.VERSION_2_0);
        cal.add(ImmutableCalScale.GREGORIAN);
        cal.add(ImmutableMethod.PUBLISH);
        cal.add(new XProperty("X-WR-CALNAME", calendarName));
        Instant stamp = now.truncatedTo(ChronoUnit.SECONDS);
        for (Event e : events) {
            VEvent v = new VEvent(e.start().truncatedTo(ChronoUnit.SECONDS), e.end().truncatedTo(ChronoUnit.SECONDS),
                    e.summary());
            v.replace(new DtStamp(stamp));
            v.add(new Uid(uid(e.windowId())));
            v.add(new Sequence(e.sequence()));
            v.add(new Organizer(new ParameterList(List.of(new Cn("PatchCare"))), URI.create(ORGANIZER)));
            v.add(status(e.status()));
            if (e.description() != null && !e.description().isBlank()) {
                v.add(new Description(e.description()));
            }
            if (e.link() != null) {
                v.add(new Url(URI.create(e.link())));
            }
            if (e.lastModified() != null) {
                v.add(new LastModified(e.lastModified().truncatedTo(ChronoUnit.SECONDS)));
            }
            cal.add(v);
        }
        // validated here and folded below by octets: ical4j's CalendarOutputter folds at 75 characters at most (its
        // FoldingWriter caps the length), and RFC 5545 says 75 octets, which a line with umlauts or dashes exceeds
        // long before 75 characters; folding its output again left odd three-character continuation lines
        // (a department without windows gets an empty VCALENDAR, which calendar clients take as "nothing planned"
        // although RFC 5545 asks for one component; its properties are fixed here, so nothing else can be wrong)
        net.fortuna.ical4j.validate.ValidationResult result = cal.validate();
        if (result.hasErrors() && !cal.getComponents().isEmpty()) {
            throw new IllegalStateException("the calendar feed failed iCalendar validation: " + result);
        }
        return fold(cal.toString());
    }

    /** Folds every content line to at most 75 octets of UTF-8, never inside a character (RFC 5545, 3.1). */
    static String fold(String unfolded) {
        StringBuilder sb = new StringBuilder(unfolded.length() + unfolded.length() / 60 * 3);
        for (String line : unfolded.split("\r\n")) {
            if (line.isEmpty()) {
                continue;
            }
            int octets = 0;
            int limit = FOLD_OCTETS;
            for (int i = 0; i < line.length(); ) {
                int cp = line.codePointAt(i);
                int size = new String(Character.toChars(cp)).getBytes(StandardCharsets.UTF_8).length;
                if (octets + size > limit) {
                    sb.append("\r\n ");
                    octets = 0;
                    limit = FOLD_OCTETS - 1; // the leading space counts
                }
                sb.appendCodePoint(cp);
                octets += size;
                i += Character.charCount(cp);
            }
            sb.append("\r\n");
        }
        return sb.toString();
    }

    public static String uid(String windowId) {
        return windowId + UID_SUFFIX;
    }

    static Status status(WindowStatus s) {
        return switch (s) {
            case PROPOSED -> ImmutableStatus.VEVENT_TENTATIVE;
            case APPROVED, IN_PROGRESS, DONE -> ImmutableStatus.VEVENT_CONFIRMED;
            case CANCELLED -> ImmutableStatus.VEVENT_CANCELLED;
        };
    }
}
