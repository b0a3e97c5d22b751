package org.patchcare.notifications.application;

import java.time.Instant;

/** One message as its recipient sees it; {@code link} is a route inside PatchCare or null. */
public record NotificationView(String id, String subject, String body, String link, Instant createdAt, Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
