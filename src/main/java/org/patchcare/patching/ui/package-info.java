/** The device-by-device work panel of a change request, its dialogs, and the device page's patch records. */
package org.patchcare.patching.ui;
