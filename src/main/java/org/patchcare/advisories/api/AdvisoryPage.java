package org.patchcare.advisories.api;

import org.patchcare.advisories.application.AdvisoryViews.AdvisorySummary;

import java.util.List;

/** One page of the advisory list and how many advisories match in all. */
public record AdvisoryPage(List<AdvisorySummary> items, int offset, int limit, long total) {
}
