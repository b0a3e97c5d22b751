package org.patchcare.demo;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import org.patchcare.audit.application.AuditService;
import org.patchcare.identity.domain.Role;
import org.patchcare.identity.domain.User;
import org.patchcare.inventory.domain.Connectivity;
import org.patchcare.inventory.domain.Department;
import org.patchcare.inventory.domain.Device;
import org.patchcare.inventory.domain.DeviceEvent;
import org.patchcare.inventory.domain.DeviceEventType;
import org.patchcare.inventory.domain.DeviceModel;
import org.patchcare.inventory.domain.DeviceStatus;
import org.patchcare.inventory.domain.Facility;
import org.patchcare.inventory.domain.Location;
import org.patchcare.inventory.domain.Manufacturer;
import org.patchcare.shared.security.PasswordHasher;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Generates a realistic demo hospital: two facilities, twelve departments, real manufacturers and models from
 * CISA's medical advisories, about 500 devices (some 20+ years old on Windows XP or 7), and one user per role.
 * Deterministic: the same seed gives the same hospital.
 */
@Dependent
public class DemoData {

    public static final int DEVICE_COUNT = 500;
    static final String ACTOR = "demo-data";

    /** Demo users: username → password; documented in the README. */
    public static final Map<String, String> DEMO_PASSWORDS = Map.of(
            "biomed", "biomed-demo-2026",
            "manager", "manager-demo-2026",
            "itsec", "itsec-demo-2026",
            "admin", "admin-demo-2026");

    @PersistenceContext
    EntityManager em;

    @Inject
    Clock clock;

    @Inject
    AuditService audit;

    @Inject
    DemoDowntime downtime;
    @Inject
    DemoChangeRequests changeRequests;
    @Inject
    DemoPlanning planning;

