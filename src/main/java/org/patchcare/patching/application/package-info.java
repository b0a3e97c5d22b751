/** PatchService: the device-by-device work, its effects on the device, the change request and matching; read records. */
package org.patchcare.patching.application;
