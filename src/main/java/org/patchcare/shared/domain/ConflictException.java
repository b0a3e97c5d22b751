package org.patchcare.shared.domain;

import jakarta.ejb.ApplicationException;

/** The change clashes with the current state: a duplicate key, or a record changed by someone else. */
@ApplicationException(rollback = true)
public class ConflictException extends DomainException {
    public ConflictException(String message) {
        super(message);
    }

    public static ConflictException staleEdit(String what, String key) {
        return new ConflictException(what + " '" + key + "' was changed by someone else since you opened it. "
                + "Reload it to see the current values, then make your change again.");
    }
}
