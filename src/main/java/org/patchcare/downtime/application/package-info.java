/** The downtime context's services: change requests and approvals, windows and conflicts, the calendar and its feeds. */
package org.patchcare.downtime.application;
