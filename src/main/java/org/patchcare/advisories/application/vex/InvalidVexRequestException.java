package org.patchcare.advisories.application.vex;

/** A VEX request that cannot be exported; the message says which value to correct. */
public class InvalidVexRequestException extends IllegalArgumentException {

    public InvalidVexRequestException(String message) {
        super(message);
    }
}
