package org.patchcare.downtime.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import org.patchcare.shared.domain.BaseEntity;
import org.patchcare.shared.domain.InvalidInputException;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * A device's downtime proposed by a change request: a start and an end instant, and the zone they were planned in (the
 * facility's), so a daylight-saving change never moves them. {@code sequence} counts the changes that a calendar client
 * must see (iCalendar SEQUENCE).
 */
@Entity
@Table(name = "downtime_window")
public class DowntimeWindow extends BaseEntity {

    /** The longest single window. */
    public static final long MAX_HOURS = 7 * 24;

    @Column(name = "public_id", nullable = false, updatable = false, length = 36)
    private String publicId = UUID.randomUUID().toString();
    @Column(name = "change_request_id", nullable = false, updatable = false)
    private long changeRequestId;
    @Column(name = "device_id", nullable = false, updatable = false)
    private long deviceId;
    @Column(name = "starts_at", nullable = false)
    private Instant startsAt;
    @Column(name = "ends_at", nullable = false)
    private Instant endsAt;
    @Column(name = "zone_id", nullable = false, length = 64)
    private String zoneId;
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private WindowStatus status = WindowStatus.PROPOSED;
    @Column(length = 64)
    private String technician;
    @Column(name = "sequence_no", nullable = false)
    private int sequence;
    @Column(name = "reminded_at")
    private Instant remindedAt;

    protected DowntimeWindow() {
    }

    public DowntimeWindow(long changeRequestId, long deviceId, Instant startsAt, Instant endsAt, ZoneId zone,
                          String technician) {
        checkInterval(startsAt, endsAt);
        this.changeRequestId = changeRequestId;
        this.deviceId = deviceId;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.zoneId = zone.getId();
        this.technician = technician;
    }

    /** Refuses an interval that is missing, empty, reversed or longer than {@value #MAX_HOURS} hours. */
    public static void checkInterval(Instant start, Instant end) {
        if (start == null || end == null) {
            throw new InvalidInputException("window", "A downtime window needs a start and an end.");
        }
        if (!end.isAfter(start)) {
            throw new InvalidInputException("window", "A downtime window must end after it starts.");
        }
        if (java.time.Duration.between(start, end).toHours() > MAX_HOURS) {
            throw new InvalidInputException("window", "A downtime window lasts at most " + MAX_HOURS / 24
                    + " days; split longer work into several windows.");
        }
    }

    /** Moves the window; calendar clients see a new SEQUENCE. */
    public void move(Instant start, Instant end) {
        checkInterval(start, end);
        this.startsAt = start;
        this.endsAt = end;
        this.remindedAt = null;
        this.sequence++;
    }

    public void changeStatus(WindowStatus to) {
        if (to != status) {
            status = to;
            sequence++;
        }
    }

    public void assign(String technician) {
        if (!java.util.Objects.equals(this.technician, technician)) {
            this.technician = technician;
            sequence++;
        }
    }

    public void reminded(Instant at) {
        this.remindedAt = at;
    }

    /** True when [start, end) of the two overlap (touching ends do not). */
    public boolean overlaps(Instant start, Instant end) {
        return startsAt.isBefore(end) && start.isBefore(endsAt);
    }

    public String getPublicId() { return publicId; }
    public long getChangeRequestId() { return changeRequestId; }
    public long getDeviceId() { return deviceId; }
    public Instant getStartsAt() { return startsAt; }
    public Instant getEndsAt() { return endsAt; }
    public ZoneId getZone() { return ZoneId.of(zoneId); }
    public WindowStatus getStatus() { return status; }
    public String getTechnician() { return technician; }
    public int getSequence() { return sequence; }
    public Instant getRemindedAt() { return remindedAt; }
}
