package org.patchcare.advisories.application.vex;

import java.time.Instant;
import java.util.List;

/**
 * What to export.
 *
 * @param documentId         the document's tracking id, e.g. {@code PATCHCARE-VEX-ICU-0042-2026-11-23}
 * @param title              the document title
 * @param publisherName      the hospital
 * @param publisherNamespace the hospital's https URL
 * @param now                the export time: release date of the CSAF document, timestamp of the BOM
 * @param products           the devices or device model versions
 * @param statements         the VEX statements on them
 */
public record VexRequest(String documentId, String title, String publisherName, String publisherNamespace,
        Instant now, List<VexProduct> products, List<VexStatement> statements) {

    public VexRequest {
        products = products == null ? List.of() : List.copyOf(products);
        statements = statements == null ? List.of() : List.copyOf(statements);
    }
}
