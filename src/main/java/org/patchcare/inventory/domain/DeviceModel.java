package org.patchcare.inventory.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.patchcare.shared.domain.BaseEntity;

import java.time.LocalDate;
import java.util.UUID;

/** A product of a manufacturer, e.g. "IntelliVue MX450". Its end of support applies to every device of it. */
@Entity
@Table(name = "device_model")
public class DeviceModel extends BaseEntity {

    public static final int NAME_MAX = 120;
    public static final int MODEL_NUMBER_MAX = 80;
    public static final int TYPE_MAX = 40;

    @Column(name = "public_id", nullable = false, updatable = false, length = 36)
    private String publicId = UUID.randomUUID().toString();

    @NotNull
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "manufacturer_id", nullable = false)
    private Manufacturer manufacturer;

    @NotBlank
    @Size(max = NAME_MAX)
    @Column(nullable = false, length = NAME_MAX)
    private String name;

    @Size(max = MODEL_NUMBER_MAX)
    @Column(name = "model_number", length = MODEL_NUMBER_MAX)
    private String modelNumber;

    @NotBlank
    @Size(max = TYPE_MAX)
    @Column(name = "device_type", nullable = false, length = TYPE_MAX)
    private String deviceType;

    @Column(name = "end_of_support")
    private LocalDate endOfSupport;

    protected DeviceModel() {
    }

    public DeviceModel(Manufacturer manufacturer, String name, String deviceType) {
        this.manufacturer = manufacturer;
        this.name = name;
        this.deviceType = deviceType;
    }

    public String getPublicId() { return publicId; }
    public Manufacturer getManufacturer() { return manufacturer; }
    public void setManufacturer(Manufacturer manufacturer) { this.manufacturer = manufacturer; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getModelNumber() { return modelNumber; }
    public void setModelNumber(String modelNumber) { this.modelNumber = modelNumber; }
    public String getDeviceType() { return deviceType; }
    public void setDeviceType(String deviceType) { this.deviceType = deviceType; }
    public LocalDate getEndOfSupport() { return endOfSupport; }
    public void setEndOfSupport(LocalDate endOfSupport) { this.endOfSupport = endOfSupport; }
}
