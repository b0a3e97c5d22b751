package org.patchcare.downtime.ui;

import com.vaadin.flow.component.UI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patchcare.downtime.application.DowntimeViews.WindowView;
import org.patchcare.downtime.domain.WindowStatus;
import org.patchcare.testsupport.BrowserlessUi;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.GridKt._getFormatted;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static org.assertj.core.api.Assertions.assertThat;
import static org.patchcare.downtime.ui.DowntimeUiFixtures.BERLIN;
import static org.patchcare.downtime.ui.DowntimeUiFixtures.window;

/** Today's downtime in a browserless UI: Monday 23 November 2026, 10:00 in Berlin. */
@ExtendWith(BrowserlessUi.class)
class TodayViewTest {

    private final FakeDowntime fake = new FakeDowntime();
    private final Clock clock = Clock.fixed(FakeDowntime.NOW, ZoneOffset.UTC);

    private TodayView view(String user) {
        // 00:30 on the 23rd in Berlin, still the 22nd in UTC: today
        fake.windows.add(window("1", "ICU-MON-01", "2026-11-22T23:30:00Z", "2026-11-23T00:30:00Z", WindowStatus.APPROVED,
                false, "anna", BERLIN));
        fake.windows.add(window("2", "ED-CT-01", "2026-11-23T13:00:00Z", "2026-11-23T14:30:00Z", WindowStatus.PROPOSED,
                true, "biomed", BERLIN));
        // 23:30 on the 23rd in UTC, but 00:30 on the 24th in Berlin: tomorrow
        fake.windows.add(window("3", "ED-XR-02", "2026-11-23T23:30:00Z", "2026-11-24T01:00:00Z", WindowStatus.APPROVED,
                false, "biomed", BERLIN));
        // Sunday of next week: outside this week
        fake.windows.add(window("4", "RAD-MR-01", "2026-11-30T08:00:00Z", "2026-11-30T09:00:00Z", WindowStatus.APPROVED,
                false, "biomed", BERLIN));
        TodayView v = new TodayView(fake.calendar, ZoneId.of(BERLIN), clock, user);
        UI.getCurrent().add(v);
        return v;
    }

    @Test
    void lists_only_the_windows_of_today_in_local_time() {
        TodayView v = view("biomed");
        assertThat(v.lastFilter().from()).isEqualTo(Instant.parse("2026-11-22T23:00:00Z"));
        assertThat(v.lastFilter().to()).isEqualTo(Instant.parse("2026-11-23T23:00:00Z"));
        assertThat(_size(v.grid)).isEqualTo(2);
        assertThat(_get(v.grid, 0).assetTag()).isEqualTo("ICU-MON-01");
        assertThat(_getFormatted(v.grid, 0, "when")).isEqualTo("00:30–01:30");
        assertThat(_get(v.grid, 1).assetTag()).isEqualTo("ED-CT-01");
        assertThat(_getFormatted(v.grid, 1, "when")).isEqualTo("14:00–15:30");
        assertThat(_getFormatted(v.grid, 1, "department")).isEqualTo("Emergency Department · BER");
        assertThat(v.count.getText()).isEqualTo("2 windows, 2 devices");
    }

    @Test
    void this_week_adds_the_rest_of_the_week_with_the_day() {
        TodayView v = view("biomed");
        v.period.setValue(TodayView.Period.WEEK);
        assertThat(v.lastFilter().to()).isEqualTo(Instant.parse("2026-11-29T23:00:00Z"));
        assertThat(_size(v.grid)).isEqualTo(3);
        assertThat(_getFormatted(v.grid, 2, "when")).isEqualTo("Tue 24 Nov 00:30–02:00");
    }

    @Test
    void only_mine_keeps_the_windows_where_the_caller_is_the_technician() {
        TodayView v = view("biomed");
        v.mineOnly.setValue(true);
        assertThat(_size(v.grid)).isEqualTo(1);
        WindowView w = _get(v.grid, 0);
        assertThat(w.assetTag()).isEqualTo("ED-CT-01");
        v.period.setValue(TodayView.Period.WEEK);
        assertThat(_size(v.grid)).isEqualTo(2);
        v.mineOnly.setValue(false);
        assertThat(_size(v.grid)).isEqualTo(3);
    }
}
