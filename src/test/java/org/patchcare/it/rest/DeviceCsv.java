package org.patchcare.it.rest;

import java.util.ArrayList;
import java.util.List;

/** Builds device CSV files for tests and benchmarks, with demo-catalogue models and departments. */
public final class DeviceCsv {

    public static final String HEADER = "asset_tag,serial_number,manufacturer,model,udi_di,software_version,os_name,"
            + "os_version,department,location_id,criticality,stores_phi,redundant,hostname,ip_address,mac_address,"
            + "network_segment,connectivity,install_date,warranty_end,end_of_support_override,planned_replacement,"
            + "custodian,notes";

    /** Demo models (manufacturer as the file may spell it, model, a department where it belongs). */
    public static final String[][] MODELS = {
            {"GE Healthcare", "Optima MR360", "RAD"},
            {"Siemens", "MAGNETOM Avanto", "RAD"},
            {"GE Healthcare", "1.5T Signa HDx", "ONC"},
    };

    private final List<String> lines = new ArrayList<>();

    public static DeviceCsv withHeader() {
        DeviceCsv c = new DeviceCsv();
        c.lines.add(HEADER);
        return c;
    }

    public DeviceCsv line(String line) {
        lines.add(line);
        return this;
    }

    /** A complete, valid row for device number {@code i} with the given tag and software version. */
    public static String row(String tag, int i, String software) {
        String[] m = MODELS[i % MODELS.length];
        return String.join(",", tag, "SN-" + tag, quote(m[0]), m[1], "", software, "Windows", "10",
                m[2], "", i % 2 == 0 ? "Diagnostic" : "LIFE_SUPPORTING", i % 3 == 0 ? "yes" : "no", i % 4 == 0 ? "1" : "0",
                "h-" + tag.toLowerCase(), "10." + (i >> 16 & 255) + "." + (i >> 8 & 255) + "." + (i & 255),
                String.format("02:00:%02X:%02X:%02X:%02X", i >> 24 & 255, i >> 16 & 255, i >> 8 & 255, i & 255),
                "VLAN-" + (10 + i % 7), "CLINICAL_NETWORK", "2021-0" + (1 + i % 9) + "-15", "2026-12-31", "", "",
                "Biomed team", "\"imported, row " + i + "\"");
    }

    public DeviceCsv rows(String tagPrefix, int count, String software) {
        for (int i = 1; i <= count; i++) {
            lines.add(row(tagPrefix + String.format("%06d", i), i, software));
        }
        return this;
    }

    public String text() {
        return String.join("\r\n", lines) + "\r\n";
    }

    private static String quote(String s) {
        return s.contains(",") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
