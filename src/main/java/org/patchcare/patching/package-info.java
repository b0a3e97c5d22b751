/** Patch execution: device-by-device work on a change request (start, record, verify, roll back) and unplanned work. */
package org.patchcare.patching;
