package org.patchcare.advisories.application;

import java.time.LocalDate;
import java.util.List;

/**
 * A vendor notice that came as a PDF or an e-mail, typed in by IT: the fields matching and prioritising need.
 *
 * @param trackingId          the vendor's reference (e.g. "PSIRT-2026-0042"); empty: PatchCare makes one
 * @param title               what the notice is about
 * @param publisher           who published it (usually the vendor)
 * @param releaseDate         the notice's date
 * @param vendor              the product's vendor as the notice writes it
 * @param productName         the product name as the notice writes it
 * @param affectedVersions    e.g. "&lt;= 4.2", "4.1 | 4.2", "all versions"; empty: every version
 * @param vulnerabilities     at least one: CVE (or the vendor's id), optional CVSS vector, what it is
 * @param remediationCategory vendor_fix, mitigation, workaround, none_available or no_fix_planned
 * @param remediationDetails  what the vendor says to do
 * @param restartRequired     none, machine, system, … (CSAF's restart categories); empty: not said
 * @param referenceUrl        where the notice can be read, if anywhere
 */
public record ManualAdvisoryCommand(String trackingId, String title, String publisher, LocalDate releaseDate,
                                    String vendor, String productName, String affectedVersions,
                                    List<ManualVulnerability> vulnerabilities, String remediationCategory,
                                    String remediationDetails, String restartRequired, String referenceUrl) {

    /** One vulnerability of a manual advisory. */
    public record ManualVulnerability(String cve, String cvssVector, String description) {
    }
}
