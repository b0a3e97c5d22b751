package org.patchcare.advisories.domain.matching;

/**
 * The verdict for one (advisory product, model, software version).
 *
 * @param certainty the verdict
 * @param score     how sure the model is the advisory's product, 0..1: the vendor match's confidence times the name
 *                  score (1 for a listed model number); the version does not change it. Sorts the review queue.
 * @param reason    for IT people, e.g. {@code vendor "Phillips" ≈ Philips (fuzzy: spelling, 0.74); name 0.92 (...);
 *                  version 4.3 ≤ 4.5}
 */
public record MatchResult(Certainty certainty, double score, String reason) {
}
