package org.patchcare.operations.api;

import java.util.UUID;
import java.util.regex.Pattern;

/** Request ids: a caller's id is kept if it is a short plain token (nothing that could forge a log line), else a new one. */
final class RequestIds {

    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private RequestIds() {
    }

    static String accept(String given) {
        return given != null && PLAIN.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }
}
