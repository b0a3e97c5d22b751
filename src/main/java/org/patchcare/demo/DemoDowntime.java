package org.patchcare.demo;

import jakarta.enterprise.context.Dependent;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.patchcare.downtime.domain.BlackoutRule;
import org.patchcare.downtime.domain.BlackoutWindow;
import org.patchcare.downtime.domain.RedundancyGroup;
import org.patchcare.inventory.domain.Department;
import org.patchcare.inventory.domain.Device;
import org.patchcare.inventory.domain.DeviceStatus;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The demo hospital's blackouts (OR weekday surgery, ICU night handover, Christmas and New Year in ED) and redundancy
 * groups (ED CT scanners, ICU ventilators), over the generated devices. Runs in the demo loader's transaction.
 */
@Dependent
public class DemoDowntime {

    @PersistenceContext
    EntityManager em;

    void load(Map<String, Department> depts, LocalDate today, Instant now) {
        blackout(depts.get("OR"), BlackoutRule.weekly("Weekday surgery", EnumSet.range(DayOfWeek.MONDAY,
                DayOfWeek.FRIDAY), LocalTime.of(7, 0), LocalTime.of(17, 0)), now);
        blackout(depts.get("ICU"), BlackoutRule.weekly("Night shift handover", EnumSet.allOf(DayOfWeek.class),
                LocalTime.of(22, 0), LocalTime.of(6, 0)), now);
        int year = today.getMonthValue() == 12 && today.getDayOfMonth() > 26 ? today.getYear() + 1 : today.getYear();
        blackout(depts.get("ED"), BlackoutRule.days("Christmas Day", LocalDate.of(year, 12, 25), null), now);
        blackout(depts.get("ED"), BlackoutRule.days("New Year's Eve and Day", LocalDate.of(year, 12, 31),
                LocalDate.of(year + 1, 1, 1)), now);
        group("ED CT scanners", depts.get("ED"), "CT scanner", 1, now);
        group("ICU ventilators", depts.get("ICU"), "Ventilator", -2, now);
    }

    private void blackout(Department d, BlackoutRule rule, Instant now) {
        BlackoutWindow b = new BlackoutWindow(d.getId(), rule, true);
        b.touch(DemoData.ACTOR, now);
        em.persist(b);
    }

    /** {@code minimum} below 1 means "all but that many". Skipped when the demo has fewer than two such devices. */
    private void group(String name, Department d, String type, int minimum, Instant now) {
        List<Device> devices = em.createQuery("select d from Device d where d.department = :dep and "
                        + "d.model.deviceType = :type and d.status <> :retired order by d.assetTag", Device.class)
                .setParameter("dep", d).setParameter("type", type).setParameter("retired", DeviceStatus.RETIRED)
                .getResultList();
        if (devices.size() < 2) {
            return;
        }
        Set<Long> ids = new HashSet<>();
        devices.forEach(x -> ids.add(x.getId()));
        int min = minimum >= 1 ? minimum : Math.max(1, devices.size() + minimum);
        RedundancyGroup g = new RedundancyGroup(name + ": at least " + min + " of " + devices.size(), d.getId(),
                Math.min(min, devices.size() - 1), ids);
        g.touch(DemoData.ACTOR, now);
        em.persist(g);
    }
}
