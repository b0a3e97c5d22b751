package org.patchcare.downtime.domain;

import org.patchcare.shared.domain.DomainException;

/** A change request was asked to move to a state it cannot reach from where it is; the message says what can be done. */
@jakarta.ejb.ApplicationException(rollback = true)
public class IllegalTransitionException extends DomainException {

    private final ChangeRequestStatus from;
    private final ChangeRequestStatus to;

    public IllegalTransitionException(ChangeRequestStatus from, ChangeRequestStatus to) {
        super(message(from, to));
        this.from = from;
        this.to = to;
    }

    public ChangeRequestStatus from() {
        return from;
    }

    public ChangeRequestStatus to() {
        return to;
    }

    private static String message(ChangeRequestStatus from, ChangeRequestStatus to) {
        String base = "A change request that is " + from.label().toLowerCase(java.util.Locale.ROOT)
                + " cannot become " + to.label().toLowerCase(java.util.Locale.ROOT) + ".";
        if (from.isFinal()) {
            return base + " It is finished; create a new request if more work is needed.";
        }
        return base + " From here it can become: " + from.next().stream()
                .map(s -> s.label().toLowerCase(java.util.Locale.ROOT)).sorted()
                .collect(java.util.stream.Collectors.joining(", ")) + ".";
    }
}
