package org.patchcare.notifications.ui;

import com.github.mvysny.kaributesting.v10.MockVaadin;
import com.github.mvysny.kaributesting.v10.Routes;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.router.Route;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patchcare.notifications.application.NotificationService;
import org.patchcare.notifications.application.NotificationView;
import org.patchcare.shared.ui.AnonymousAllowed;
import org.patchcare.testsupport.BrowserlessUi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.GridKt._getCellComponent;
import static com.github.mvysny.kaributesting.v10.GridKt._get;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

/** The full list of the caller's notifications, in a browserless UI on a stub service. */
@ExtendWith(BrowserlessUi.class)
class NotificationListViewTest {

    /** Where a notification's link points in this test. */
    @Route("controls")
    @AnonymousAllowed
    public static class Target extends Div {
    }

    private final List<NotificationView> mine = new ArrayList<>();
    private final List<String> read = new ArrayList<>();
    private final List<String> pages = new ArrayList<>();

    private final NotificationService service = new NotificationService() {
        private List<NotificationView> matching(boolean unreadOnly) {
            return mine.stream().filter(n -> !unreadOnly || n.readAt() == null && !read.contains(n.id()))
                    .map(this::withRead).toList();
        }

        private NotificationView withRead(NotificationView n) {
            return read.contains(n.id()) ? new NotificationView(n.id(), n.subject(), n.body(), n.link(), n.createdAt(),
                    Instant.now()) : n;
        }

        @Override
        public List<NotificationView> myNotificationsPage(boolean unreadOnly, int offset, int limit) {
            pages.add(unreadOnly + ":" + offset + ":" + limit);
            List<NotificationView> all = matching(unreadOnly);
            return all.subList(Math.min(offset, all.size()), Math.min(offset + limit, all.size()));
        }

        @Override
        public long myNotificationCount(boolean unreadOnly) {
            return matching(unreadOnly).size();
        }

        @Override
        public NotificationView markRead(String id) {
            read.add(id);
            return null;
        }

        @Override
        public int markAllRead() {
            mine.forEach(n -> read.add(n.id()));
            return mine.size();
        }
    };

    private NotificationListView view() {
        mine.add(new NotificationView("n1", "Approval needed: CR-7", "Please decide", "controls", Instant.now(), null));
        mine.add(new NotificationView("n2", "Window starts in 1 hour", "ICU-7", null, Instant.now(), null));
        mine.add(new NotificationView("n3", "Old news", "Read long ago", null, Instant.now(), Instant.now()));
        NotificationListView v = new NotificationListView(service);
        UI.getCurrent().add(v);
        return v;
    }

    @Test
    void lists_every_notification_through_the_paged_service_and_filters_unread_ones() {
        NotificationListView v = view();
        assertThat(_size(v.grid)).isEqualTo(3);
        assertThat(_get(v.grid, 2).subject()).isEqualTo("Old news");
        assertThat(v.count.getText()).isEqualTo("3 notifications");
        assertThat(pages).isNotEmpty().allSatisfy(p -> assertThat(p).startsWith("false:"));

        v.unreadOnly.setValue(true);

        MockVaadin.clientRoundtrip(false);
        assertThat(_size(v.grid)).isEqualTo(2);
        assertThat(_get(v.grid, 1).subject()).isEqualTo("Window starts in 1 hour");
        assertThat(v.count.getText()).isEqualTo("2 unread notifications");
        assertThat(pages.getLast()).startsWith("true:");
    }

    @Test
    void mark_read_marks_only_that_one_and_mark_all_read_empties_the_unread_list() {
        NotificationListView v = view();
        v.unreadOnly.setValue(true);
        List<Button> markRead = _find(_getCellComponent(v.grid, 1, "actions"), Button.class,
                spec -> spec.withClasses("notification-mark-read"));
        _click(markRead.getFirst());
        MockVaadin.clientRoundtrip(false);
        assertThat(read).containsExactly("n2");
        assertThat(_size(v.grid)).isEqualTo(1);

        _click(v.readAll);
        MockVaadin.clientRoundtrip(false);
        assertThat(_size(v.grid)).isZero();
        assertThat(v.count.getText()).isEqualTo("0 unread notifications");
    }

    @Test
    void open_marks_it_read_and_goes_to_its_route() {
        MockVaadin.tearDown();
        MockVaadin.setup(new Routes(Set.of(Target.class), Set.of(), true));
        NotificationListView v = view();
        List<Button> open = _find(_getCellComponent(v.grid, 0, "actions"), Button.class,
                spec -> spec.withClasses("notification-open"));
        assertThat(_find(_getCellComponent(v.grid, 1, "actions"), Button.class,
                spec -> spec.withClasses("notification-open"))).as("no link, no Open").isEmpty();

        _click(open.getFirst());

        assertThat(read).containsExactly("n1");
        assertThat(UI.getCurrent().getActiveViewLocation().getPath()).isEqualTo("controls");
    }
}
