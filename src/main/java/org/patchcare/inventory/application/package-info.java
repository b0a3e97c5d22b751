/**
 * Inventory services (role-checked, audited) taking command beans and returning read records.
 */
package org.patchcare.inventory.application;
