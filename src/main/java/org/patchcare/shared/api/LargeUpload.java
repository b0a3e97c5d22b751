package org.patchcare.shared.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A resource method that takes a file (CSV import, CSAF document, KEV/EPSS feed, attachment) and enforces its own,
 * larger limit while reading it (413 above it); {@link RequestBodyLimitFilter}'s general limit does not apply.
 * {@code value} says what that limit is, for the inventory in docs/security.md (V12).
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
public @interface LargeUpload {
    String value();
}
