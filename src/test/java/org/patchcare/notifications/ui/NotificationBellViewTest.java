package org.patchcare.notifications.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.patchcare.notifications.application.NotificationService;
import org.patchcare.notifications.application.NotificationView;
import org.patchcare.testsupport.BrowserlessUi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static com.github.mvysny.kaributesting.v10.ButtonKt._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static org.assertj.core.api.Assertions.assertThat;

/** The bell in the header, in a browserless UI on a stub service. */
@ExtendWith(BrowserlessUi.class)
class NotificationBellViewTest {

    private final List<NotificationView> mine = new ArrayList<>();
    private final List<String> read = new ArrayList<>();

    private final NotificationService service = new NotificationService() {
        @Override
        public long unreadCount() {
            return mine.stream().filter(n -> !read.contains(n.id())).count();
        }

        @Override
        public List<NotificationView> myNotifications(boolean unreadOnly) {
            return mine;
        }

        @Override
        public NotificationView markRead(String id) {
            read.add(id);
            return null;
        }
    };

    @Test
    void shows_no_badge_without_unread_messages() {
        NotificationBell bell = new NotificationBell(service);
        UI.getCurrent().add(bell);
        assertThat(bell.badge.isVisible()).isFalse();
    }

    @Test
    void counts_unread_messages_and_marks_one_read_when_it_is_opened() {
        mine.add(new NotificationView("n1", "Control expires on 2026-12-01: Block SMBv1", "Renew it", null,
                Instant.now(), null));
        mine.add(new NotificationView("n2", "Risk acceptance ends", "Patch by then", null, Instant.now(), null));
        NotificationBell bell = new NotificationBell(service);
        UI.getCurrent().add(bell);
        assertThat(bell.badge.isVisible()).isTrue();
        assertThat(bell.badge.getText()).isEqualTo("2");

        _click(bell.bell);
        Dialog list = bell.open();
        List<Button> buttons = _find(list, Button.class, spec -> spec.withClasses("pc-notification-open"));
        assertThat(buttons).hasSize(2);
        _click(buttons.getFirst());

        assertThat(read).containsExactly("n1");
        assertThat(bell.badge.getText()).isEqualTo("1");
    }
}
