/** REST resources of patch execution: /patch-records and /change-requests/{id}/devices/{assetTag}/start. */
package org.patchcare.patching.api;
