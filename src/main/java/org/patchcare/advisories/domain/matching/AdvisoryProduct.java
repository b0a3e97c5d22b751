package org.patchcare.advisories.domain.matching;

import java.util.List;
import java.util.Objects;

/**
 * One product of a CSAF product tree, flattened: the strings exactly as the advisory wrote them (no normalisation).
 *
 * @param productId      the CSAF product_id (e.g. {@code CSAFPID-0001})
 * @param vendor         the nearest {@code vendor} branch name, or null when the tree has none (full_product_names)
 * @param productName    the nearest {@code product_name} branch name (prefixed by its {@code product_family} when the
 *                       name does not already contain it); the product's full name when there is no such branch
 * @param versionText    the {@code product_version} or {@code product_version_range} branch name, or null
 * @param versionIsRange true when {@code versionText} came from a {@code product_version_range} branch
 * @param cpes           CPEs from {@code product_identification_helper} (CSAF 2.0 has at most one)
 * @param purls          purls from {@code product_identification_helper}
 * @param modelNumbers   {@code model_numbers} from {@code product_identification_helper}
 * @param skus           {@code skus} from {@code product_identification_helper}
 * @param serialNumbers  {@code serial_numbers} from {@code product_identification_helper}
 * @param relatesTo      for a product defined by a relationship: the {@code relates_to_product_reference} (e.g. the
 *                       device a firmware is installed on); null otherwise
 */
public record AdvisoryProduct(String productId, String vendor, String productName, String versionText,
        boolean versionIsRange, List<String> cpes, List<String> purls, List<String> modelNumbers, List<String> skus,
        List<String> serialNumbers, String relatesTo) {

    public AdvisoryProduct {
        Objects.requireNonNull(productId, "productId");
        cpes = List.copyOf(cpes);
        purls = List.copyOf(purls);
        modelNumbers = List.copyOf(modelNumbers);
        skus = List.copyOf(skus);
        serialNumbers = List.copyOf(serialNumbers);
    }

    /** A product known only by vendor, name and version text (what every ICSMA advisory gives). */
    public static AdvisoryProduct of(String productId, String vendor, String productName, String versionText,
            boolean versionIsRange) {
        return new AdvisoryProduct(productId, vendor, productName, versionText, versionIsRange, List.of(), List.of(),
                List.of(), List.of(), List.of(), null);
    }

    /** True when the advisory gives any machine identifier (CPE, purl, model number, SKU or serial number). */
    public boolean hasIdentifiers() {
        return !cpes.isEmpty() || !purls.isEmpty() || !modelNumbers.isEmpty() || !skus.isEmpty()
                || !serialNumbers.isEmpty();
    }
}
