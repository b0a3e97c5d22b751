package org.patchcare.inventory.application;

/**
 * A device was recorded, or its model or software version changed: what matching against advisories depends on.
 * Fired inside the changing transaction; observers that act later should observe it {@code AFTER_SUCCESS}.
 *
 * @param deviceId the device's database id (never shown outside the server)
 * @param assetTag the device's asset tag
 */
public record DeviceChanged(long deviceId, String assetTag) {
}
