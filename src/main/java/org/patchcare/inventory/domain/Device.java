package org.patchcare.inventory.domain;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.patchcare.shared.domain.BaseEntity;
import org.patchcare.shared.domain.DomainException;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/** One physical medical device, identified by its asset tag. */
@Entity
@Table(name = "device")
public class Device extends BaseEntity {

    public static final int ASSET_TAG_MAX = 40;
    public static final String ASSET_TAG_PATTERN = "[A-Z0-9][A-Z0-9._/-]{0,39}";
    public static final int SERIAL_MAX = 80;
    public static final int UDI_DI_MAX = 40;
    public static final int VERSION_MAX = 80;
    public static final int OS_NAME_MAX = 80;
    public static final int OS_VERSION_MAX = 40;
    public static final int HOSTNAME_MAX = 120;
    public static final int IP_MAX = 45;
    public static final int MAC_MAX = 17;
    public static final int SEGMENT_MAX = 60;
    public static final int CUSTODIAN_MAX = 120;
    public static final int NOTES_MAX = 2000;
    public static final String HOSTNAME_PATTERN = "^$|[A-Za-z0-9]([A-Za-z0-9-]{0,62})(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,62}))*";
    public static final String IP_PATTERN = "^$|((25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)\\.){3}(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)|(?=[0-9A-Fa-f.]*:)[0-9A-Fa-f:.]{2,45}";
    public static final String MAC_PATTERN = "^$|([0-9A-Fa-f]{2}[:-]){5}[0-9A-Fa-f]{2}";

    @NotBlank
    @Size(max = ASSET_TAG_MAX)
    @Pattern(regexp = ASSET_TAG_PATTERN, message = "{patchcare.assetTag.pattern}")
    @Column(name = "asset_tag", nullable = false, updatable = false, length = ASSET_TAG_MAX)
    private String assetTag;

