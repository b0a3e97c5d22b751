package org.patchcare.shared.domain;

import jakarta.ejb.ApplicationException;

import java.util.List;

/** Input failed validation; each violation names the field it concerns. */
@ApplicationException(rollback = true)
public class InvalidInputException extends DomainException {

    public record Violation(String field, String message) {
    }

    private final List<Violation> violations;

    public InvalidInputException(List<Violation> violations) {
        super(summary(violations));
        this.violations = List.copyOf(violations);
    }

    public InvalidInputException(String field, String message) {
        this(List.of(new Violation(field, message)));
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
            sb.append(v.field()).append(": ").append(v.message());
        }
        return sb.toString();
    }
}
