package org.patchcare.inventory.application;

import java.util.List;

/** One page of the device list and how many devices match the filter in all. */
public record DeviceListPage(List<DeviceSummary> items, long total) {
}
