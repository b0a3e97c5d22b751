package org.patchcare.inventory.application;

import org.patchcare.inventory.domain.Connectivity;
import org.patchcare.inventory.domain.Criticality;
import org.patchcare.inventory.domain.DeviceStatus;
import org.patchcare.inventory.domain.MissionImpact;
import org.patchcare.inventory.domain.SupportStatus;

import java.time.Instant;
import java.time.LocalDate;

/** Everything about one device, for its detail page and the API. */
public record DeviceDetails(String assetTag, String serialNumber, String manufacturer, String model,
                            String modelId, String deviceType, String udiDi, String softwareVersion, String osName,
                            String osVersion, String facilityCode, String departmentCode, String departmentName,
                            MissionImpact departmentMissionImpact, String locationId, String location, DeviceStatus status, Criticality criticality,
                            boolean storesPhi, boolean redundant, String hostname, String ipAddress, String macAddress,
                            String networkSegment, Connectivity connectivity, LocalDate installDate,
                            LocalDate warrantyEnd, LocalDate modelEndOfSupport, LocalDate endOfSupportOverride,
                            LocalDate endOfSupport, SupportStatus supportStatus, LocalDate plannedReplacement,
                            String custodian, String notes, Integer ageYears, int version, Instant createdAt,
                            String createdBy, Instant updatedAt, String updatedBy) {

    /** A command pre-filled with these values, for editing. */
    public DeviceCommand toCommand() {
        DeviceCommand c = new DeviceCommand();
        c.setAssetTag(assetTag);
        c.setSerialNumber(serialNumber);
        c.setManufacturer(manufacturer);
        c.setModel(model);
        c.setUdiDi(udiDi);
        c.setSoftwareVersion(softwareVersion);
        c.setOsName(osName);
        c.setOsVersion(osVersion);
        c.setDepartment(departmentCode);
        c.setLocationId(locationId);
        c.setCriticality(criticality);
        c.setStoresPhi(storesPhi);
        c.setRedundant(redundant);
        c.setHostname(hostname);
        c.setIpAddress(ipAddress);
        c.setMacAddress(macAddress);
        c.setNetworkSegment(networkSegment);
        c.setConnectivity(connectivity);
        c.setInstallDate(installDate);
        c.setWarrantyEnd(warrantyEnd);
        c.setEndOfSupportOverride(endOfSupportOverride);
        c.setPlannedReplacement(plannedReplacement);
        c.setCustodian(custodian);
        c.setNotes(notes);
        c.setVersion(version);
        return c;
    }
}
