package org.patchcare.downtime.ui;

import com.vaadin.flow.component.icon.VaadinIcon;
import org.patchcare.inventory.ui.Caller;
import org.patchcare.shared.domain.Roles;
import org.patchcare.shared.ui.MainLayout;

import java.util.ArrayList;
import java.util.List;

/**
 * "Calendar", "Today's downtime" (for biomed and IT security, who take devices down; others reach it by its address),
 * "Blackout windows" and "Redundancy groups" in the side navigation, after the risk entries.
 */
public class DowntimeNavigation implements MainLayout.NavContributor {
    @Override
    public List<MainLayout.NavEntry> entries() {
        List<MainLayout.NavEntry> entries = new ArrayList<>();
        entries.add(new MainLayout.NavEntry("Calendar", CalendarView.class, VaadinIcon.CALENDAR, 40));
        if (Caller.hasRole(Roles.BIOMED_TECH) || Caller.hasRole(Roles.IT_SECURITY)) {
            entries.add(new MainLayout.NavEntry("Today's downtime", TodayView.class, VaadinIcon.CALENDAR_CLOCK, 41));
        }
        entries.add(new MainLayout.NavEntry("Blackout windows", BlackoutListView.class, VaadinIcon.BAN, 42));
        entries.add(new MainLayout.NavEntry("Redundancy groups", RedundancyGroupListView.class, VaadinIcon.SITEMAP, 43));
        return entries;
    }
}
