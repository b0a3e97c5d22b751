package org.patchcare.downtime.ui;

import org.patchcare.downtime.application.BlackoutCommand;
import org.patchcare.downtime.application.DowntimeViews.BlackoutView;
import org.patchcare.inventory.application.OrganisationViews.DepartmentView;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.Set;

/** The blackout form's fields while the person edits them; becomes a {@link BlackoutCommand} on save. */
public class BlackoutDraft {

    private DepartmentView department;
    private String title;
    private boolean recurring = true;
    private Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
    private LocalTime localStart;
    private LocalTime localEnd;
    private LocalDate firstDay;
    private LocalDate lastDay;
    private boolean active = true;

    static BlackoutDraft of(BlackoutView b, DepartmentView department) {
        BlackoutDraft d = new BlackoutDraft();
        d.department = department;
        d.title = b.title();
        d.recurring = b.recurring();
        d.days = b.days() == null || b.days().isEmpty() ? EnumSet.noneOf(DayOfWeek.class) : EnumSet.copyOf(b.days());
        d.localStart = b.localStart();
        d.localEnd = b.localEnd();
        d.firstDay = b.firstDay();
        d.lastDay = b.lastDay();
        d.active = b.active();
        return d;
    }

    /** Weekly rules keep days and times, single-day rules their dates; the other half is left empty. */
    BlackoutCommand toCommand() {
        String t = title == null ? null : title.strip();
        if (recurring) {
            return new BlackoutCommand(department == null ? null : department.code(), t, true,
                    days == null || days.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(days)), localStart, localEnd,
                    null, null, active);
        }
        return new BlackoutCommand(department == null ? null : department.code(), t, false, Set.of(), null, null,
                firstDay, lastDay == null ? firstDay : lastDay, active);
    }

    public DepartmentView getDepartment() { return department; }
    public void setDepartment(DepartmentView department) { this.department = department; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public boolean isRecurring() { return recurring; }
    public void setRecurring(boolean recurring) { this.recurring = recurring; }
    public Set<DayOfWeek> getDays() { return days; }
    public void setDays(Set<DayOfWeek> days) { this.days = days; }
    public LocalTime getLocalStart() { return localStart; }
    public void setLocalStart(LocalTime localStart) { this.localStart = localStart; }
    public LocalTime getLocalEnd() { return localEnd; }
    public void setLocalEnd(LocalTime localEnd) { this.localEnd = localEnd; }
    public LocalDate getFirstDay() { return firstDay; }
    public void setFirstDay(LocalDate firstDay) { this.firstDay = firstDay; }
    public LocalDate getLastDay() { return lastDay; }
    public void setLastDay(LocalDate lastDay) { this.lastDay = lastDay; }
    public boolean isActive() { return active; }
    public void setActive(boolean active) { this.active = active; }
}
