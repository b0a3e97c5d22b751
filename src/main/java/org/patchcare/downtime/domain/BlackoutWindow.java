package org.patchcare.downtime.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.patchcare.shared.domain.BaseEntity;
import org.patchcare.shared.domain.InvalidInputException;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.UUID;

/**
 * A department's blackout: a weekly rule or single days when its devices must not go down (see {@link BlackoutRule}).
 * Local times are kept as "HH:mm" and evaluated in the zone of the department's facility.
 */
@Entity
@Table(name = "blackout_window")
public class BlackoutWindow extends BaseEntity {

    @Column(name = "public_id", nullable = false, updatable = false, length = 36)
    private String publicId = UUID.randomUUID().toString();
    @Column(name = "department_id", nullable = false)
    private long departmentId;
    @Column(nullable = false, length = BlackoutRule.TITLE_MAX)
    private String title;
    @Column(nullable = false)
    private boolean recurring;
    @Column(name = "days_of_week", length = 30)
    private String daysOfWeek;
    @Column(name = "local_start", length = 5)
    private String localStart;
    @Column(name = "local_end", length = 5)
    private String localEnd;
    @Column(name = "first_day")
    private LocalDate firstDay;
    @Column(name = "last_day")
    private LocalDate lastDay;
    @Column(nullable = false)
    private boolean active = true;

    protected BlackoutWindow() {
    }

    public BlackoutWindow(long departmentId, BlackoutRule rule, boolean active) {
        change(departmentId, rule, active);
    }

    /** Replaces the rule; refuses an invalid one with a message per field. */
    public void change(long departmentId, BlackoutRule rule, boolean active) {
        var problems = rule.problems();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        this.departmentId = departmentId;
        this.title = rule.title().strip();
        this.recurring = rule.recurring();
        this.daysOfWeek = rule.recurring() ? BlackoutRule.formatDays(rule.days()) : null;
        this.localStart = rule.recurring() ? hhmm(rule.localStart()) : null;
        this.localEnd = rule.recurring() ? hhmm(rule.localEnd()) : null;
        this.firstDay = rule.recurring() ? null : rule.firstDay();
        this.lastDay = rule.recurring() ? null : (rule.lastDay() == null ? rule.firstDay() : rule.lastDay());
        this.active = active;
    }

    public BlackoutRule rule() {
        return new BlackoutRule(title, recurring, BlackoutRule.parseDays(daysOfWeek), time(localStart), time(localEnd),
                firstDay, lastDay);
    }

    private static String hhmm(LocalTime t) {
        return String.format(java.util.Locale.ROOT, "%02d:%02d", t.getHour(), t.getMinute());
    }

    private static LocalTime time(String s) {
        return s == null ? null : LocalTime.parse(s);
    }

    public String getPublicId() { return publicId; }
    public long getDepartmentId() { return departmentId; }
    public String getTitle() { return title; }
    public boolean isRecurring() { return recurring; }
    public boolean isActive() { return active; }
}
