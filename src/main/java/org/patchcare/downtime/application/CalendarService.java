package org.patchcare.downtime.application;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import org.patchcare.downtime.application.DowntimeViews.CalendarFeedView;
import org.patchcare.downtime.application.DowntimeViews.WindowView;
import org.patchcare.shared.domain.Roles;

import java.util.List;

/**
 * Downtime windows for calendars and lists, and the per-user iCalendar feeds of a department (token shown once, kept
 * as SHA-256). CONTRACT SHELL (issue 5 in progress).
 */
@Stateless
@RolesAllowed({Roles.BIOMED_TECH, Roles.CLINICAL_MANAGER, Roles.IT_SECURITY, Roles.ADMIN})
public class CalendarService {

    /** Windows overlapping the filter's range (at most 2,000; the range is limited to 62 days). */
    public List<WindowView> windows(WindowFilter filter) {
        throw new UnsupportedOperationException("in progress");
    }

    /** A new feed of a department for the caller; the returned view carries the URL with its token, once. */
    public CalendarFeedView createFeed(String departmentCode) {
        throw new UnsupportedOperationException("in progress");
    }

    public List<CalendarFeedView> myFeeds() {
        throw new UnsupportedOperationException("in progress");
    }

    public void revokeFeed(String id) {
        throw new UnsupportedOperationException("in progress");
    }
}
