package org.patchcare.advisories.domain.matching;

/**
 * The answer of {@link VersionSpec#check} with its reason for people, e.g. {@code 4.3 ≤ 4.5},
 * {@code 4.6 > 4.5}, {@code cannot compare 4.3 with B.12}.
 */
public record VersionCheck(Containment containment, String explanation) {
}
