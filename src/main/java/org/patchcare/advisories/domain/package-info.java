/** Value objects of the advisories context: CVE ids and the facts the threat feeds give about them. */
package org.patchcare.advisories.domain;
