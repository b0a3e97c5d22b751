package org.patchcare.downtime.application;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Set;

/** A blackout rule: recurring (days + local times, end may be past midnight) or single days (firstDay..lastDay). */
public record BlackoutCommand(String departmentCode, String title, boolean recurring, Set<DayOfWeek> days,
                              LocalTime localStart, LocalTime localEnd, LocalDate firstDay, LocalDate lastDay,
                              boolean active) {
}
