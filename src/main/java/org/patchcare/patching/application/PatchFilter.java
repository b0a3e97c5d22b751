package org.patchcare.patching.application;

/**
 * Which patch records a list shows; null fields do not filter.
 *
 * @param assetTag        one device
 * @param changeRequestId one change request (its public id)
 * @param unplanned       only unplanned (true) or only planned (false) work
 */
public record PatchFilter(String assetTag, String changeRequestId, Boolean unplanned) {

    public static PatchFilter all() {
        return new PatchFilter(null, null, null);
    }

    public static PatchFilter device(String assetTag) {
        return new PatchFilter(assetTag, null, null);
    }
}
