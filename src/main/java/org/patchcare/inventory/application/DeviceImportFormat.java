package org.patchcare.inventory.application;

import org.patchcare.inventory.domain.Connectivity;
import org.patchcare.inventory.domain.Criticality;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The columns of the device CSV file (see docs/csv-import.md) and how each cell becomes a {@link DeviceCommand}
 * property. Pure Java: no container needed, so it is unit-tested directly.
 */
public final class DeviceImportFormat {

    private DeviceImportFormat() {
    }

    /** A cell that could not be read; the message says what is wrong and what to write instead. */
    public static final class CellException extends Exception {
        public CellException(String message) {
            super(message, null, false, false);
        }
    }

    @FunctionalInterface
    interface Parser {
        Object parse(String cell) throws CellException;
    }

    public enum Column {
        ASSET_TAG("asset_tag", "assetTag", true, DeviceImportFormat::text, (c, v) -> c.setAssetTag((String) v)),
        SERIAL_NUMBER("serial_number", "serialNumber", false, DeviceImportFormat::text, (c, v) -> c.setSerialNumber((String) v)),
        MANUFACTURER("manufacturer", "manufacturer", true, DeviceImportFormat::text, (c, v) -> c.setManufacturer((String) v)),
        MODEL("model", "model", true, DeviceImportFormat::text, (c, v) -> c.setModel((String) v)),
        UDI_DI("udi_di", "udiDi", false, DeviceImportFormat::text, (c, v) -> c.setUdiDi((String) v)),
        SOFTWARE_VERSION("software_version", "softwareVersion", false, DeviceImportFormat::text, (c, v) -> c.setSoftwareVersion((String) v)),
        OS_NAME("os_name", "osName", false, DeviceImportFormat::text, (c, v) -> c.setOsName((String) v)),
        OS_VERSION("os_version", "osVersion", false, DeviceImportFormat::text, (c, v) -> c.setOsVersion((String) v)),
        DEPARTMENT("department", "department", true, DeviceImportFormat::text, (c, v) -> c.setDepartment((String) v)),
        LOCATION_ID("location_id", "locationId", false, DeviceImportFormat::text, (c, v) -> c.setLocationId((String) v)),
        CRITICALITY("criticality", "criticality", true, s -> enumValue(s, Criticality.class, Criticality::label, "criticality"),
                (c, v) -> c.setCriticality((Criticality) v)),
        STORES_PHI("stores_phi", "storesPhi", false, DeviceImportFormat::bool, (c, v) -> c.setStoresPhi(v != null && (Boolean) v)),
        REDUNDANT("redundant", "redundant", false, DeviceImportFormat::bool, (c, v) -> c.setRedundant(v != null && (Boolean) v)),
        HOSTNAME("hostname", "hostname", false, DeviceImportFormat::text, (c, v) -> c.setHostname((String) v)),
        IP_ADDRESS("ip_address", "ipAddress", false, DeviceImportFormat::text, (c, v) -> c.setIpAddress((String) v)),
        MAC_ADDRESS("mac_address", "macAddress", false, DeviceImportFormat::text, (c, v) -> c.setMacAddress((String) v)),
        NETWORK_SEGMENT("network_segment", "networkSegment", false, DeviceImportFormat::text, (c, v) -> c.setNetworkSegment((String) v)),
        CONNECTIVITY("connectivity", "connectivity", false, s -> enumValue(s, Connectivity.class, Connectivity::label, "connectivity"),
                (c, v) -> c.setConnectivity(v == null ? Connectivity.STANDALONE : (Connectivity) v)),
        INSTALL_DATE("install_date", "installDate", false, DeviceImportFormat::date, (c, v) -> c.setInstallDate((LocalDate) v)),
        WARRANTY_END("warranty_end", "warrantyEnd", false, DeviceImportFormat::date, (c, v) -> c.setWarrantyEnd((LocalDate) v)),
        END_OF_SUPPORT_OVERRIDE("end_of_support_override", "endOfSupportOverride", false, DeviceImportFormat::date,
                (c, v) -> c.setEndOfSupportOverride((LocalDate) v)),
        PLANNED_REPLACEMENT("planned_replacement", "plannedReplacement", false, DeviceImportFormat::date,
                (c, v) -> c.setPlannedReplacement((LocalDate) v)),
        CUSTODIAN("custodian", "custodian", false, DeviceImportFormat::text, (c, v) -> c.setCustodian((String) v)),
        NOTES("notes", "notes", false, DeviceImportFormat::text, (c, v) -> c.setNotes((String) v));

