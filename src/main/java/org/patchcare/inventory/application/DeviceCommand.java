package org.patchcare.inventory.application;

import jakarta.json.bind.annotation.JsonbTypeDeserializer;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.patchcare.inventory.domain.Connectivity;
import org.patchcare.inventory.domain.Criticality;
import org.patchcare.inventory.domain.Device;
import org.patchcare.inventory.domain.DeviceModel;
import org.patchcare.shared.io.StrictJsonBoolean;

import java.time.LocalDate;

/**
 * What a person or a system sends to create or change a device. Used by the form (through a
 * BeanValidationBinder), by the REST API (JSON) and by the CSV import, so all three validate alike.
 * The model is named by manufacturer + model name; the department by its code.
 */
public class DeviceCommand {

    @NotBlank
    @Size(max = Device.ASSET_TAG_MAX)
    @Pattern(regexp = "\\s*[A-Za-z0-9][A-Za-z0-9._/-]{0,39}\\s*", message = "{patchcare.assetTag.pattern}")
    private String assetTag;

    @Size(max = Device.SERIAL_MAX)
    private String serialNumber;

    @NotBlank
    @Size(max = 120)
    private String manufacturer;

    @NotBlank
    @Size(max = DeviceModel.NAME_MAX)
    private String model;

    @Size(max = Device.UDI_DI_MAX)
    @Pattern(regexp = "^$|[0-9A-Za-z+*/=.-]{1,40}", message = "{patchcare.udiDi.pattern}")
    private String udiDi;

    @Size(max = Device.VERSION_MAX)
    private String softwareVersion;

    @Size(max = Device.OS_NAME_MAX)
    private String osName;

    @Size(max = Device.OS_VERSION_MAX)
    private String osVersion;

    @NotBlank
    @Size(max = 20)
    private String department;

    /** Public id of a location of the department, optional. */
    @Size(max = 36)
    private String locationId;

    @NotNull
    private Criticality criticality;

    @JsonbTypeDeserializer(StrictJsonBoolean.class)
    private boolean storesPhi;

    /** A spare or second unit can take over while this one is down. */
    @JsonbTypeDeserializer(StrictJsonBoolean.class)
    private boolean redundant;

    @Size(max = Device.HOSTNAME_MAX)
    @Pattern(regexp = Device.HOSTNAME_PATTERN, message = "{patchcare.hostname.pattern}")
    private String hostname;

    @Size(max = Device.IP_MAX)
    @Pattern(regexp = Device.IP_PATTERN, message = "{patchcare.ip.pattern}")
    private String ipAddress;

    @Size(max = Device.MAC_MAX)
    @Pattern(regexp = Device.MAC_PATTERN, message = "{patchcare.mac.pattern}")
    private String macAddress;

    @Size(max = Device.SEGMENT_MAX)
    private String networkSegment;

    @NotNull
    private Connectivity connectivity = Connectivity.STANDALONE;

    private LocalDate installDate;
    private LocalDate warrantyEnd;
    private LocalDate endOfSupportOverride;
    private LocalDate plannedReplacement;

    @Size(max = Device.CUSTODIAN_MAX)
    private String custodian;

    @Size(max = Device.NOTES_MAX)
    private String notes;

    /** For updates: the version the editor started from; a different current version means a stale edit. */
    private Integer version;

    public String getAssetTag() { return assetTag; }
    public void setAssetTag(String assetTag) { this.assetTag = assetTag; }
    public String getSerialNumber() { return serialNumber; }
    public void setSerialNumber(String serialNumber) { this.serialNumber = serialNumber; }
    public String getManufacturer() { return manufacturer; }
    public void setManufacturer(String manufacturer) { this.manufacturer = manufacturer; }
    public String getModel() { return model; }
    public void setModel(String model) { this.model = model; }
    public String getUdiDi() { return udiDi; }
    public void setUdiDi(String udiDi) { this.udiDi = udiDi; }
    public String getSoftwareVersion() { return softwareVersion; }
    public void setSoftwareVersion(String softwareVersion) { this.softwareVersion = softwareVersion; }
    public String getOsName() { return osName; }
    public void setOsName(String osName) { this.osName = osName; }
    public String getOsVersion() { return osVersion; }
    public void setOsVersion(String osVersion) { this.osVersion = osVersion; }
    public String getDepartment() { return department; }
    public void setDepartment(String department) { this.department = department; }
    public String getLocationId() { return locationId; }
    public void setLocationId(String locationId) { this.locationId = locationId; }
    public Criticality getCriticality() { return criticality; }
    public void setCriticality(Criticality criticality) { this.criticality = criticality; }
    public boolean isStoresPhi() { return storesPhi; }
    public void setStoresPhi(boolean storesPhi) { this.storesPhi = storesPhi; }
    public boolean isRedundant() { return redundant; }
    public void setRedundant(boolean redundant) { this.redundant = redundant; }
    public String getHostname() { return hostname; }
    public void setHostname(String hostname) { this.hostname = hostname; }
    public String getIpAddress() { return ipAddress; }
    public void setIpAddress(String ipAddress) { this.ipAddress = ipAddress; }
    public String getMacAddress() { return macAddress; }
    public void setMacAddress(String macAddress) { this.macAddress = macAddress; }
    public String getNetworkSegment() { return networkSegment; }
    public void setNetworkSegment(String networkSegment) { this.networkSegment = networkSegment; }
    public Connectivity getConnectivity() { return connectivity; }
    public void setConnectivity(Connectivity connectivity) { this.connectivity = connectivity; }
    public LocalDate getInstallDate() { return installDate; }
    public void setInstallDate(LocalDate installDate) { this.installDate = installDate; }
    public LocalDate getWarrantyEnd() { return warrantyEnd; }
    public void setWarrantyEnd(LocalDate warrantyEnd) { this.warrantyEnd = warrantyEnd; }
    public LocalDate getEndOfSupportOverride() { return endOfSupportOverride; }
    public void setEndOfSupportOverride(LocalDate endOfSupportOverride) { this.endOfSupportOverride = endOfSupportOverride; }
    public LocalDate getPlannedReplacement() { return plannedReplacement; }
    public void setPlannedReplacement(LocalDate plannedReplacement) { this.plannedReplacement = plannedReplacement; }
    public String getCustodian() { return custodian; }
    public void setCustodian(String custodian) { this.custodian = custodian; }
    public String getNotes() { return notes; }
    public void setNotes(String notes) { this.notes = notes; }
    public Integer getVersion() { return version; }
    public void setVersion(Integer version) { this.version = version; }
}
