package org.patchcare.planning.domain;

import java.time.Instant;

/** A candidate start of a downtime window; {@code index} keys the per-task slot facts. */
public record Slot(int index, Instant start) implements Comparable<Slot> {

    @Override
    public int compareTo(Slot o) {
        int c = start.compareTo(o.start);
        return c != 0 ? c : Integer.compare(index, o.index);
    }
}
