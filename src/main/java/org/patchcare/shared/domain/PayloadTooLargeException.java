package org.patchcare.shared.domain;

import java.util.Locale;

/** An upload or request body passed its limit; answered 413 with the limit in the message. */
public class PayloadTooLargeException extends DomainException {

    private final long limit;

    public PayloadTooLargeException(String what, long limit) {
        super(String.format(Locale.ROOT, "The %s is larger than %s, the most PatchCare accepts here.", what,
                size(limit)));
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }

    /** "1 MB", "20 MB", or bytes below 1 MB. */
    public static String size(long bytes) {
        long mb = 1024L * 1024;
        return bytes >= mb && bytes % mb == 0 ? (bytes / mb) + " MB" : String.format(Locale.ROOT, "%,d bytes", bytes);
    }
}
