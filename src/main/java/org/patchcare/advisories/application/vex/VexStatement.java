package org.patchcare.advisories.application.vex;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One VEX statement: the state of one vulnerability of one vendor advisory on the devices listed.
 *
 * @param cve                the CVE id (another vulnerability id is written as a CSAF {@code ids} entry)
 * @param state              {@code UNDER_INVESTIGATION}, {@code AFFECTED}, {@code NOT_AFFECTED} or {@code FIXED}
 *                           (see {@link VexState})
 * @param justification      for {@code NOT_AFFECTED} only: a CSAF flag label (see {@link VexState#JUSTIFICATIONS});
 *                           ignored for the other states; may be null
 * @param detail             why, in free text; may be null
 * @param advisoryTrackingId the vendor advisory, e.g. {@code ICSMA-17-017-01}; may be null
 * @param advisoryTitle      its title; may be null
 * @param cvss               the CVSS score recorded in PatchCare; may be null
 * @param cvssVector         the CVSS vector (v2, v3.0, v3.1 or v4.0); may be null
 * @param updatedAt          when the state was last set; null means the export time
 * @param deviceKeys         the asset tags this statement covers (or product keys, see {@link VexProduct})
 */
public record VexStatement(String cve, String state, String justification, String detail, String advisoryTrackingId,
        String advisoryTitle, BigDecimal cvss, String cvssVector, Instant updatedAt, List<String> deviceKeys) {

    public VexStatement {
        deviceKeys = deviceKeys == null ? List.of() : List.copyOf(deviceKeys);
    }
}
