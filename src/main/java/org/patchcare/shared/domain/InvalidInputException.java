package org.patchcare.shared.domain;

import jakarta.ejb.ApplicationException;

import java.util.List;

/** Input failed validation; each violation names the field it concerns. */
@ApplicationException(rollback = true)
public class InvalidInputException extends DomainException {

    /**
     * One refused value. {@code field} names where it is (a form field, a CSV column, a JSON path); {@code code} is an
     * optional rule id the reader can look up, e.g. a CSAF test number such as {@code 6.1.1}.
     */
    public record Violation(String field, String message, String code) {
        public Violation(String field, String message) {
            this(field, message, null);
        }
    }

    private final List<Violation> violations;

    public InvalidInputException(List<Violation> violations) {
        super(summary(violations));
        this.violations = List.copyOf(violations);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new Violation(field, message)));
    }

    /** The violations Bean Validation found, one per property path, sorted by field. */
    public static InvalidInputException of(java.util.Set<? extends jakarta.validation.ConstraintViolation<?>> found) {
        return new InvalidInputException(found.stream()
                .map(v -> new Violation(v.getPropertyPath().toString(), v.getMessage()))
                .sorted(java.util.Comparator.comparing(Violation::field)).toList());
    }

    public List<Violation> violations() {
        return violations;
    }

    private static String summary(List<Violation> violations) {
        StringBuilder sb = new StringBuilder();
        for (Violation v : violations) {
            if (!sb.isEmpty()) {
                sb.append("; ");
            }
            sb.append(v.field()).append(": ");
            if (v.code() != null) {
                sb.append('[').append(v.code()).append("] ");
            }
            sb.append(v.message());
        }
        return sb.toString();
    }
}
