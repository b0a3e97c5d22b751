package org.patchcare.shared.domain;

import jakarta.ejb.ApplicationException;

/** The thing asked for does not exist (or is not visible to the caller). */
@ApplicationException(rollback = true)
public class NotFoundException extends DomainException {
    public NotFoundException(String what, String key) {
        super(what + " '" + key + "' was not found");
    }
}
