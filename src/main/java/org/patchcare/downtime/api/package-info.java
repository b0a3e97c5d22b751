/** REST resources of the downtime context: change requests, windows, blackout windows, redundancy groups, iCal feeds. */
package org.patchcare.downtime.api;
