package org.patchcare.inventory.ui;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.patchcare.inventory.application.DeviceSummary;
import org.patchcare.inventory.domain.Connectivity;
import org.patchcare.inventory.domain.Criticality;
import org.patchcare.inventory.domain.DeviceStatus;
import org.patchcare.inventory.domain.SupportStatus;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class DeviceCsvTest {

    private static DeviceSummary device(String tag, String model, String hostname) {
        return new DeviceSummary(tag, "SN-1", "Philips", model, "Patient monitor", "ICU", "Intensive care, 3rd floor",
                DeviceStatus.IN_SERVICE, Criticality.LIFE_SUPPORTING, Connectivity.CLINICAL_NETWORK, true, hostname,
                "10.1.2.3", "1.2", "Linux 5", LocalDate.of(2019, 3, 1), LocalDate.of(2027, 1, 1),
                SupportStatus.SUPPORTED, 7);
    }

    @Test
    void quotes_commas_quotes_and_line_breaks_so_spreadsheets_read_the_same_cells() throws Exception {
        StringWriter out = new StringWriter();
        try (DeviceCsv csv = new DeviceCsv(out)) {
            csv.row(device("BME-1", "IntelliVue \"MX450\", rev 2\nnew", "icu-1"));
        }

        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(out.toString())).getRecords();
        assertThat(records).hasSize(1);
        assertThat(records.getFirst().get("model")).isEqualTo("IntelliVue \"MX450\", rev 2\nnew");
        assertThat(records.getFirst().get("departmentName")).isEqualTo("Intensive care, 3rd floor");
        assertThat(records.getFirst().get("endOfSupport")).isEqualTo("2027-01-01");
        assertThat(records.getFirst().get("status")).isEqualTo("IN_SERVICE");
        assertThat(records.getFirst().get("redundant")).as("in the words the import reads").isEqualTo("yes");
    }

    @Test
    void neutralises_cells_a_spreadsheet_would_run_as_formulas() throws Exception {
        StringWriter out = new StringWriter();
        try (DeviceCsv csv = new DeviceCsv(out)) {
            csv.row(device("BME-2", "X", "=HYPERLINK(\"http://evil\")"));
        }

        CSVRecord r = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(out.toString())).getRecords().getFirst();
        assertThat(r.get("hostname")).startsWith("'=");
        assertThat(r.get("assetTag")).isEqualTo("BME-2");
    }

    @Test
    void writes_the_header_even_when_nothing_matches() throws Exception {
        StringWriter out = new StringWriter();
        new DeviceCsv(out).close();

        assertThat(out.toString()).startsWith("assetTag,serialNumber,manufacturer,model,");
    }
}
