/** {@code /api/v1/notifications}: the caller's own messages. */
package org.patchcare.notifications.api;
