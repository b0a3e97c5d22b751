package org.patchcare.identity.application;

import java.time.Duration;

/** The answer to a login: who (on success), or why not, and for how long a lockout lasts. */
public record LoginOutcome(Result result, AuthenticatedUser user, Duration retryAfter) {

    public enum Result { SUCCESS, FAILED, LOCKED }

    public static final String LOCKED_MESSAGE = "Too many failed attempts. Try again in %s or ask an administrator.";

    static LoginOutcome success(AuthenticatedUser user) {
        return new LoginOutcome(Result.SUCCESS, user, Duration.ZERO);
    }

    static LoginOutcome failed() {
        return new LoginOutcome(Result.FAILED, null, Duration.ZERO);
    }

    static LoginOutcome locked(Duration retryAfter) {
        return new LoginOutcome(Result.LOCKED, null, retryAfter);
    }

    /** Whole minutes to wait, rounded up (at least 1). */
    public long retryAfterMinutes() {
        return Math.max(1, (retryAfter.toSeconds() + 59) / 60);
    }

    /** The message for the person: the same whether or not the user name exists. */
    public static String lockedMessage(long minutes) {
        return LOCKED_MESSAGE.formatted(minutes == 1 ? "1 minute" : minutes + " minutes");
    }
}
