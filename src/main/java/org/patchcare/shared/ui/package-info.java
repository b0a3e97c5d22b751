/**
 * The Vaadin shell: page settings, main layout and navigation, login, view access control, the one UI error path.
 */
package org.patchcare.shared.ui;
