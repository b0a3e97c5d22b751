package org.patchcare.risk.ui;

import com.github.mvysny.fakeservlet.FakeRequest;
import com.vaadin.flow.server.VaadinRequest;
import com.vaadin.flow.server.VaadinServletRequest;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import org.patchcare.inventory.application.PageRequest;
import org.patchcare.risk.application.RiskService;
import org.patchcare.risk.application.RiskViews.DecisionChangeView;
import org.patchcare.risk.application.RiskViews.DecisionDetails;
import org.patchcare.risk.application.RiskViews.DeviceRisk;
import org.patchcare.risk.application.RiskViews.PointView;
import org.patchcare.risk.application.RiskViews.QueueFilter;
import org.patchcare.risk.application.RiskViews.QueueItem;
import org.patchcare.risk.application.RiskViews.RiskRollup;
import org.patchcare.risk.application.RiskViews.ScoreFactor;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** RiskService answering from lists the test sets, and remembering what the screens asked. */
class FakeRisk extends RiskService {

    static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    List<QueueItem> items = new ArrayList<>();
    final List<QueueFilter> filters = new ArrayList<>();
    DecisionDetails decision;
    List<DecisionChangeView> changes = List.of();
    List<RiskRollup> departments = List.of();
    List<RiskRollup> facilities = List.of();

    @Override
    public List<QueueItem> queue(QueueFilter filter, PageRequest page) {
        filters.add(filter);
        return items.stream().skip(page.offset()).limit(page.limit()).toList();
    }

    @Override
    public long queueCount(QueueFilter filter) {
        filters.add(filter);
        return items.size();
    }

    @Override
    public DecisionDetails decision(String exposureId) {
        return decision;
    }

    @Override
    public List<DecisionChangeView> history(String exposureId) {
        return changes;
    }

    @Override
    public List<RiskRollup> departments() {
        return departments;
    }

    @Override
    public List<RiskRollup> facilities() {
        return facilities;
    }

    @Override
    public DeviceRisk device(String assetTag) {
        return new DeviceRisk(assetTag, 0, 0, 0, 0, 0, 0);
    }

    @Override
    public Map<String, Duration> dueTimes() {
        Map<String, Duration> m = new LinkedHashMap<>();
        m.put("IMMEDIATE", Duration.ofHours(72));
        m.put("OUT_OF_CYCLE", Duration.ofDays(14));
        m.put("SCHEDULED", Duration.ofDays(90));
        m.put("DEFER", Duration.ofDays(365));
        return m;
    }

    // ---- test data -------------------------------------------------------------------------

    static QueueItem item(String id, String outcome, boolean overdue, String exploitation, String exposure,
                          String automatable, String human, List<String> overridden) {
        return new QueueItem(id, "BME-0001", "ICU", "Intensive care", "Alaris 8000 PC unit", "CVE-2016-8375",
                "ICSMA-17-017-01", "BD Alaris 8000", "AFFECTED", exploitation, exposure, automatable, human, outcome,
                outcome.toLowerCase().replace('_', '-'), 71, Instant.parse("2026-11-20T08:00:00Z"), overdue, null, 0,
                !overridden.isEmpty(), overridden);
    }

    record Points(String exploitation, String exploitationWhy, String exposure, String automatable, String human,
                  Set<String> overridden) {
    }

    static DecisionDetails details(String outcome, Duration due, String state, String deviceType, String connectivity,
                                   Points p) {
        List<PointView> points = List.of(
                new PointView("EXPLOITATION", "Exploitation", p.exploitation(),
                        RiskFormats.valueLabel("EXPLOITATION", p.exploitation()), p.exploitationWhy(),
                        p.overridden().contains("EXPLOITATION")),
                new PointView("SYSTEM_EXPOSURE", "System exposure", p.exposure(),
                        RiskFormats.valueLabel("SYSTEM_EXPOSURE", p.exposure()), "Clinical network → controlled",
                        p.overridden().contains("SYSTEM_EXPOSURE")),
                new PointView("AUTOMATABLE", "Automatable", p.automatable(),
                        RiskFormats.valueLabel("AUTOMATABLE", p.automatable()),
                        "CVSS network attack vector, no privileges, no user interaction → yes",
                        p.overridden().contains("AUTOMATABLE")),
                new PointView("HUMAN_IMPACT", "Human impact", p.human(), RiskFormats.valueLabel("HUMAN_IMPACT", p.human()),
                        "safety catastrophic (criticality Life sustaining) × mission MEF support crippled (Intensive care)",
                        p.overridden().contains("HUMAN_IMPACT")));
        Instant start = NOW.minus(Duration.ofDays(1));
        return new DecisionDetails("e-1", "BME-0001", "ICU", "Intensive care", "Alaris 8000 PC unit", "CVE-2016-8375",
                "ICSMA-17-017-01", "BD Alaris 8000", state, new BigDecimal("4.9"), points, "catastrophic",
                "MEF support crippled", outcome, outcome.toLowerCase().replace('_', '-'), 62,
                List.of(new ScoreFactor("exploitation active", 30), new ScoreFactor("system exposure controlled", 10),
                        new ScoreFactor("automatable no", 0), new ScoreFactor("human impact very high", 25),
                        new ScoreFactor("CVSS 4.9", 5), new ScoreFactor("EPSS unknown", 0)),
                start, start.plus(due), false, null, NOW, null, deviceType, connectivity);
    }

    static RiskRollup rollup(String code, long immediate, long outOfCycle, long scheduled, long deferred) {
        long open = immediate + outOfCycle + scheduled + deferred;
        return new RiskRollup(code, code + " department", "St. Elsewhere General", 40, open == 0 ? 0 : 3, open,
                immediate, outOfCycle, scheduled, deferred, 1, 55, 80);
    }

    /** The browserless request answers as this user with these roles (as the container would after log-in). */
    static void logInAs(String user, String... roles) {
        ServletRequest r = ((VaadinServletRequest) VaadinRequest.getCurrent()).getRequest();
        while (!(r instanceof FakeRequest) && r instanceof ServletRequestWrapper w) {
            r = w.getRequest();
        }
        FakeRequest fake = (FakeRequest) r;
        fake.setUserPrincipalInt(() -> user);
        Set<String> granted = Set.of(roles);
        fake.setUserInRole((principal, role) -> granted.contains(role));
    }
}
