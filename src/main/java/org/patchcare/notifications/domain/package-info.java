/** The in-app notification: a message for one person, unread until they open it. */
package org.patchcare.notifications.domain;
