package org.patchcare.inventory.application;

import org.junit.jupiter.api.Test;
import org.patchcare.inventory.application.DeviceImportFormat.Column;
import org.patchcare.inventory.application.DeviceImportReader.Row;
import org.patchcare.inventory.domain.Connectivity;
import org.patchcare.inventory.domain.Criticality;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DeviceImportReaderTest {

    private static final DeviceImportLimits LIMITS = new DeviceImportLimits(1024 * 1024, 1000, 60);
    private static final String HEADER = DeviceImportFormat.templateHeader();

    private static DeviceImportReader open(byte[] bytes, DeviceImportLimits limits) throws IOException {
        DeviceImportReader r = new DeviceImportReader(new ByteArrayInputStream(bytes), limits);
        r.open();
        return r;
    }

    private static DeviceImportReader open(String text) throws IOException {
        return open(text.getBytes(StandardCharsets.UTF_8), LIMITS);
    }

    private static List<Row> rows(DeviceImportReader r) {
        List<Row> rows = new ArrayList<>();
        Row row;
        while ((row = r.next()) != null) {
            rows.add(row);
        }
        return rows;
    }

    @Test
    void reads_a_complete_row_into_a_device_command() throws IOException {
        DeviceImportReader r = open(HEADER + "\r\nbme-1,SN1,Philips,IntelliVue MX450,,1.2,Windows,10,icu,,life-sustaining,"
                + "Yes,no,mon1.icu,10.0.0.1,00:11:22:33:44:55,VLAN 20,Clinical network,2021-03-01,2026-12-31,,2030-01-01,"
                + "Ward nurse,\"note, with comma\"\r\n");
        List<Row> rows = rows(r);
        assertThat(r.fileError()).isNull();
        assertThat(rows).hasSize(1);
        Row row = rows.getFirst();
        assertThat(row.number()).isEqualTo(2);
        assertThat(row.errors()).isEmpty();
        DeviceCommand c = row.applyTo(new DeviceCommand());
        assertThat(c.getAssetTag()).isEqualTo("bme-1");
        assertThat(c.getCriticality()).isEqualTo(Criticality.LIFE_SUSTAINING);
        assertThat(c.getConnectivity()).isEqualTo(Connectivity.CLINICAL_NETWORK);
        assertThat(c.isStoresPhi()).isTrue();
        assertThat(c.isRedundant()).isFalse();
        assertThat(c.getInstallDate()).isEqualTo(LocalDate.of(2021, 3, 1));
        assertThat(c.getEndOfSupportOverride()).isNull();
        assertThat(c.getNotes()).isEqualTo("note, with comma");
    }

    @Test
    void reports_a_bad_date_a_bad_enum_and_a_bad_boolean_with_row_and_column() throws IOException {
        DeviceImportReader r = open("asset_tag,manufacturer,model,department,criticality,install_date,stores_phi,connectivity\n"
                + "A1,Philips,M,ICU,Diagnostic,2021-01-01,no,\n"
                + "A2,Philips,M,ICU,very high,2021-13-01,maybe,wifi\n");
        List<Row> rows = rows(r);
        assertThat(rows.get(0).errors()).isEmpty();
        assertThat(rows.get(1).errors()).extracting(DeviceImportError::text).containsExactly(
                "Row 3, column criticality: 'very high' is not a criticality; use one of LIFE_SUSTAINING, LIFE_SUPPORTING, "
                        + "DIAGNOSTIC, THERAPEUTIC_NON_CRITICAL, NON_CLINICAL",
                "Row 3, column install_date: '2021-13-01' is not a date (use YYYY-MM-DD)",
                "Row 3, column stores_phi: 'maybe' is not yes or no (use yes, no, true, false, 1 or 0)",
                "Row 3, column connectivity: 'wifi' is not a connectivity; use one of STANDALONE, ISOLATED_NETWORK, "
                        + "CLINICAL_NETWORK, HOSPITAL_NETWORK, INTERNET_REACHABLE");
    }

    @Test
    void the_optional_redundant_column_reads_yes_no_true_false_1_and_0_and_empty_as_no() throws IOException {
        List<Row> rows = rows(open("asset_tag,manufacturer,model,department,criticality,redundant\n"
                + "A1,P,M,ICU,Diagnostic,yes\nA2,P,M,ICU,Diagnostic,No\nA3,P,M,ICU,Diagnostic,TRUE\n"
                + "A4,P,M,ICU,Diagnostic,false\nA5,P,M,ICU,Diagnostic,1\nA6,P,M,ICU,Diagnostic,0\n"
                + "A7,P,M,ICU,Diagnostic,\n"));

        assertThat(rows).allSatisfy(row -> assertThat(row.errors()).isEmpty());
        assertThat(rows.stream().map(row -> row.applyTo(new DeviceCommand()).isRedundant()).toList())
                .containsExactly(true, false, true, false, true, false, false);
    }

    @Test
    void a_redundant_cell_that_is_not_yes_or_no_is_an_error_of_its_row_and_column() throws IOException {
        List<Row> rows = rows(open("asset_tag,manufacturer,model,department,criticality,redundant\n"
                + "A1,P,M,ICU,Diagnostic,spare in store\nA2,P,M,ICU,Diagnostic,yes\n"));

        assertThat(rows.get(0).errors()).extracting(DeviceImportError::text).containsExactly(
                "Row 2, column redundant: 'spare in store' is not yes or no (use yes, no, true, false, 1 or 0)");
        assertThat(rows.get(1).errors()).isEmpty();
    }

    @Test
    void a_file_without_the_redundant_column_leaves_an_existing_device_as_it_is() throws IOException {
        DeviceCommand existing = new DeviceCommand();
        existing.setRedundant(true);

        Row row = rows(open("asset_tag,manufacturer,model,department,criticality\nA1,P,M,ICU,Diagnostic\n")).getFirst();

        assertThat(row.applyTo(existing).isRedundant()).isTrue();
    }

    @Test
    void a_missing_value_in_a_required_column_is_an_error() throws IOException {
        List<Row> rows = rows(open("asset_tag,manufacturer,model,department,criticality\n,Philips,M,,Diagnostic\n"));
        assertThat(rows.getFirst().errors()).extracting(DeviceImportError::text)
                .containsExactly("Row 2, column asset_tag: asset_tag is required", "Row 2, column department: department is required");
    }

    @Test
    void header_names_ignore_case_spaces_and_a_utf8_bom() throws IOException {
        byte[] body = "Asset Tag,MANUFACTURER,Model,Department,Criticality\nA1,Dräger,Evita,ICU,diagnostic\n"
                .getBytes(StandardCharsets.UTF_8);
        byte[] bom = new byte[body.length + 3];
        bom[0] = (byte) 0xEF;
        bom[1] = (byte) 0xBB;
        bom[2] = (byte) 0xBF;
        System.arraycopy(body, 0, bom, 3, body.length);
        DeviceImportReader r = open(bom, LIMITS);
        List<Row> rows = rows(r);
        assertThat(r.fileError()).isNull();
        assertThat(rows.getFirst().assetTag()).isEqualTo("A1");
        assertThat(rows.getFirst().values().get(Column.MANUFACTURER)).isEqualTo("Dräger");
    }

    @Test
    void missing_required_columns_are_named() throws IOException {
        DeviceImportReader r = open("asset_tag,model\nA1,M\n");
        assertThat(r.fileError().message()).contains("Required columns are missing from the header: manufacturer, department, criticality");
        assertThat(r.next()).isNull();
    }

    @Test
    void unknown_columns_are_rejected_so_no_data_is_dropped() throws IOException {
        DeviceImportReader r = open("asset_tag,manufacturer,model,department,criticality,serial_no\nA1,P,M,ICU,Diagnostic,1\n");
        assertThat(r.fileError().message()).contains("'serial_no'").contains("does not know");
    }

    @Test
    void a_ragged_row_is_reported_and_reading_goes_on() throws IOException {
        DeviceImportReader r = open("asset_tag,manufacturer,model,department,criticality\nA1,P,M\nA2,P,M,ICU,Diagnostic\n");
        List<Row> rows = rows(r);
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).errors().getFirst().text()).isEqualTo("Row 2: has 3 values but the header has 5 columns; "
                + "check for missing or extra commas (values with commas need \"quotes\")");
        assertThat(rows.get(1).errors()).isEmpty();
    }

    @Test
    void latin1_text_is_recognised_as_not_utf8() throws IOException {
        DeviceImportReader r = open("asset_tag,manufacturer,model,department,criticality\nA1,Dräger,M,ICU,Diagnostic\n"
                .getBytes(StandardCharsets.ISO_8859_1), LIMITS);
        rows(r);
        assertThat(r.fileError().message()).startsWith("The file is not UTF-8 text");
    }

    @Test
    void random_bytes_are_rejected_after_reading_only_the_start() throws IOException {
        byte[] junk = new byte[4 * 1024 * 1024];
        new Random(7).nextBytes(junk);
        DeviceImportReader r = open(junk, new DeviceImportLimits(50L * 1024 * 1024, 1000, 60));
        rows(r);
        assertThat(r.fileError()).isNotNull();
        assertThat(r.fileError().message()).containsAnyOf("not UTF-8", "not a CSV text file", "not the header row");
        assertThat(r.bytesRead()).isLessThan(64 * 1024);
    }

    @Test
    void an_empty_file_and_a_header_without_rows_are_errors() throws IOException {
        assertThat(open("").fileError().message()).startsWith("The file is empty");
        DeviceImportReader r = open(HEADER + "\n");
        assertThat(r.next()).isNull();
        assertThat(r.fileError().message()).isEqualTo("The file has a header row but no device rows.");
    }

    @Test
    void semicolon_separated_files_get_a_hint() throws IOException {
        assertThat(open("asset_tag;manufacturer;model;department;criticality\n").fileError().message())
                .contains("semicolons");
    }

    @Test
    void more_rows_than_allowed_stop_the_reading() throws IOException {
        StringBuilder sb = new StringBuilder("asset_tag,manufacturer,model,department,criticality\n");
        for (int i = 0; i < 5; i++) {
            sb.append("A").append(i).append(",P,M,ICU,Diagnostic\n");
        }
        DeviceImportReader r = open(sb.toString().getBytes(StandardCharsets.UTF_8), new DeviceImportLimits(1 << 20, 3, 60));
        assertThat(rows(r)).hasSize(3);
        assertThat(r.fileError().message()).contains("more than 3 device rows");
    }

    @Test
    void a_file_above_the_size_limit_is_stopped_while_streaming() {
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 'a';
            }
        };
        DeviceImportReader r = new DeviceImportReader(endless, new DeviceImportLimits(10_000, 1000, 60));
        assertThatThrownBy(() -> {
            r.open();
            rows(r);
        }).isInstanceOf(DeviceImportTooLargeException.class).hasMessageContaining("larger than");
    }

    @Test
    void broken_quotes_are_a_file_error_with_a_row() throws IOException {
        DeviceImportReader r = open("asset_tag,manufacturer,model,department,criticality\nA1,\"P\"x,M,ICU,Diagnostic\n");
        rows(r);
        assertThat(r.fileError().message()).contains("not valid CSV around row 2");
    }
}
