/**
 * Vaadin screens of the inventory.
 */
package org.patchcare.inventory.ui;