    /** Runs inside the caller's transaction (the bootstrap). */
    public void load() {
        Instant now = clock.instant();
        Random rnd = new Random(20261123L);

        Facility main = persist(new Facility("MAIN", "St. Elsewhere General Hospital", "America/New_York"), now);
        Facility north = persist(new Facility("NORTH", "Northside Women's and Children's Hospital", "America/Chicago"), now);

        Map<String, Department> depts = new LinkedHashMap<>();
        String[][] deptRows = {
                {"ED", "Emergency Department", "MAIN"}, {"ICU", "Intensive Care Unit", "MAIN"},
                {"OR", "Operating Rooms", "MAIN"}, {"RAD", "Radiology", "MAIN"}, {"CARD", "Cardiology", "MAIN"},
                {"ONC", "Oncology", "MAIN"}, {"LAB", "Laboratory", "MAIN"}, {"DIAL", "Dialysis", "MAIN"},
                {"PHARM", "Pharmacy", "MAIN"}, {"NICU", "Neonatal Intensive Care", "NORTH"},
                {"MAT", "Maternity and Labour", "NORTH"}, {"PEDS", "Pediatrics", "NORTH"},
                {"OPD", "Outpatient Clinics", "MAIN"}, {"ADMIN", "Administration and Patient Records", "MAIN"}};
        for (String[] r : deptRows) {
            Department dep = new Department(r[2].equals("MAIN") ? main : north, r[0], r[1]);
            dep.setMissionImpact(DemoCatalogue.MISSION_IMPACT.getOrDefault(r[0], dep.getMissionImpact()));
            depts.put(r[0], persist(dep, now));
        }

        Map<String, List<Location>> locations = new HashMap<>();
        int deptIndex = 0;
        for (Department dep : depts.values()) {
            String building = dep.getFacility() == main ? (deptIndex % 2 == 0 ? "Main Tower" : "East Wing") : "North Pavilion";
            List<Location> list = new ArrayList<>();
            for (int room = 1; room <= 3; room++) {
                list.add(persist(new Location(dep, building, String.valueOf(1 + deptIndex % 5),
                        dep.getCode() + "-" + (100 * (1 + deptIndex % 5) + room)), now));
            }
            locations.put(dep.getCode(), list);
            deptIndex++;
        }

        Map<String, Manufacturer> makers = new HashMap<>();
        for (DemoCatalogue.Maker mk : DemoCatalogue.MAKERS) {
            Manufacturer m = new Manufacturer(mk.name());
            m.setAliases(Set.copyOf(mk.aliases()));
            makers.put(mk.name(), persist(m, now));
        }

        List<DeviceModel> models = new ArrayList<>();
        List<Integer> weights = new ArrayList<>();
        for (DemoCatalogue.Model spec : DemoCatalogue.MODELS) {
            DeviceModel m = new DeviceModel(makers.get(spec.maker()), spec.name(), spec.type());
            m.setModelNumber(spec.modelNumber());
            m.setEndOfSupport(spec.endOfSupport());
            models.add(persist(m, now));
            weights.add(spec.weight());
        }
        int totalWeight = weights.stream().mapToInt(Integer::intValue).sum();

        LocalDate today = LocalDate.now(clock);
        List<String> deptCodes = new ArrayList<>(depts.keySet());
        for (int i = 1; i <= DEVICE_COUNT; i++) {
            int pick = rnd.nextInt(totalWeight);
            int idx = 0;
            while (pick >= weights.get(idx)) {
                pick -= weights.get(idx++);
            }
            DemoCatalogue.Model spec = DemoCatalogue.MODELS.get(idx);
            DeviceModel model = models.get(idx);
            String deptCode = spec.departments().get(rnd.nextInt(spec.departments().size()));
            Department dep = depts.get(deptCode);
            Device d = new Device(String.format(Locale.ROOT, "BME-%06d", 1000 + i * 7), model, dep, spec.criticality());
            d.setSerialNumber(spec.modelNumber().replaceAll("[^A-Za-z0-9]", "").toUpperCase(Locale.ROOT)
                    + String.format(Locale.ROOT, "%07d", rnd.nextInt(10_000_000)));
            int startYear = spec.oldestYear();
            int year = startYear + rnd.nextInt(Math.max(1, Math.min(today.getYear() - 1, startYear + 12) - startYear + 1));
            LocalDate installed = LocalDate.of(year, 1 + rnd.nextInt(12), 1 + rnd.nextInt(28));
            d.setInstallDate(installed);
            d.setWarrantyEnd(installed.plusYears(3));
            d.setPlannedReplacement(spec.endOfSupport().isBefore(today) ? today.plusMonths(6 + rnd.nextInt(30)) : null);
            d.setOsName(spec.os());
            d.setOsVersion(spec.osVersion());
            d.setSoftwareVersion(spec.software());
            d.setStoresPhi(spec.phi());
            d.setRedundant(DemoCatalogue.redundant(spec, i));
            d.setConnectivity(spec.connectivity());
            if (spec.connectivity() != Connectivity.STANDALONE) {
                int vlan = 10 + deptCodes.indexOf(deptCode);
                d.setIpAddress("10." + vlan + "." + (rnd.nextInt(4)) + "." + (2 + rnd.nextInt(250)));
                d.setHostname(deptCode.toLowerCase(Locale.ROOT) + "-" + spec.type().toLowerCase(Locale.ROOT)
                        .replaceAll("[^a-z0-9]+", "") .replaceAll("^(.{0,8}).*$", "$1") + "-" + String.format(Locale.ROOT, "%03d", i)
                        + (dep.getFacility() == main ? ".main" : ".north") + ".stelsewhere.org");
                d.setNetworkSegment("VLAN " + (100 + vlan) + " " + (spec.connectivity() == Connectivity.ISOLATED_NETWORK
                        ? "isolated" : spec.connectivity() == Connectivity.CLINICAL_NETWORK ? "clinical" : "hospital"));
                d.setMacAddress(mac(rnd));
            }
            if (rnd.nextInt(4) == 0) {
                List<Location> locs = locations.get(deptCode);
                d.moveTo(dep, locs.get(rnd.nextInt(locs.size())));
            }
            d.setCustodian(dep.getName() + " charge nurse");
            if (rnd.nextInt(40) == 0) {
                d.setEndOfSupportOverride(spec.endOfSupport().plusYears(2));
                d.setNotes("Extended support contract with the vendor.");
            }
            d.refreshDerived();
            persist(d, now);

            Instant received = installed.minusDays(7 + rnd.nextInt(20)).atStartOfDay().toInstant(ZoneOffset.UTC);
            event(d, DeviceEventType.RECEIVED, received, null, dep.getCode(), "Delivered by " + spec.maker());
            event(d, DeviceEventType.INSTALLED, installed.atTime(10, 0).toInstant(ZoneOffset.UTC), null, dep.getCode(),
                    "Acceptance test passed");
            LocalDate pm = installed.plusYears(1);
            while (pm.isBefore(today) && rnd.nextInt(3) > 0) {
                event(d, DeviceEventType.PREVENTIVE_MAINTENANCE, pm.atTime(9, 30).toInstant(ZoneOffset.UTC), null, null,
                        "Annual electrical safety and performance check");
                pm = pm.plusYears(1 + rnd.nextInt(2));
            }
            int fate = rnd.nextInt(100);
            if (fate < 3) {
                d.retire();
                event(d, DeviceEventType.RETIRED, today.minusDays(rnd.nextInt(300)).atStartOfDay().toInstant(ZoneOffset.UTC),
                        "In service", "Retired", "Replaced; awaiting disposal");
            } else if (fate < 7) {
                d.takeOutOfService(true);
                event(d, DeviceEventType.TAKEN_OUT_OF_SERVICE, today.minusDays(1 + rnd.nextInt(20)).atStartOfDay()
                        .toInstant(ZoneOffset.UTC), "In service", "In repair", "Fails self-test; vendor ticket opened");
            } else if (fate < 9) {
                d.takeOutOfService(false);
                event(d, DeviceEventType.TAKEN_OUT_OF_SERVICE, today.minusDays(1 + rnd.nextInt(20)).atStartOfDay()
                        .toInstant(ZoneOffset.UTC), "In service", "Out of service", "Spare unit, stored");
            }
        }

        em.flush(); // the downtime demo queries the devices
        downtime.load(depts, today, now);

        Set<Long> managerDepts = Set.of(depts.get("ICU").getId(), depts.get("ED").getId());
        user("biomed", "Bea Biomed", EnumSet.of(Role.BIOMED_TECH), Set.of(), now);
        user("manager", "Morgan Manager", EnumSet.of(Role.CLINICAL_MANAGER), managerDepts, now);
        user("itsec", "Ira Security", EnumSet.of(Role.IT_SECURITY), Set.of(), now);
        user("admin", "Ada Admin", EnumSet.of(Role.ADMIN), Set.of(), now);
        changeRequests.load(now);
        planning.load(depts, today, now);
        audit.event("System", "demo", "Demo data loaded: " + DEVICE_COUNT + " devices, 4 users, 3 change requests",
                null);
    }

    private void user(String username, String name, Set<Role> roles, Set<Long> departments, Instant now) {
        User u = new User(username, name, PasswordHasher.hash(DEMO_PASSWORDS.get(username).toCharArray()));
        u.setEmail(username + "@stelsewhere.org");
        u.setRoles(roles);
        u.setDepartmentIds(departments);
        persist(u, now);
    }

    private void event(Device d, DeviceEventType type, Instant at, String from, String to, String comment) {
        em.persist(new DeviceEvent(d, type, at, ACTOR, from, to, comment));
    }

    private <T extends org.patchcare.shared.domain.BaseEntity> T persist(T e, Instant now) {
        e.touch(ACTOR, now);
        em.persist(e);
        return e;
    }

    private static String mac(Random rnd) {
        StringBuilder sb = new StringBuilder("00:09:FB");
        for (int i = 0; i < 3; i++) {
            sb.append(':').append(String.format(Locale.ROOT, "%02X", rnd.nextInt(256)));
        }
        return sb.toString();
    }

    static boolean statusIsActive(Device d) {
        return d.getStatus() != DeviceStatus.RETIRED;
    }
}
