package org.patchcare.planning.domain;

import java.time.Instant;

/** A half-open time interval [start, end) with what it is, e.g. "CR-2026-0012" or "Siemens engineer". */
public record Interval(Instant start, Instant end, String what) {

    public boolean overlaps(Instant s, Instant e) {
        return start.isBefore(e) && s.isBefore(end);
    }

    public boolean contains(Instant s, Instant e) {
        return !s.isBefore(start) && !e.isAfter(end);
    }
}
