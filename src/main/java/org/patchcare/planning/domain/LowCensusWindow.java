package org.patchcare.planning.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.patchcare.downtime.domain.BlackoutRule;
import org.patchcare.shared.domain.BaseEntity;
import org.patchcare.shared.domain.InvalidInputException;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.util.Set;
import java.util.UUID;

/**
 * Hours a department prefers for downtime (few patients: nights, weekends in outpatient units): a weekly wall-clock
 * rule in the facility's zone, evaluated like a weekly blackout ({@link BlackoutRule}).
 */
@Entity
@Table(name = "low_census_window")
public class LowCensusWindow extends BaseEntity {

    @Column(name = "public_id", nullable = false, updatable = false, length = 36)
    private String publicId;
    @Column(name = "department_id", nullable = false)
    private long departmentId;
    @Column(nullable = false, length = BlackoutRule.TITLE_MAX)
    private String title;
    @Column(name = "days_of_week", nullable = false, length = 30)
    private String days;
    @Column(name = "local_start", nullable = false, length = 5)
    private String localStart;
    @Column(name = "local_end", nullable = false, length = 5)
    private String localEnd;

    protected LowCensusWindow() {
    }

    public LowCensusWindow(long departmentId, String title, Set<DayOfWeek> days, LocalTime start, LocalTime end) {
        BlackoutRule rule = BlackoutRule.weekly(title, days, start, end);
        var problems = rule.problems();
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        this.publicId = UUID.randomUUID().toString();
        this.departmentId = departmentId;
        this.title = title.strip();
        this.days = BlackoutRule.formatDays(days);
        this.localStart = start.toString();
        this.localEnd = end.toString();
    }

    public BlackoutRule rule() {
        return BlackoutRule.weekly(title, BlackoutRule.parseDays(days), LocalTime.parse(localStart),
                LocalTime.parse(localEnd));
    }

    public String getPublicId() {
        return publicId;
    }

    public long getDepartmentId() {
        return departmentId;
    }

    public String getTitle() {
        return title;
    }
}
