package org.patchcare.shared.domain;

/** A rule of the domain was broken; the message is written for the person who caused it. */
@jakarta.ejb.ApplicationException(rollback = true)
public class DomainException extends RuntimeException {
    public DomainException(String message) {
        super(message);
    }
}
