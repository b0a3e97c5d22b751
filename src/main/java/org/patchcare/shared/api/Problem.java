package org.patchcare.shared.api;

import java.util.List;

/**
 * An RFC 9457 problem detail. {@code errors} (a PatchCare extension) names each offending field; it is left out when
 * the problem is not about fields. Null members are not written.
 */
public record Problem(String type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /**
     * One field that was refused, and why, in words for the person who sent it; {@code code} (optional) is the id of
     * the rule it broke, e.g. a CSAF test number.
     */
    public record FieldError(String field, String message, String code) {
        public FieldError(String field, String message) {
            this(field, message, null);
        }
    }

    public Problem withInstance(String path) {
        return new Problem(type, title, status, detail, path, errors);
    }
}
