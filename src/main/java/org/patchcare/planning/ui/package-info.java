/** Planning's screens: Plan downtime (start, progress, proposal as list and week view, accept) and planning data. */
package org.patchcare.planning.ui;
