package org.patchcare.inventory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.TableGenerator;

import java.time.Instant;

/** One step in a device's life, as shown on its timeline. Written once, never changed. */
@Entity
@Table(name = "device_event")
public class DeviceEvent {

    public static final int COMMENT_MAX = 1000;

    @Id
    @GeneratedValue(strategy = GenerationType.TABLE, generator = "event_ids")
    @TableGenerator(name = "event_ids", table = "id_generator", pkColumnName = "sequence_name",
            valueColumnName = "next_val", pkColumnValue = "device_event", allocationSize = 100)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "device_id", nullable = false, updatable = false)
    private Device device;

    @Enumerated(EnumType.STRING)
    @Column(name = "event_type", nullable = false, updatable = false, length = 30)
    private DeviceEventType type;

    @Column(name = "occurred_at", nullable = false, updatable = false)
    private Instant occurredAt;

    @Column(name = "recorded_by", nullable = false, updatable = false, length = 64)
    private String recordedBy;

    @Column(name = "from_value", updatable = false, length = 200)
    private String fromValue;

    @Column(name = "to_value", updatable = false, length = 200)
    private String toValue;

    @Column(updatable = false, length = COMMENT_MAX)
    private String comment;

    protected DeviceEvent() {
    }

    public DeviceEvent(Device device, DeviceEventType type, Instant occurredAt, String recordedBy,
                       String fromValue, String toValue, String comment) {
        this.device = device;
        this.type = type;
        this.occurredAt = occurredAt;
        this.recordedBy = recordedBy;
        this.fromValue = clip(fromValue, 200);
        this.toValue = clip(toValue, 200);
        this.comment = clip(comment, COMMENT_MAX);
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    public Long getId() { return id; }
    public Device getDevice() { return device; }
    public DeviceEventType getType() { return type; }
    public Instant getOccurredAt() { return occurredAt; }
    public String getRecordedBy() { return recordedBy; }
    public String getFromValue() { return fromValue; }
    public String getToValue() { return toValue; }
    public String getComment() { return comment; }
}
