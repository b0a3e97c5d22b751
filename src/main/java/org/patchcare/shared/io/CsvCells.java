package org.patchcare.shared.io;

/** Cells of the CSV files PatchCare writes. */
public final class CsvCells {

    private CsvCells() {
    }

    /**
     * The cell's text, null as empty; text a spreadsheet would read as a formula (starting with = + - @, a tab or a
     * carriage return) gets a leading apostrophe, so opening an export never runs anything (CSV injection).
     */
    public static String defuse(String value) {
        if (value == null) {
            return "";
        }
        if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
            return "'" + value;
        }
        return value;
    }
}
