package org.patchcare.inventory.application;

/**
 * An existing device changed in a way that changes its risk: connectivity, network segment, criticality, department
 * or location, redundancy or status. Not fired for a newly recorded device. Fired inside the changing transaction;
 * observers that act later should observe it {@code AFTER_SUCCESS}.
 *
 * @param deviceId the device's database id (never shown outside the server)
 * @param assetTag the device's asset tag
 * @param what     the cause in words, e.g. "connectivity Clinical network → Internet-reachable; moved to ICU"
 *                 (at most {@value ContextChanges#WHAT_MAX} characters)
 */
public record DeviceContextChanged(long deviceId, String assetTag, String what) {
}
