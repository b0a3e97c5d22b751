package org.patchcare.inventory.application;

/**
 * Told every few hundred rows how far an import has come, and when it ends. Called on the thread that runs the
 * import (a background thread for {@link DeviceImportService#importInBackground}).
 */
@FunctionalInterface
public interface DeviceImportProgress {

    DeviceImportProgress NONE = (rows, bytesRead, totalBytes) -> { };

    /** @param totalBytes size of the file, or -1 when unknown */
    void progress(long rows, long bytesRead, long totalBytes);

    /** The run ended with this report (valid or not). */
    default void finished(DeviceImportReport report) {
    }

    /** The run could not be completed, e.g. the file is too large; nothing was written. */
    default void failed(RuntimeException problem) {
    }
}
