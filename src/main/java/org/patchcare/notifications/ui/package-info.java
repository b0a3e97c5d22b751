/** The bell in the header: the unread count and a short list of the caller's messages. */
package org.patchcare.notifications.ui;