        private final String header;
        private final String property;
        private final boolean required;
        private final Parser parser;
        private final BiConsumer<DeviceCommand, Object> setter;

        Column(String header, String property, boolean required, Parser parser, BiConsumer<DeviceCommand, Object> setter) {
            this.header = header;
            this.property = property;
            this.required = required;
            this.parser = parser;
            this.setter = setter;
        }

        public String header() { return header; }
        public String property() { return property; }
        /** A required column must be in the header and filled in on every row. */
        public boolean required() { return required; }

        /** The cell's value (null for an empty cell). */
        public Object parse(String cell) throws CellException {
            String s = cell == null ? "" : cell.strip();
            return s.isEmpty() ? null : parser.parse(s);
        }

        public void set(DeviceCommand cmd, Object value) {
            setter.accept(cmd, value);
        }

        private static final Map<String, Column> BY_HEADER = Arrays.stream(values())
                .collect(Collectors.toUnmodifiableMap(Column::header, Function.identity()));
        private static final Map<String, Column> BY_PROPERTY = Arrays.stream(values())
                .collect(Collectors.toUnmodifiableMap(Column::property, Function.identity()));

        /** The column a header cell names: case, spaces and hyphens do not matter ("Asset Tag" = asset_tag). */
        public static Column ofHeader(String name) {
            return name == null ? null : BY_HEADER.get(normalizeHeader(name));
        }

        public static Column ofProperty(String property) {
            return BY_PROPERTY.get(property);
        }
    }

    static String normalizeHeader(String name) {
        return name.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s\\-]+", "_");
    }

    /** The header row of the template, in template order. */
    public static String templateHeader() {
        return Arrays.stream(Column.values()).map(Column::header).collect(Collectors.joining(","));
    }

    public static List<String> requiredHeaders() {
        return Arrays.stream(Column.values()).filter(Column::required).map(Column::header).toList();
    }

    // ---- cell parsers ------------------------------------------------------------------------

    static Object text(String s) {
        return s;
    }

    static Object date(String s) throws CellException {
        if (!s.matches("\\d{4}-\\d{2}-\\d{2}")) {
            throw new CellException("'" + s + "' is not a date (use YYYY-MM-DD, e.g. 2024-03-31)");
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw new CellException("'" + s + "' is not a date (use YYYY-MM-DD)");
        }
    }

    static Object bool(String s) throws CellException {
        return switch (s.toLowerCase(Locale.ROOT)) {
            case "yes", "y", "true", "1" -> Boolean.TRUE;
            case "no", "n", "false", "0" -> Boolean.FALSE;
            default -> throw new CellException("'" + s + "' is not yes or no (use yes, no, true, false, 1 or 0)");
        };
    }

    static <E extends Enum<E>> E enumValue(String s, Class<E> type, Function<E, String> label, String what)
            throws CellException {
        String key = s.strip().toUpperCase(Locale.ROOT).replaceAll("[\\s\\-]+", "_");
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(key) || label.apply(e).equalsIgnoreCase(s.strip())) {
                return e;
            }
        }
        List<String> names = new ArrayList<>();
        for (E e : type.getEnumConstants()) {
            names.add(e.name());
        }
        throw new CellException("'" + s + "' is not a " + what + "; use one of " + String.join(", ", names));
    }
}
