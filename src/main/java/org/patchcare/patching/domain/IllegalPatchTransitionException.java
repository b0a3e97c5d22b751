package org.patchcare.patching.domain;

import org.patchcare.shared.domain.DomainException;

/** A patch record was asked to do something its state does not allow; the message says what can be done instead. */
@jakarta.ejb.ApplicationException(rollback = true)
public class IllegalPatchTransitionException extends DomainException {

    private final PatchStatus from;
    private final PatchStatus to;

    public IllegalPatchTransitionException(String assetTag, PatchStatus from, PatchStatus to) {
        super(message(assetTag, from, to));
        this.from = from;
        this.to = to;
    }

    public PatchStatus from() {
        return from;
    }

    public PatchStatus to() {
        return to;
    }

    static String message(String assetTag, PatchStatus from, PatchStatus to) {
        String base = "The patch work on " + assetTag + " is " + from.lower() + "; it cannot become " + to.lower() + ".";
        String hint = switch (from) {
            case IN_PROGRESS -> to == PatchStatus.VERIFIED ? " Record what was done first, then verify."
                    : to == PatchStatus.ROLLED_BACK ? " Only failed work is rolled back: record the result as failed first."
                    : "";
            case RECORDED -> to == PatchStatus.ROLLED_BACK
                    ? " Only failed work is rolled back: record the result as failed first." : "";
            case FAILED -> " Failed work is rolled back next: record what was restored.";
            case VERIFIED, ROLLED_BACK -> " It is finished; start the device again on a new change request, or "
                    + "record unplanned work, if more is needed.";
        };
        if (!hint.isEmpty()) {
            return base + hint;
        }
        return base + " From here it can become: " + PatchStatus.list(from.next()) + ".";
    }
}
