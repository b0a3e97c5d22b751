package org.patchcare.inventory.application;

/**
 * One problem found in an import file. {@code row} counts like a spreadsheet: the header is row 1, the first
 * device row 2; it is null for problems of the whole file. {@code column} is null when no single column is at fault.
 */
public record DeviceImportError(Integer row, String column, String message) {

    public static DeviceImportError file(String message) {
        return new DeviceImportError(null, null, message);
    }

    /** The whole sentence, e.g. "Row 17, column install_date: '2021-13-01' is not a date (use YYYY-MM-DD)". */
    public String text() {
        if (row == null) {
            return column == null ? message : "Column " + column + ": " + message;
        }
        return "Row " + row + (column == null ? "" : ", column " + column) + ": " + message;
    }
}
