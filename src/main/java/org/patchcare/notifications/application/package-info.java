/**
 * {@link org.patchcare.notifications.application.NotificationService}: the one place other contexts tell a person
 * something (in the app today, by mail later), and the person's own list of messages.
 */
package org.patchcare.notifications.application;
