package org.patchcare.inventory.application;

import java.util.List;

/**
 * The outcome of a dry run or an import. When {@link #errors()} is not empty nothing was written. At most
 * {@link DeviceImportService#MAX_LISTED_ERRORS} errors are listed; {@code moreErrors} says how many more there were.
 *
 * @param rows        device rows read (header not counted)
 * @param committed   true only when a real import wrote its changes
 */
public record DeviceImportReport(boolean dryRun, boolean committed, long rows, long created, long updated,
                                 long unchanged, List<DeviceImportError> errors, long moreErrors) {

    public DeviceImportReport {
        errors = List.copyOf(errors);
    }

    public boolean valid() {
        return errors.isEmpty();
    }

    public long errorCount() {
        return errors.size() + moreErrors;
    }

    public String summary() {
        if (!valid()) {
            return errorCount() + (errorCount() == 1 ? " problem" : " problems") + " found; nothing was imported.";
        }
        String counts = created + " to create, " + updated + " to update, " + unchanged + " unchanged";
        if (dryRun) {
            return "Dry run of " + rows + " rows: " + counts + ". Nothing has been written yet.";
        }
        return "Imported " + rows + " rows: " + created + " created, " + updated + " updated, " + unchanged + " unchanged.";
    }
}
