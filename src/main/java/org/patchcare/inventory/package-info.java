/**
 * Bounded context: the medical-device inventory and each device's lifecycle.
 */
package org.patchcare.inventory;
