/**
 * Matching of advisory products to the hospital's device models: name normalisation ({@link
 * org.patchcare.advisories.domain.matching.Names}), manufacturer matching ({@link
 * org.patchcare.advisories.domain.matching.VendorMatcher}), loose version ranges ({@link
 * org.patchcare.advisories.domain.matching.VersionSpec}), product-name scoring ({@link
 * org.patchcare.advisories.domain.matching.ProductNameMatcher}) and the verdict per (model, software version) ({@link
 * org.patchcare.advisories.domain.matching.Matcher}, {@link org.patchcare.advisories.domain.matching.MatchIndex}).
 * Pure Java: no persistence, no Jakarta, no UI. The rules are explained in docs/matching.md.
 */
package org.patchcare.advisories.domain.matching;
