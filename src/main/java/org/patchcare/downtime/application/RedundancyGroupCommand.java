package org.patchcare.downtime.application;

import java.util.List;

/** A redundancy group: a name, its devices and how many must stay in service. */
public record RedundancyGroupCommand(String name, String departmentCode, Integer minimumAvailable, List<String> assetTags) {
}
