package org.patchcare.inventory.ui;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.patchcare.inventory.application.DeviceSummary;

import java.io.Closeable;
import java.io.Flushable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.LocalDate;

/**
 * Writes device-list rows as CSV (RFC 4180 quoting by commons-csv). Cells that a spreadsheet would run as a formula
 * (starting with = + - @ or a tab) are prefixed with an apostrophe, so an exported list cannot execute anything
 * when a manager opens it in Excel.
 */
public final class DeviceCsv implements Closeable, Flushable {

    static final String[] HEADER = {"assetTag", "serialNumber", "manufacturer", "model", "deviceType", "department",
            "departmentName", "status", "criticality", "connectivity", "redundant", "hostname", "ipAddress",
            "softwareVersion", "operatingSystem", "installDate", "endOfSupport", "supportStatus", "ageYears"};

    private final CSVPrinter printer;

    public DeviceCsv(Writer out) {
        try {
            this.printer = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER).get());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void row(DeviceSummary d) {
        try {
            printer.printRecord(cell(d.assetTag()), cell(d.serialNumber()), cell(d.manufacturer()), cell(d.model()),
                    cell(d.deviceType()), cell(d.departmentCode()), cell(d.departmentName()),
                    d.status() == null ? "" : d.status().name(),
                    d.criticality() == null ? "" : d.criticality().name(),
                    d.connectivity() == null ? "" : d.connectivity().name(),
                    d.redundant() ? "yes" : "no",
                    cell(d.hostname()), cell(d.ipAddress()), cell(d.softwareVersion()), cell(d.operatingSystem()),
                    date(d.installDate()), date(d.endOfSupport()),
                    d.supportStatus() == null ? "" : d.supportStatus().name(),
                    d.ageYears() == null ? "" : d.ageYears().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String cell(String value) {
        return org.patchcare.shared.io.CsvCells.defuse(value);
    }

    private static String date(LocalDate d) {
        return d == null ? "" : d.toString();
    }

    @Override
    public void flush() throws IOException {
        printer.flush();
    }

    @Override
    public void close() throws IOException {
        printer.close();
    }
}
