package org.patchcare.inventory.api;

import org.patchcare.inventory.application.DeviceSummary;

import java.util.List;

/** One page of the device list: the rows, where the page starts, its size, and how many devices match in all. */
public record DevicePage(List<DeviceSummary> items, int offset, int limit, long total) {
}
