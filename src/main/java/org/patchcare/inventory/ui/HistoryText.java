package org.patchcare.inventory.ui;

import org.patchcare.inventory.domain.Connectivity;
import org.patchcare.inventory.domain.Criticality;
import org.patchcare.inventory.domain.DeviceStatus;
import org.patchcare.inventory.domain.MissionImpact;

import java.util.Map;

/** Audit entries in words: field names as on the form, enum values by their labels, yes/no for flags. */
public final class HistoryText {

    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("serialNumber", "Serial number"), Map.entry("model", "Model"), Map.entry("udiDi", "UDI-DI"),
            Map.entry("softwareVersion", "Software version"), Map.entry("osName", "Operating system"),
            Map.entry("osVersion", "OS version"), Map.entry("department", "Department"), Map.entry("location", "Location"),
            Map.entry("status", "Status"), Map.entry("criticality", "Criticality"),
            Map.entry("storesPhi", "Stores patient data"), Map.entry("redundant", "Redundant"),
            Map.entry("missionImpact", "Mission impact"), Map.entry("hostname", "Hostname"),
            Map.entry("ipAddress", "IP address"), Map.entry("macAddress", "MAC address"),
            Map.entry("networkSegment", "Network segment"), Map.entry("connectivity", "Connectivity"),
            Map.entry("installDate", "Install date"), Map.entry("warrantyEnd", "Warranty ends"),
            Map.entry("endOfSupportOverride", "End of support (this device)"),
            Map.entry("plannedReplacement", "Planned replacement"), Map.entry("custodian", "Custodian"),
            Map.entry("notes", "Notes"), Map.entry("event", "Event"));

    private HistoryText() {
    }

    public static String field(String name) {
        if (name == null || name.isBlank()) {
            return "";
        }
        String known = FIELDS.get(name);
        if (known != null) {
            return known;
        }
        String spaced = name.replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase(java.util.Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    public static String value(String field, String value) {
        if (value == null || value.isBlank()) {
            return "—";
        }
        try {
            return switch (field == null ? "" : field) {
                case "status" -> DeviceStatus.valueOf(value).label();
                case "criticality" -> Criticality.valueOf(value).label();
                case "connectivity" -> Connectivity.valueOf(value).label();
                case "storesPhi", "redundant" -> Boolean.parseBoolean(value) ? "Yes" : "No";
                case "missionImpact" -> MissionImpact.valueOf(value).label();
                default -> value;
            };
        } catch (IllegalArgumentException e) {
            return value; // recorded before a value was renamed: show it as it was stored
        }
    }
}
