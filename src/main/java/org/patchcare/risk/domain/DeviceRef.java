package org.patchcare.risk.domain;

/**
 * The facts of a device that decide whether a compensating control covers it: the device itself, its network segment
 * and its model (database ids stay inside the server; the asset tag is for messages).
 */
public record DeviceRef(long deviceId, String assetTag, String networkSegment, long modelId) {
}
