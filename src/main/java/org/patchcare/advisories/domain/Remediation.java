package org.patchcare.advisories.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

import java.time.Instant;

/**
 * What the vendor says to do: category (vendor_fix, mitigation, workaround, none_available, no_fix_planned), the text,
 * a link, and whether applying it restarts the device ({@code restartRequired}: CSAF's restart_required category,
 * e.g. none, machine, system). Downtime planning reads the last one.
 */
@Embeddable
public record Remediation(
        @Column(name = "category", nullable = false, length = 30) String category,
        @Column(name = "details", nullable = false) String details,
        @Column(name = "url", length = 2000) String url,
        @Column(name = "remediation_date") Instant date,
        @Column(name = "restart_required", length = 40) String restartRequired,
        @Column(name = "restart_details", length = 1000) String restartDetails,
        @Column(name = "product_ids", length = 4000) String productIds) {
}
