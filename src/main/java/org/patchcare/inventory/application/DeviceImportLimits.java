package org.patchcare.inventory.application;

import java.util.Locale;

/**
 * How big an import may be and how long its transaction may run. Set by system property or environment variable:
 * {@code patchcare.import.max-bytes} / {@code PATCHCARE_IMPORT_MAX_BYTES} (default 50 MB),
 * {@code patchcare.import.max-rows} / {@code PATCHCARE_IMPORT_MAX_ROWS} (default 200,000),
 * {@code patchcare.import.timeout-seconds} / {@code PATCHCARE_IMPORT_TIMEOUT_SECONDS} (default 3,600).
 */
public record DeviceImportLimits(long maxBytes, long maxRows, int timeoutSeconds) {

    public static final long DEFAULT_MAX_BYTES = 50L * 1024 * 1024;
    public static final long DEFAULT_MAX_ROWS = 200_000;
    public static final int DEFAULT_TIMEOUT_SECONDS = 3600;

    public static DeviceImportLimits fromEnvironment() {
        return new DeviceImportLimits(
                setting("patchcare.import.max-bytes", "PATCHCARE_IMPORT_MAX_BYTES", DEFAULT_MAX_BYTES),
                setting("patchcare.import.max-rows", "PATCHCARE_IMPORT_MAX_ROWS", DEFAULT_MAX_ROWS),
                (int) setting("patchcare.import.timeout-seconds", "PATCHCARE_IMPORT_TIMEOUT_SECONDS", DEFAULT_TIMEOUT_SECONDS));
    }

    private static long setting(String property, String env, long fallback) {
        String v = System.getProperty(property);
        if (v == null || v.isBlank()) {
            v = System.getenv(env);
        }
        if (v == null || v.isBlank()) {
            return fallback;
        }
        try {
            long n = Long.parseLong(v.strip());
            return n > 0 ? n : fallback;
        } catch (NumberFormatException e) {
            throw new IllegalStateException(property + " / " + env + " must be a positive whole number, not '" + v + "'", e);
        }
    }

    static String megabytes(long bytes) {
        return String.format(Locale.ROOT, "%.0f MB", bytes / (1024.0 * 1024.0));
    }
}
