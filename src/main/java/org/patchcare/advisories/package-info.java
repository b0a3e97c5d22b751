/**
 * Vendor advisories and what is known about the vulnerabilities they describe. So far: the threat feeds (CISA's
 * Known Exploited Vulnerabilities catalogue and FIRST's EPSS scores), keyed by CVE id. CSAF import and matching to
 * the inventory come next (issue 3).
 */
package org.patchcare.advisories;
