package org.patchcare.advisories.application.vex;

import java.util.List;

/**
 * One product of a VEX export: a device model in one software version. A statement applies to a product when one of
 * the statement's device keys is the product's {@link #key()} or one of its {@link #deviceKeys()}.
 *
 * @param key         unique in the request; becomes the CSAF product id and the CycloneDX bom-ref, e.g. an asset
 *                    tag, or {@code model-<uuid>@<version>} when the product stands for several devices
 * @param vendor      the manufacturer
 * @param name        the model name
 * @param version     the software version; may be null
 * @param modelNumber may be null
 * @param deviceKeys  the asset tags of the devices this product stands for; empty when the product is one device
 *                    whose asset tag is the key
 */
public record VexProduct(String key, String vendor, String name, String version, String modelNumber,
        List<String> deviceKeys) {

    public VexProduct {
        deviceKeys = deviceKeys == null ? List.of() : List.copyOf(deviceKeys);
    }

    /** A product that is one device, identified by its asset tag. */
    public VexProduct(String key, String vendor, String name, String version, String modelNumber) {
        this(key, vendor, name, version, modelNumber, List.of());
    }
}
