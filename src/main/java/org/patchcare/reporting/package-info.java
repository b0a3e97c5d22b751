/**
 * Reporting: how fast the hospital patches. The exposure timeline (every step of every exposure's chain, from the
 * advisory's publication to the verified patch), metrics rolled up from it, the dashboards and the exposure report.
 */
package org.patchcare.reporting;
