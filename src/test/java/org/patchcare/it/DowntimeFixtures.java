package org.patchcare.it;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Calendar;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Change requests with one downtime window, written straight into the tables (for the calendar and conflict tests,
 * independent of the change-request service). Ids far above what the id generator hands out.
 */
final class DowntimeFixtures {

    private static final Calendar UTC = Calendar.getInstance(TimeZone.getTimeZone("UTC"));

    private DowntimeFixtures() {
    }

    static Map<String, Object> window(DataSource ds, String tag, Instant start, Instant end, String requestStatus,
                                      String windowStatus, String technician) throws SQLException {
        long requestId = 9_000_000_000_000L + ThreadLocalRandom.current().nextLong(1_000_000_000L);
        long windowId = requestId + 1;
        String requestPublicId = UUID.randomUUID().toString();
        String windowPublicId = UUID.randomUUID().toString();
        String reference = "CR-" + requestPublicId.substring(0, 8).toUpperCase(Locale.ROOT);
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = ds.getConnection()) {
            long deviceId;
            String zone;
            try (PreparedStatement ps = c.prepareStatement("SELECT d.id, f.time_zone FROM device d JOIN department dep "
                    + "ON dep.id = d.department_id JOIN facility f ON f.id = dep.facility_id WHERE d.asset_tag = ?")) {
                ps.setString(1, tag);
                try (var rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalArgumentException("no device " + tag);
                    }
                    deviceId = rs.getLong(1);
                    zone = rs.getString(2);
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO change_request (id, version, public_id, "
                    + "reference, kind, status, title, planned_action, expected_minutes, technician, requested_by, "
                    + "created_at, created_by, updated_at, updated_by) VALUES (?, 0, ?, ?, 'PATCH', ?, ?, "
                    + "'Install the vendor patch', 60, ?, 'biomed', ?, 'it', ?, 'it')")) {
                ps.setLong(1, requestId);
                ps.setString(2, requestPublicId);
                ps.setString(3, reference);
                ps.setString(4, requestStatus == null ? "APPROVED" : requestStatus);
                ps.setString(5, "Patch " + tag);
                ps.setString(6, technician);
                ps.setTimestamp(7, now, UTC);
                ps.setTimestamp(8, now, UTC);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO change_request_device (change_request_id, "
                    + "device_id) VALUES (?, ?)")) {
                ps.setLong(1, requestId);
                ps.setLong(2, deviceId);
                ps.executeUpdate();
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO downtime_window (id, version, public_id, "
                    + "change_request_id, device_id, starts_at, ends_at, zone_id, status, technician, sequence_no, "
                    + "created_at, created_by, updated_at, updated_by) VALUES (?, 0, ?, ?, ?, ?, ?, ?, ?, ?, 2, ?, 'it', "
                    + "?, 'it')")) {
                ps.setLong(1, windowId);
                ps.setString(2, windowPublicId);
                ps.setLong(3, requestId);
                ps.setLong(4, deviceId);
                ps.setTimestamp(5, Timestamp.from(start), UTC);
                ps.setTimestamp(6, Timestamp.from(end), UTC);
                ps.setString(7, zone);
                ps.setString(8, windowStatus == null ? "APPROVED" : windowStatus);
                ps.setString(9, technician);
                ps.setTimestamp(10, now, UTC);
                ps.setTimestamp(11, now, UTC);
                ps.executeUpdate();
            }
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("requestId", requestPublicId);
        out.put("reference", reference);
        out.put("windowId", windowPublicId);
        out.put("zone", zone(ds, tag));
        return out;
    }

    private static String zone(DataSource ds, String tag) throws SQLException {
        try (Connection c = ds.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT f.time_zone FROM "
                + "device d JOIN department dep ON dep.id = d.department_id JOIN facility f ON f.id = dep.facility_id "
                + "WHERE d.asset_tag = ?")) {
            ps.setString(1, tag);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
