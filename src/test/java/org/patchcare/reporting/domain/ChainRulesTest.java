package org.patchcare.reporting.domain;

import org.junit.jupiter.api.Test;
import org.patchcare.reporting.domain.ChainRules.Chain;
import org.patchcare.reporting.domain.ChainRules.Event;
import org.patchcare.reporting.domain.ChainRules.Facts;
import org.patchcare.reporting.domain.ChainRules.PatchWork;
import org.patchcare.reporting.domain.ChainRules.Request;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ChainRulesTest {

    static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");

    static Instant day(double d) {
        return T0.plus(Duration.ofMinutes(Math.round(d * 1440)));
    }

    @Test
    void a_patched_exposure_takes_each_step_from_where_it_was_recorded() {
        Request cr = new Request(7, "COMPLETED", day(3), day(3.5), day(5), day(8));
        Chain c = ChainRules.chain(new Facts("FIXED", day(0), day(1), day(2), day(20),
                List.of(new Event(day(2), "itsec (matching)", null, "UNDER_INVESTIGATION"),
                        new Event(day(2.5), "itsec", "UNDER_INVESTIGATION", "AFFECTED"),
                        new Event(day(9.01), "system (matching)", "AFFECTED", "FIXED")),
                null, List.of(cr), List.of(new PatchWork(7L, day(9), day(10))), day(12)));
        assertThat(c.open()).isFalse();
        assertThat(c.triaged()).isEqualTo(day(2.5));
        assertThat(c.submitted()).isEqualTo(day(3.5));
        assertThat(c.approved()).isEqualTo(day(5));
        assertThat(c.windowStart()).isEqualTo(day(8));
        assertThat(c.patched()).isEqualTo(day(9));
        assertThat(c.verified()).isEqualTo(day(10));
        assertThat(c.closed()).isEqualTo(day(9.01));
        assertThat(c.timeToPatchDays()).isEqualTo(9.0);
        assertThat(c.withinSla()).isTrue();
        assertThat(c.vendorDays()).isEqualTo(1.0);
        assertThat(c.triageDays()).isEqualTo(0.5);
        assertThat(c.approvalDays()).isEqualTo(1.5);
        assertThat(c.schedulingDays()).isEqualTo(3.0);
        assertThat(c.patchDays()).isEqualTo(1.0);
        assertThat(c.verificationDays()).isEqualTo(1.0);
    }

    @Test
    void without_a_patch_record_the_move_to_fixed_is_the_patch_and_nothing_is_verified() {
        Chain c = ChainRules.chain(new Facts("FIXED", day(0), null, day(1), day(30),
                List.of(new Event(day(6), "system (matching)", "AFFECTED", "FIXED")), null, List.of(),
                List.of(new PatchWork(null, day(0.5), day(0.6))), day(4)));
        assertThat(c.patched()).as("a patch before the match did not close it").isEqualTo(day(6));
        assertThat(c.verified()).isNull();
        assertThat(c.withinSla()).isFalse();
        assertThat(c.triaged()).as("matching is not a person").isNull();
    }

    @Test
    void triage_is_the_earliest_of_a_persons_event_an_override_and_a_linked_request() {
        Request cr = new Request(1, "SUBMITTED", day(1.5), day(2), null, null);
        Chain c = ChainRules.chain(new Facts("AFFECTED", day(0), null, day(1), day(1),
                List.of(new Event(day(3), "biomed", "UNDER_INVESTIGATION", "AFFECTED")), day(2.5), List.of(cr),
                List.of(), day(10)));
        assertThat(c.triaged()).isEqualTo(day(1.5));
        assertThat(c.awaitingApproval()).isTrue();
        assertThat(c.patched()).isNull();
        assertThat(c.closed()).isNull();
        assertThat(c.timeToPatchDays()).isNull();
    }

    @Test
    void a_cancelled_request_gives_way_to_the_newest_live_one() {
        Request cancelled = new Request(1, "CANCELLED", day(5), day(5.5), null, null);
        Request live = new Request(2, "APPROVED", day(2), day(3), day(4), day(6));
        assertThat(ChainRules.request(List.of(cancelled, live), null)).isEqualTo(live);
        assertThat(ChainRules.request(List.of(cancelled), null)).isEqualTo(cancelled);
    }

    @Test
    void not_affected_closes_without_a_patch() {
        Chain c = ChainRules.chain(new Facts("NOT_AFFECTED", day(0), null, day(1), day(9),
                List.of(new Event(day(4), "itsec", "AFFECTED", "NOT_AFFECTED")), null, List.of(), List.of(), day(10)));
        assertThat(c.closed()).isEqualTo(day(4));
        assertThat(c.patched()).isNull();
    }

    @Test
    void quarters_are_utc() {
        assertThat(ChainRules.quarter(Instant.parse("2025-03-31T23:59:59Z"))).isEqualTo("2025-Q1");
        assertThat(ChainRules.quarter(Instant.parse("2025-10-01T00:00:00Z"))).isEqualTo("2025-Q4");
        assertThat(ChainRules.quarter(null)).isNull();
    }
}
