package org.patchcare.advisories.application;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A parsed KEV catalogue: its version and release time and every entry. */
public record KevCatalog(String version, Instant released, List<Entry> entries) {

    /** One known-exploited vulnerability as CISA lists it. */
    public record Entry(String cveId, String vendorProject, String product, String vulnerabilityName,
                        LocalDate dateAdded, String shortDescription, String requiredAction, LocalDate dueDate,
                        boolean ransomwareKnown, String notes, String cwes) {

        /** The same facts without the CVE id, for binding an UPDATE whose key comes last. */
        public Entry withoutKey() {
            return new Entry(null, vendorProject, product, vulnerabilityName, dateAdded, shortDescription,
                    requiredAction, dueDate, ransomwareKnown, notes, cwes);
        }
    }
}
