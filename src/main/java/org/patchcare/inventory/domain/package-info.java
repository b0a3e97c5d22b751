/**
 * Inventory entities and rules: facilities, departments, locations, manufacturers, models, devices, lifecycle events.
 */
package org.patchcare.inventory.domain;
