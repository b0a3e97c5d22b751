package org.patchcare.demo;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.patchcare.inventory.domain.Department;
import org.patchcare.planning.domain.LowCensusWindow;
import org.patchcare.planning.domain.ModelPlanningRule;
import org.patchcare.planning.domain.Technician;
import org.patchcare.planning.domain.VendorVisit;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demo hospital's planning data, so "Plan" gives a proposal at once: two technicians (biomed: every device;
 * itsec: monitors and infusion pumps, half days), Siemens Healthineers engineers on Tuesdays and Thursdays for eight
 * weeks with CT work needing them, low-census hours for the outpatient clinics (evenings, weekends) and the operating
 * rooms (nights, weekends). Runs in the demo loader's transaction, after the users.
 */
@Dependent
public class DemoPlanning {

    @PersistenceContext
    EntityManager em;

    void load(Map<String, Department> depts, LocalDate today, Instant now) {
        persist(new Technician("biomed", 8 * 60, Set.of("*")), now);
        persist(new Technician("itsec", 4 * 60, Set.of("patient monitor", "infusion pump")), now);
        @SuppressWarnings("unchecked")
        List<Object[]> siemens = em.createNativeQuery("SELECT m.id, man.id FROM device_model m JOIN manufacturer man "
                + "ON man.id = m.manufacturer_id WHERE man.name = 'Siemens Healthineers' AND m.device_type = "
                + "'CT scanner'").getResultList();
        for (Object[] r : siemens) {
            persist(new ModelPlanningRule(((Number) r[0]).longValue(), true, 180), now);
        }
        if (!siemens.isEmpty()) {
            long manufacturer = ((Number) siemens.getFirst()[1]).longValue();
            for (LocalDate d = today; d.isBefore(today.plusWeeks(8)); d = d.plusDays(1)) {
                if (d.getDayOfWeek() == DayOfWeek.TUESDAY || d.getDayOfWeek() == DayOfWeek.THURSDAY) {
                    Instant start = d.atTime(7, 0).toInstant(ZoneOffset.UTC);
                    persist(new VendorVisit(manufacturer, "Siemens field engineer", start,
                            start.plus(Duration.ofHours(12))), now);
                }
            }
        }
        EnumSet<DayOfWeek> weekdays = EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY);
        EnumSet<DayOfWeek> weekend = EnumSet.of(DayOfWeek.SATURDAY, DayOfWeek.SUNDAY);
        lowCensus(depts.get("OPD"), "Clinic closed (evenings)", weekdays, LocalTime.of(18, 0), LocalTime.of(7, 0), now);
        lowCensus(depts.get("OPD"), "Clinic closed (weekend)", weekend, LocalTime.of(0, 0), LocalTime.of(23, 59), now);
        lowCensus(depts.get("OR"), "No elective surgery (nights)", weekdays, LocalTime.of(19, 0), LocalTime.of(6, 0),
                now);
        lowCensus(depts.get("OR"), "No elective surgery (weekend)", weekend, LocalTime.of(0, 0), LocalTime.of(23, 59),
                now);
    }

    private void lowCensus(Department d, String title, Set<DayOfWeek> days, LocalTime start, LocalTime end,
                           Instant now) {
        if (d != null) {
            persist(new LowCensusWindow(d.getId(), title, days, start, end), now);
        }
    }

    private void persist(org.patchcare.shared.domain.BaseEntity e, Instant now) {
        e.touch(DemoData.ACTOR, now);
        em.persist(e);
    }
}
