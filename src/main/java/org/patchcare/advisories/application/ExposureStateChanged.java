package org.patchcare.advisories.application;

/** A person changed an exposure's VEX state (fired inside the change's transaction). */
public record ExposureStateChanged(long exposureId, String exposurePublicId, String from, String to) {
}