    @Size(max = SERIAL_MAX)
    @Column(name = "serial_number", length = SERIAL_MAX)
    private String serialNumber;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "model_id", nullable = false)
    private DeviceModel model;

    @Size(max = UDI_DI_MAX)
    @Pattern(regexp = "^$|[0-9A-Za-z+*/=.-]{1,40}", message = "{patchcare.udiDi.pattern}")
    @Column(name = "udi_di", length = UDI_DI_MAX)
    private String udiDi;

    @Size(max = VERSION_MAX)
    @Column(name = "software_version", length = VERSION_MAX)
    private String softwareVersion;

    @Size(max = OS_NAME_MAX)
    @Column(name = "os_name", length = OS_NAME_MAX)
    private String osName;

    @Size(max = OS_VERSION_MAX)
    @Column(name = "os_version", length = OS_VERSION_MAX)
    private String osVersion;

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "department_id", nullable = false)
    private Department department;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "location_id")
    private Location location;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    private DeviceStatus status = DeviceStatus.IN_SERVICE;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private Criticality criticality;

    @Column(name = "stores_phi", nullable = false)
    private boolean storesPhi;

    @Size(max = HOSTNAME_MAX)
    @Pattern(regexp = HOSTNAME_PATTERN, message = "{patchcare.hostname.pattern}")
    @Column(length = HOSTNAME_MAX)
    private String hostname;

    @Size(max = IP_MAX)
    @Pattern(regexp = IP_PATTERN, message = "{patchcare.ip.pattern}")
    @Column(name = "ip_address", length = IP_MAX)
    private String ipAddress;

    @Size(max = MAC_MAX)
    @Pattern(regexp = MAC_PATTERN, message = "{patchcare.mac.pattern}")
    @Column(name = "mac_address", length = MAC_MAX)
    private String macAddress;

    @Size(max = SEGMENT_MAX)
    @Column(name = "network_segment", length = SEGMENT_MAX)
    private String networkSegment;

    @NotNull
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 30)
    private Connectivity connectivity = Connectivity.STANDALONE;

    /** A spare or second unit can take over while this one is down (lowers the mission impact one step). */
    @Column(nullable = false)
    private boolean redundant;

    @Column(name = "install_date")
    private LocalDate installDate;

    @Column(name = "warranty_end")
    private LocalDate warrantyEnd;

    @Column(name = "end_of_support_override")
    private LocalDate endOfSupportOverride;

    /** Effective end of support: the override, else the model's. Kept here so lists can filter and sort on it. */
    @Column(name = "end_of_support")
    private LocalDate endOfSupport;

    @Column(name = "planned_replacement")
    private LocalDate plannedReplacement;

    @Size(max = CUSTODIAN_MAX)
    @Column(length = CUSTODIAN_MAX)
    private String custodian;

    @Size(max = NOTES_MAX)
    @Column(length = NOTES_MAX)
    private String notes;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "device_search_token", joinColumns = @JoinColumn(name = "device_id"))
    @Column(name = "token", nullable = false, length = 120)
    private Set<String> searchTokens = new HashSet<>();

    protected Device() {
    }

    public Device(String assetTag, DeviceModel model, Department department, Criticality criticality) {
        this.assetTag = normalizeAssetTag(assetTag);
        this.model = model;
        this.department = department;
        this.criticality = criticality;
        refreshDerived();
    }

    public static String normalizeAssetTag(String tag) {
        return tag == null ? null : tag.strip().toUpperCase(Locale.ROOT);
    }

    /** Keeps the effective end of support and the search keys in step with the fields they come from. */
    public final void refreshDerived() {
        endOfSupport = endOfSupportOverride != null ? endOfSupportOverride
                : model == null ? null : model.getEndOfSupport();
        Set<String> tokens = SearchTokens.of(assetTag, serialNumber, hostname, ipAddress, macAddress);
        if (!tokens.equals(searchTokens)) {
            searchTokens.retainAll(tokens);
            searchTokens.addAll(tokens);
        }
    }

    public SupportStatus supportStatus(LocalDate today) {
        return SupportStatus.of(endOfSupport, today);
    }

    // ---- lifecycle -------------------------------------------------------------------------

    public void takeOutOfService(boolean forRepair) {
        requireNotRetired("take it out of service");
        DeviceStatus target = forRepair ? DeviceStatus.IN_REPAIR : DeviceStatus.OUT_OF_SERVICE;
        if (status == target) {
            throw new DomainException("Device " + assetTag + " is already " + target.label().toLowerCase(Locale.ROOT) + ".");
        }
        status = target;
    }

    public void returnToService() {
        requireNotRetired("return it to service");
        if (status == DeviceStatus.IN_SERVICE) {
            throw new DomainException("Device " + assetTag + " is already in service.");
        }
        status = DeviceStatus.IN_SERVICE;
    }

    public void retire() {
        requireNotRetired("retire it again");
        status = DeviceStatus.RETIRED;
    }

    public void moveTo(Department newDepartment, Location newLocation) {
        requireNotRetired("move it");
        if (newLocation != null && !newLocation.getDepartment().getId().equals(newDepartment.getId())) {
            throw new DomainException("Location " + newLocation.label() + " belongs to department "
                    + newLocation.getDepartment().getCode() + ", not " + newDepartment.getCode() + ".");
        }
        this.department = newDepartment;
        this.location = newLocation;
    }

    public void requireNotRetired(String action) {
        if (status == DeviceStatus.RETIRED) {
            throw new DomainException("Device " + assetTag + " is retired; you cannot " + action + ".");
        }
    }

    // ---- accessors -------------------------------------------------------------------------

    public String getAssetTag() { return assetTag; }
    public String getSerialNumber() { return serialNumber; }
    public void setSerialNumber(String serialNumber) { this.serialNumber = serialNumber; }
    public DeviceModel getModel() { return model; }
    public void setModel(DeviceModel model) { this.model = model; }
    public String getUdiDi() { return udiDi; }
    public void setUdiDi(String udiDi) { this.udiDi = udiDi; }
    public String getSoftwareVersion() { return softwareVersion; }
    public void setSoftwareVersion(String softwareVersion) { this.softwareVersion = softwareVersion; }
    public String getOsName() { return osName; }
    public void setOsName(String osName) { this.osName = osName; }
    public String getOsVersion() { return osVersion; }
    public void setOsVersion(String osVersion) { this.osVersion = osVersion; }
    public Department getDepartment() { return department; }
    public Location getLocation() { return location; }
    public DeviceStatus getStatus() { return status; }
    public Criticality getCriticality() { return criticality; }
    public void setCriticality(Criticality criticality) { this.criticality = criticality; }
    public boolean isStoresPhi() { return storesPhi; }
    public void setStoresPhi(boolean storesPhi) { this.storesPhi = storesPhi; }
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
    public boolean isRedundant() { return redundant; }
    public void setRedundant(boolean redundant) { this.redundant = redundant; }
    public LocalDate getInstallDate() { return installDate; }
    public void setInstallDate(LocalDate installDate) { this.installDate = installDate; }
    public LocalDate getWarrantyEnd() { return warrantyEnd; }
    public void setWarrantyEnd(LocalDate warrantyEnd) { this.warrantyEnd = warrantyEnd; }
    public LocalDate getEndOfSupportOverride() { return endOfSupportOverride; }
    public void setEndOfSupportOverride(LocalDate d) { this.endOfSupportOverride = d; }
    public LocalDate getEndOfSupport() { return endOfSupport; }
    public LocalDate getPlannedReplacement() { return plannedReplacement; }
    public void setPlannedReplacement(LocalDate plannedReplacement) { this.plannedReplacement = plannedReplacement; }
    public String getCustodian() { return custodian; }
    public void setCustodian(String custodian) { this.custodian = custodian; }
    public String getNotes() { return notes; }
    public void setNotes(String notes) { this.notes = notes; }
    public Set<String> getSearchTokens() { return Set.copyOf(searchTokens); }
}
