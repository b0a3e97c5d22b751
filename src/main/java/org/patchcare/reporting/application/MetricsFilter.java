package org.patchcare.reporting.application;

import java.time.LocalDate;

/**
 * Which exposures a metric covers. Every field is optional (null = all). Codes and public ids, never database ids.
 * {@code from}/{@code to} bound the period (inclusive days, in UTC): for time-to-patch the day the exposure was
 * patched, for burn-down and trends the days plotted. A clinical manager without a hospital-wide role only ever sees
 * their own departments, whatever the filter says (the service narrows it).
 *
 * @param facilityCode   facility code
 * @param departmentCode department code
 * @param manufacturerId manufacturer public id
 * @param deviceType     device type as stored on the model
 * @param outcome        SSVC outcome name (IMMEDIATE, OUT_OF_CYCLE, SCHEDULED, DEFER)
 */
public record MetricsFilter(String facilityCode, String departmentCode, String manufacturerId, String deviceType,
                            String outcome, LocalDate from, LocalDate to) {

    public static MetricsFilter all() {
        return new MetricsFilter(null, null, null, null, null, null, null);
    }

    public MetricsFilter withDepartment(String code) {
        return new MetricsFilter(facilityCode, code, manufacturerId, deviceType, outcome, from, to);
    }

    public MetricsFilter withFacility(String code) {
        return new MetricsFilter(code, departmentCode, manufacturerId, deviceType, outcome, from, to);
    }

    public MetricsFilter withPeriod(LocalDate newFrom, LocalDate newTo) {
        return new MetricsFilter(facilityCode, departmentCode, manufacturerId, deviceType, outcome, newFrom, newTo);
    }
}
