package org.patchcare.inventory.application;

import org.patchcare.inventory.domain.Criticality;
import org.patchcare.inventory.domain.DeviceStatus;
import org.patchcare.inventory.domain.SupportStatus;

/**
 * What the device list is narrowed to. Every part is optional.
 *
 * @param text         prefix of an asset tag, serial, hostname, IP or MAC (or a part of them), or part of a model
 *                     or manufacturer name
 * @param department   department code
 * @param manufacturer manufacturer public id
 * @param model        model public id
 */
public record DeviceFilter(String text, String department, DeviceStatus status, String manufacturer, String model,
                           Criticality criticality, SupportStatus support) {

    public static DeviceFilter none() {
        return new DeviceFilter(null, null, null, null, null, null, null);
    }

    public DeviceFilter withText(String t) {
        return new DeviceFilter(t, department, status, manufacturer, model, criticality, support);
    }
}
