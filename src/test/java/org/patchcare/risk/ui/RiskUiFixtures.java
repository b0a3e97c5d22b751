package org.patchcare.risk.ui;

import org.patchcare.risk.application.MitigationViews.AcceptanceView;
import org.patchcare.risk.application.MitigationViews.ControlView;
import org.patchcare.risk.application.MitigationViews.ValidationView;

import java.time.Instant;
import java.time.LocalDate;

/** Read records as the services would return them, for the browserless view tests. */
final class RiskUiFixtures {

    static final LocalDate TODAY = LocalDate.now(java.time.ZoneOffset.UTC);
    static final Instant NOW = Instant.now();

    private RiskUiFixtures() {
    }

    static ControlView control(String id, String title, String status, long daysToExpiry) {
        return new ControlView(id, "IPS_IDS_RULE", "IPS/IDS rule", title, "IPS-" + id, "IPS/IDS rule \"" + title + "\" (IPS-"
                + id + ")", "DEVICE", "Device BME-1", "BME-1", "itsec", "rule deployed", TODAY.minusDays(5), null,
                TODAY.plusDays(daysToExpiry), status, status.charAt(0) + status.substring(1).toLowerCase(), null,
                daysToExpiry, daysToExpiry <= 14, 2, NOW, "itsec", 3);
    }

    static AcceptanceView acceptance(String id, boolean awaitingYou, boolean withdrawableByYou) {
        return new AcceptanceView(id, "exp-" + id, "BME-1", "ICU", "Intensive Care Unit", "CVE-2026-1", "ADV-1",
                "REQUESTED", "Requested", "no patch yet", TODAY.plusDays(60), "biomed", NOW, null, null, null, null, null,
                awaitingYou, withdrawableByYou, 4);
    }

    static ValidationView validation(String outcome, boolean stale, boolean current) {
        return new ValidationView("v-" + outcome, "exp-1", outcome, outcome.replace('_', ' ').toLowerCase(),
                "MANUAL_CHECK", "Manual check", "nmap", TODAY.minusDays(stale ? 200 : 3), "port closed", null, null,
                stale, current, NOW, "itsec");
    }
}
