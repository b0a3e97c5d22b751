package org.patchcare.reporting.api;

/** The media type of the CSV exports. */
final class CsvExportMedia {

    static final String CSV = "text/csv";
    static final String CSV_UTF8 = "text/csv; charset=UTF-8";

    private CsvExportMedia() {
    }
}
