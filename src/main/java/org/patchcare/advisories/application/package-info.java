/** Services of the advisories context: the threat-feed import and per-CVE look-ups. */
package org.patchcare.advisories.application;
