package org.patchcare.advisories.domain.matching;

import java.util.Locale;

/**
 * The version-independent part of a match: an advisory product against one model. Ask it {@link #forVersion} for
 * each distinct software version of the model's devices.
 *
 * @param product       the advisory product
 * @param model         the inventory model
 * @param vendor        how the advisory's vendor matched the model's manufacturer; null when it did not match, or
 *                      when the advisory names no vendor (then the verdict is at most {@link Certainty#LIKELY})
 * @param vendorReason  the vendor part of the reason
 * @param nameScore     the product name score, 0..1 (1 when an identifier of the advisory equals the model number)
 * @param nameReason    the explanation of {@code nameScore}
 * @param modelListed   true when the advisory lists the model number where the version belongs ("MMT-1715 |
 *                      MMT-1754"): every software version of that model is affected
 * @param versions      the advisory's versions for this product
 */
public record ModelMatch(AdvisoryProduct product, ModelCandidate model, VendorMatch vendor, String vendorReason,
        double nameScore,
        String nameReason, boolean modelListed, VersionSpec versions) {

    /** The name score from which the model counts as the advisory's product (with a sure vendor and version YES). */
    public static final double STRONG_NAME = 0.8;
    /** The name score from which a model goes to the review queue at all. */
    public static final double MEDIUM_NAME = 0.6;

    /** False when the advisory names a vendor that is not the model's manufacturer. */
    private boolean vendorNamed() {
        return vendor != null || vendorReason.startsWith(NO_VENDOR);
    }

    static final String NO_VENDOR = "the advisory names no vendor";

    /** How sure the model is the advisory's product: vendor confidence × name score. */
    public double score() {
        return (vendor == null ? 0.5 : vendor.confidence()) * nameScore;
    }

    /** True when vendor and name are strong enough to stand without a person. */
    public boolean strong() {
        return vendor != null && vendor.kind() != VendorMatch.Kind.FUZZY && (modelListed || nameScore >= STRONG_NAME);
    }

    /** The verdict for one software version of this model (null or blank: the device's version is not known). */
    public MatchResult forVersion(String softwareVersion) {
        double score = score();
        if (vendor == null && !vendorNamed()) {
            return new MatchResult(Certainty.NONE, 0, vendorReason);
        }
        String head = vendorReason + "; " + nameReason;
        if (nameScore < MEDIUM_NAME) {
            return new MatchResult(Certainty.NONE, score, head + " (too weak)");
        }
        VersionCheck check = modelListed
                ? new VersionCheck(Containment.YES, "model " + model.modelNumber() + " listed, every version")
                : versions.check(softwareVersion);
        String reason = head + "; version " + check.explanation();
        return switch (check.containment()) {
            case YES -> new MatchResult(strong() ? Certainty.CERTAIN : Certainty.LIKELY, score, reason);
            case UNKNOWN -> new MatchResult(Certainty.LIKELY, score, reason);
            case NO -> new MatchResult(strong() ? Certainty.NOT_AFFECTED_VERSION : Certainty.NONE, score, reason);
        };
    }

    @Override
    public String toString() {
        return String.format(Locale.ROOT, "%s → %s (%.2f)", product.productName(), model.modelName(), score());
    }
}
