/** Vaadin views of the downtime context: the calendar, approvals, scheduling and the technician's day. */
package org.patchcare.downtime.ui;
