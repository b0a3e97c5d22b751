package org.patchcare.inventory.application;

import org.patchcare.inventory.domain.Connectivity;
import org.patchcare.inventory.domain.Criticality;
import org.patchcare.inventory.domain.DeviceStatus;
import org.patchcare.inventory.domain.SupportStatus;

import java.time.LocalDate;

/** One row of the device list. */
public record DeviceSummary(String assetTag, String serialNumber, String manufacturer, String model,
                            String deviceType, String departmentCode, String departmentName, DeviceStatus status,
                            Criticality criticality, Connectivity connectivity, boolean redundant, String hostname,
                            String ipAddress, String softwareVersion, String operatingSystem, LocalDate installDate,
                            LocalDate endOfSupport, SupportStatus supportStatus, Integer ageYears) {
}
