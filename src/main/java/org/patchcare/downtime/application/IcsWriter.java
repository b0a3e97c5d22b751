package org.patchcare.downtime.application;

import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
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
import net.fortuna.ical4j.validate.ValidationException;
import org.patchcare.downtime.domain.WindowStatus;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
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
        StringWriter out = new StringWriter();
        try {
            new CalendarOutputter(true).output(cal, out);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        } catch (ValidationException ex) {
            throw new IllegalStateException("the calendar feed failed iCalendar validation: " + ex.getMessage(), ex);
        }
        return out.toString();
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
