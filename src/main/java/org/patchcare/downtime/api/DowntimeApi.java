package org.patchcare.downtime.api;

import org.patchcare.shared.domain.InvalidInputException;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/** Parameter reading shared by the downtime resources. */
final class DowntimeApi {

    private DowntimeApi() {
    }

    /** The version query parameter of a delete; null when missing (the service refuses that after its role check). */
    static Integer version(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInputException("version", "'" + value + "' is not a version number.");
        }
    }

    /** An ISO-8601 instant with an offset, e.g. 2026-12-02T08:00:00Z or 2026-12-02T09:00:00+01:00. */
    static Instant instant(String name, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(name, "Required: an ISO-8601 instant such as 2026-12-02T08:00:00Z.");
        }
        try {
            return java.time.OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(name, "'" + value + "' is not an ISO-8601 instant; use e.g. "
                    + "2026-12-02T08:00:00Z or 2026-12-02T09:00:00+01:00.");
        }
    }
}
