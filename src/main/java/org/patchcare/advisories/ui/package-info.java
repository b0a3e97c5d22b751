/** Screens of the advisories context. */
package org.patchcare.advisories.ui;
