package org.patchcare.identity.application;

/** The end of an SSO login at {@code /login/sso}: the user to put into the session, or why not (shown on /login). */
public record SsoLoginOutcome(Result result, AuthenticatedUser user) {

    public enum Result {
        SUCCESS(null),
        /** Unknown, already used or older than 60 seconds. */
        INVALID_TICKET("The single sign-on did not complete in time or was already used. Please log in again."),
        NO_ROLE("You are logged in at the identity provider, but none of your groups gives you a PatchCare role. "
                + "Ask your PatchCare administrator to add you to one of the PatchCare groups."),
        DISABLED("Your PatchCare account is disabled. Ask your PatchCare administrator."),
        NOT_CONFIGURED("Single sign-on is not configured on this server.");

        private final String message;

        Result(String message) {
            this.message = message;
        }

        /** What the login page tells the person. */
        public String message() {
            return message;
        }

        /** The value of the login page's {@code sso} query parameter. */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        public static Result ofCode(String code) {
            for (Result r : values()) {
                if (r.code().equals(code)) {
                    return r;
                }
            }
            return INVALID_TICKET;
        }
    }

    static SsoLoginOutcome refused(Result result) {
        return new SsoLoginOutcome(result, null);
    }
}
