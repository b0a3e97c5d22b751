package org.patchcare.inventory.application;

import org.patchcare.inventory.domain.DeviceEventType;

import java.time.Instant;

/** One entry of a device's lifecycle timeline. */
public record DeviceEventView(DeviceEventType type, Instant occurredAt, String recordedBy, String from, String to,
                              String comment) {
}
